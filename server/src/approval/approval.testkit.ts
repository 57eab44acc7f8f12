/**
 * Test helpers for the approval workflow: each step as one call through the real HTTP app, returning status and body.
 * Used only by the approval tests.
 */
import type { ApiErrorBody, PushResponse, VersionApprovalInfo, VersionVerifyReport } from '../../../shared/api.js';
import type { DipRow } from '../../../shared/row.js';
import type { TestServer } from '../testing/server.js';

export interface Reply<T> {
  status: number;
  body: T & Partial<ApiErrorBody>;
}

async function reply<T>(res: Response): Promise<Reply<T>> {
  return { status: res.status, body: (await res.json()) as T & Partial<ApiErrorBody> };
}

export const SK = { decreeNumber: '188.4/12/KPTS/PPID/2025', decreeDate: '2025-03-14' };

export function workflow(s: TestServer) {
  const post = <T>(path: string, token: string, json?: unknown) =>
    s.request(`/api/register/versions/${path}`, { method: 'POST', token, ...(json === undefined ? {} : { json }) }).then((r) => reply<T>(r));
  const get = <T>(path: string, token = s.tokens.ppid) => s.request(path, { token }).then((r) => reply<T>(r));

  const api = {
    /** Pushes `rows` on top of the head; returns the new version's number and content hash. */
    async push(rows: DipRow[], token = s.tokens.ppid): Promise<{ version: number; contentHash: string; ids: string[] }> {
      const reg = await s.request('/api/register', { token: s.tokens.ppid });
      const etag = reg.headers.get('etag')!;
      const headers: Record<string, string> = etag === '"empty"' ? { 'If-None-Match': '*' } : { 'If-Match': etag };
      const res = await s.request('/api/register/versions', { method: 'POST', token, headers, json: { message: 'uji persetujuan', rows } });
      if (res.status !== 201) throw new Error(`push failed: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as PushResponse;
      return { version: body.version.version, contentHash: body.version.contentHash, ids: body.ids };
    },
    submit: (n: number, token = s.tokens.ppid) => post<VersionApprovalInfo>(`${n}/submit`, token),
    meeting: (n: number, json: unknown, token = s.tokens.ppid) => post<VersionApprovalInfo>(`${n}/meeting`, token, json),
    approve: (n: number, contentHash: string, token = s.tokens.approver, sk = SK) => post<VersionApprovalInfo>(`${n}/approve`, token, { contentHash, ...sk }),
    reject: (n: number, reason: string, token = s.tokens.approver) => post<VersionApprovalInfo>(`${n}/reject`, token, { reason }),
    publish: (n: number, token = s.tokens.ppid) => post<VersionApprovalInfo>(`${n}/publish`, token),
    info: (n: number | string, token?: string) => get<VersionApprovalInfo>(`/api/register/versions/${n}/approval`, token),
    verify: (n: number | string, token?: string) => get<VersionVerifyReport>(`/api/register/versions/${n}/verify`, token),
    register: async () => (await get<{ head: number | null; published: number | null }>('/api/register')).body,
    /** Push, submit (by ppid2: not the author) and approve: a version ready to publish. */
    async approved(rows: DipRow[]) {
      const v = await api.push(rows);
      expectStatus(await api.submit(v.version, s.tokens.ppid2), 200);
      expectStatus(await api.approve(v.version, v.contentHash), 200);
      return v;
    },
  };
  return api;
}

/** Throws with the error body when the status is not the expected one (a clearer failure than a bare toBe). */
export function expectStatus<T>(r: Reply<T>, status: number): Reply<T> {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r;
}
