/** Register calls the fault tests repeat, over real HTTP. */
import type { PushResponse, StaleBaseBody, VersionWithRows } from '../../shared/api.js';
import type { DipRow } from '../../shared/row.js';
import { call, type Reply } from './http.js';

export async function headOf(base: string, token: string): Promise<{ head: number | null; etag: string }> {
  const r = await call<{ head: number | null }>(base, '/api/register', { token });
  if (r.status !== 200) throw new Error(`GET /api/register: ${r.status} ${r.text}`);
  return { head: r.json.head, etag: r.headers.get('etag')! };
}

export interface PushOptions {
  /** The base's ETag; undefined = first version (If-None-Match: *). */
  etag?: string | undefined;
  key?: string;
  message?: string;
}

export function push(base: string, token: string, rows: DipRow[], opts: PushOptions = {}): Promise<Reply<PushResponse & StaleBaseBody>> {
  const headers: Record<string, string> = opts.etag ? { 'if-match': opts.etag } : { 'if-none-match': '*' };
  if (opts.key) headers['idempotency-key'] = opts.key;
  return call(base, '/api/register/versions', { method: 'POST', token, headers, json: { message: opts.message ?? 'uji', rows } });
}

export async function versionOf(base: string, token: string, ref: string | number): Promise<VersionWithRows> {
  const r = await call<VersionWithRows>(base, `/api/register/versions/${ref}`, { token });
  if (r.status !== 200) throw new Error(`GET version ${ref}: ${r.status} ${r.text}`);
  return r.json;
}
