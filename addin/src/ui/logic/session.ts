/** The signed-in session, kept per Office partition (see office/storage.ts) so two workbooks' panes do not mix. */
import type { LoginResponse, UserInfo } from '../../../../shared/api.js';
import { readJson, type KeyValueStore } from '../../office/storage.js';

export interface Session {
  serverUrl: string;
  token: string;
  expiresAt: string;
  user: UserInfo;
}

const SESSION_KEY = 'session';
const SERVER_KEY = 'serverUrl';

/** The stored session, or null when there is none or it has expired (`now` for tests). */
export function loadSession(store: KeyValueStore, now: number = Date.now()): Session | null {
  const s = readJson<Session>(store, SESSION_KEY);
  if (!s || typeof s.token !== 'string' || typeof s.serverUrl !== 'string' || !s.user) return null;
  const expires = Date.parse(s.expiresAt);
  if (Number.isFinite(expires) && expires <= now) {
    store.remove(SESSION_KEY);
    return null;
  }
  return s;
}

export function saveSession(store: KeyValueStore, serverUrl: string, login: LoginResponse): Session {
  const session: Session = { serverUrl, token: login.token, expiresAt: login.expiresAt, user: login.user };
  store.set(SESSION_KEY, JSON.stringify(session));
  store.set(SERVER_KEY, serverUrl);
  return session;
}

export function clearSession(store: KeyValueStore): void {
  store.remove(SESSION_KEY);
}

/** The server last signed in to (the form's default next time), else the page's own origin. */
export function lastServerUrl(store: KeyValueStore, fallback: string): string {
  return store.get(SERVER_KEY) || fallback;
}
