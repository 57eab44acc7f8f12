/**
 * A small but complete world for the authorisation matrix and the hostile-input run, built through the real HTTP
 * app: a published version, a draft on top of it, an open round for units UA and UB, and one submission from each.
 */
import type { PushResponse } from '../../shared/api.js';
import type { DipRow } from '../../shared/row.js';
import { sampleRows } from '../../shared/testing/sample-rows.js';
import { hashToken, login, logout } from '../../server/src/auth/auth.service.js';
import type { TestBackend } from '../../server/src/testing/backends.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../server/src/testing/server.js';
import type { Config } from '../../server/src/config.js';

export interface World {
  s: TestServer;
  expiredToken: string;
  revokedToken: string;
  /** The published version, and a draft pushed on top of it. */
  published: number;
  draft: number;
  roundId: number;
  /** Submission id of each unit, and the titles each one sent (to prove the other unit never sees them). */
  submissions: Record<'UA' | 'UB', number>;
  titles: Record<'UA' | 'UB', string[]>;
  /** Titles of the published rows each unit owns. */
  publishedTitles: Record<'UA' | 'UB', string[]>;
}

async function ok<T>(res: Response, status: number, what: string): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${text.slice(0, 400)}`);
  return JSON.parse(text) as T;
}

const UNIT_NAMES = { UA: 'Bagian Umum', UB: 'Bidang Keuangan' } as const;

export async function buildWorld(backend: TestBackend, config: Partial<Config> = {}): Promise<World> {
  const s = await startTestServer(backend, { config });
  const rows = sampleRows(20);
  const push = async (body: DipRow[], headers: Record<string, string>, message: string) =>
    ok<PushResponse>(await s.request('/api/register/versions', { method: 'POST', token: s.tokens.ppid, headers, json: { message, rows: body } }), 201, 'push');
  const v1 = await push(rows, { 'if-none-match': '*' }, 'DIP awal');
  const n = v1.version.version;
  const step = async (path: string, token: string, json?: unknown) =>
    ok(await s.request(`/api/register/versions/${n}/${path}`, { method: 'POST', token, ...(json === undefined ? {} : { json }) }), 200, path);
  await step('submit', s.tokens.ppid2);
  await step('approve', s.tokens.approver, { contentHash: v1.version.contentHash, decreeNumber: '188.4/7/KPTS/PPID/2025', decreeDate: '2025-02-03' });
  await step('publish', s.tokens.ppid);
  const etag = (await s.request('/api/register', { token: s.tokens.ppid })).headers.get('etag')!;
  const v2 = await push(rows.slice(1).map((r, i) => ({ ...r, id: v1.ids[i + 1]! })), { 'if-match': etag }, 'draf');

  const round = await ok<{ id: number }>(
    await s.request('/api/rounds', { method: 'POST', token: s.tokens.ppid, json: { title: 'Pemutakhiran uji', dueDate: '2099-12-31', unitCodes: ['UA', 'UB'] } }),
    201,
    'round',
  );
  const submissions = {} as World['submissions'];
  const titles = {} as World['titles'];
  for (const [code, token] of [['UA', s.tokens.unitA], ['UB', s.tokens.unitB]] as const) {
    const own = sampleRows(3, code === 'UA' ? 500 : 600).map((r, i) => ({ ...r, owningUnit: UNIT_NAMES[code], title: `Usulan rahasia ${code} nomor ${i}` }));
    const sent = await ok<{ receipt: { submissionId: number } }>(
      await s.request(`/api/rounds/${round.id}/submissions`, { method: 'POST', token, json: { rows: own } }),
      201,
      `submission ${code}`,
    );
    submissions[code] = sent.receipt.submissionId;
    titles[code] = own.map((r) => r.title);
  }

  const expiredToken = (await login(s.db, 'ppid', TEST_PASSWORD, -1000)).token;
  const revoked = await login(s.db, 'ppid', TEST_PASSWORD, s.config.tokenTtlMs);
  await logout(s.db, { id: revoked.user.id, username: 'ppid', role: 'ppid', unitCode: null }, hashToken(revoked.token));
  const publishedTitles = {
    UA: rows.filter((r) => r.owningUnit === UNIT_NAMES.UA).map((r) => r.title),
    UB: rows.filter((r) => r.owningUnit === UNIT_NAMES.UB).map((r) => r.title),
  };
  return { s, expiredToken, revokedToken: revoked.token, published: n, draft: v2.version.version, roundId: round.id, submissions, titles, publishedTitles };
}
