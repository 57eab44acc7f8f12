/** Settings from the environment, read once at start. Every one has a default that works on a fresh machine. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  tokenTtlMs: number;
  /** Cap for ordinary JSON bodies. */
  bodyLimitBytes: number;
  /** Cap for a pushed version (a 10,000-row DIP is ~5–10 MB of JSON). */
  pushBodyLimitBytes: number;
  /** Pushes parsed at once per instance, and how many may wait for a turn (beyond: 503 server_busy). */
  pushConcurrency: number;
  pushQueue: number;
  /** Where the built task pane lives (vite build output). */
  addinDist: string;
  /** Where Office.js is served from (the npm package, never the CDN). */
  officeJsDist: string;
  logRequests: boolean;
  adminUsername: string | undefined;
  adminPassword: string | undefined;
  /** Reverse proxies in front of the server whose X-Forwarded-For is trusted for the client address (0 = none). */
  trustProxyHops: number;
  /** First login lockout in seconds (auth/login-limit.ts); later ones double. */
  loginLockSeconds: number;
  /** Ed25519 PKCS#8 private key (base64) to sign approvals with; unset = a key generated once and kept in the database. */
  signingKeyPkcs8Base64: string | undefined;
}

const num = (v: string | undefined, d: number) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : d);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: num(env.PORT, 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? path.join(root, 'data'),
    tokenTtlMs: num(env.TOKEN_TTL_HOURS, 12) * 3600_000,
    bodyLimitBytes: num(env.BODY_LIMIT_MB, 1) * 1024 * 1024,
    pushBodyLimitBytes: num(env.PUSH_BODY_LIMIT_MB, 16) * 1024 * 1024,
    pushConcurrency: num(env.PUSH_CONCURRENCY, 4),
    pushQueue: num(env.PUSH_QUEUE, 32),
    addinDist: env.ADDIN_DIST ?? path.join(root, 'addin/dist'),
    officeJsDist: path.join(root, 'node_modules/@microsoft/office-js/dist'),
    logRequests: env.LOG_REQUESTS !== '0' && env.NODE_ENV !== 'test',
    adminUsername: env.ADMIN_USERNAME || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    signingKeyPkcs8Base64: env.SIGNING_KEY_PKCS8_BASE64 || undefined,
    trustProxyHops: num(env.TRUST_PROXY_HOPS, 0),
    loginLockSeconds: num(env.LOGIN_LOCK_SECONDS, 60),
  };
}

/** Defaults for tests: in-memory database, no request log. */
export function testConfig(over: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test' }), ...over };
}
