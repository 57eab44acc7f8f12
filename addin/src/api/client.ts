/**
 * Typed HTTP client for the register API (../shared/DESIGN.md, "HTTP contract"). Same origin as the task pane by
 * default; bearer token auth. Every non-2xx answer becomes an ApiError with the server's code.
 */
import {
  pushRequestJson,
  type ApiErrorBody,
  type LoginResponse,
  type PushRequest,
  type PushResponse,
  type RegisterInfo,
  type StaleBaseBody,
  type UserInfo,
  type VersionMeta,
  type VersionWithRows,
} from '../../../shared/api.js';
import type { RowDiff } from '../../../shared/diff.js';
import { ApiError, NetworkError, StaleBaseError, isAbort } from './errors.js';

export type VersionRef = number | 'head' | 'published';

/** How a push proves which version it was based on. */
export type PushPrecondition = { ifMatch: string } | { firstVersion: true };

export interface ApiClientOptions {
  baseUrl: string;
  token?: string | null;
  fetch?: typeof fetch;
}

export interface WithEtag<T> {
  data: T;
  etag: string | null;
}

/**
 * Request bodies from this size on go gzip-compressed (the server decodes them, server/src/http/encoding.ts): a push
 * of 10,000 rows is ~4 MB of JSON, several times less compressed, and an office line's upload is what a person
 * waits on. Below it (a sign-in, a decision) there is too little to gain.
 */
export const COMPRESS_FROM_BYTES = 1024;

/** `text` as gzip, or null where the WebView has no CompressionStream (the body then goes as it is). */
async function gzipped(text: string): Promise<ArrayBuffer | null> {
  if (typeof CompressionStream !== 'function') return null;
  try {
    return await new Response(new Response(text).body!.pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
  } catch {
    return null;
  }
}

/** Removes a trailing slash so `${base}/api/...` never doubles it. */
export function normalizeServerUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

function isErrorBody(v: unknown): v is ApiErrorBody {
  return typeof v === 'object' && v !== null && typeof (v as ApiErrorBody).error?.code === 'string';
}

export class ApiClient {
  readonly baseUrl: string;
  private readonly token: string | null;
  private readonly fetchImpl: typeof fetch;

  constructor(opts: ApiClientOptions) {
    this.baseUrl = normalizeServerUrl(opts.baseUrl);
    this.token = opts.token ?? null;
    // Bound so that a window.fetch passed in keeps its `this`.
    this.fetchImpl = opts.fetch ?? globalThis.fetch.bind(globalThis);
  }

  withToken(token: string | null): ApiClient {
    return new ApiClient({ baseUrl: this.baseUrl, token, fetch: this.fetchImpl });
  }

  /**
   * One call to the API; the feature modules of this folder (approval.ts, rounds.ts) build on it. `body` is sent as
   * JSON; `json` is a body already serialised (a push's canonical rows, see `pushRequestJson`).
   */
  async request(method: string, path: string, opts: { body?: unknown; json?: string; headers?: Record<string, string>; signal?: AbortSignal } = {}) {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const text = opts.json ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
    if (text !== undefined) headers['content-type'] = 'application/json';
    // Length in UTF-16 units: at least the UTF-8 byte count's third, plenty to tell a large body from a small one.
    const gz = text !== undefined && text.length >= COMPRESS_FROM_BYTES ? await gzipped(text) : null;
    const url = `${this.baseUrl}${path}`;
    const send = (compressed: boolean) =>
      this.fetchImpl(url, {
        method,
        headers: compressed ? { ...headers, 'content-encoding': 'gzip' } : headers,
        body: compressed ? gz : text,
        signal: opts.signal,
      });
    let res: Response;
    try {
      res = await send(gz !== null);
      // A server that does not take gzip says so (415) without having read the body: send it as it is.
      if (gz !== null && res.status === 415) res = await send(false);
    } catch (err) {
      if (isAbort(err)) throw err;
      throw new NetworkError(url);
    }
    const answer = await res.text();
    let json: unknown = null;
    if (answer) {
      try {
        json = JSON.parse(answer);
      } catch {
        json = null;
      }
    }
    if (!res.ok) {
      if (res.status === 412 && isErrorBody(json) && 'diff' in json) throw new StaleBaseError(json as StaleBaseBody);
      if (isErrorBody(json)) throw new ApiError(res.status, json.error.code, json.error.message, json.error.details);
      throw new ApiError(res.status, `http_${res.status}`, answer.slice(0, 200));
    }
    if (json === null && answer) throw new ApiError(res.status, 'bad_response', answer.slice(0, 200));
    return { json, etag: res.headers.get('etag') };
  }

  async login(username: string, password: string, signal?: AbortSignal): Promise<LoginResponse> {
    return (await this.request('POST', '/api/auth/login', { body: { username, password }, signal })).json as LoginResponse;
  }

  async logout(): Promise<void> {
    await this.request('POST', '/api/auth/logout');
  }

  async me(signal?: AbortSignal): Promise<UserInfo> {
    const { json } = await this.request('GET', '/api/me', { signal });
    // The contract leaves the envelope open: accept both `{user}` and the bare user.
    const body = json as { user?: UserInfo } & Partial<UserInfo>;
    return body.user ?? (body as UserInfo);
  }

  async register(signal?: AbortSignal): Promise<WithEtag<RegisterInfo>> {
    const { json, etag } = await this.request('GET', '/api/register', { signal });
    return { data: json as RegisterInfo, etag };
  }

  async versions(signal?: AbortSignal): Promise<VersionMeta[]> {
    return ((await this.request('GET', '/api/register/versions', { signal })).json as { versions: VersionMeta[] }).versions;
  }

  async version(ref: VersionRef, signal?: AbortSignal): Promise<WithEtag<VersionWithRows>> {
    const { json, etag } = await this.request('GET', `/api/register/versions/${encodeURIComponent(String(ref))}`, { signal });
    return { data: json as VersionWithRows, etag };
  }

  /** Pushes a new version. Throws StaleBaseError (412) when the head moved past our base. */
  async push(body: PushRequest, precondition: PushPrecondition, idempotencyKey: string, signal?: AbortSignal): Promise<WithEtag<PushResponse>> {
    const headers: Record<string, string> = { 'idempotency-key': idempotencyKey };
    if ('ifMatch' in precondition) headers['if-match'] = precondition.ifMatch;
    else headers['if-none-match'] = '*';
    const { json, etag } = await this.request('POST', '/api/register/versions', { json: pushRequestJson(body), headers, signal });
    return { data: json as PushResponse, etag };
  }

  async diff(from: number, to: number, signal?: AbortSignal): Promise<RowDiff> {
    return (await this.request('GET', `/api/register/diff?from=${from}&to=${to}`, { signal })).json as RowDiff;
  }
}

/** A random UUID for Idempotency-Key; falls back to getRandomValues where randomUUID is missing (old WebViews). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
