/** Register and workflow steps the component tests set up through the real API (as the other roles would). */
import type { DipRow } from '../../../../shared/row.js';
import type { TestServer } from '../../../../server/src/testing/server.js';
import { approveVersion, publishVersion, submitVersion } from '../../api/approval.js';
import { newIdempotencyKey } from '../../api/client.js';
import { apiFor, type TokenUser } from './harness.js';

/** Pushes `rows` as the next version (as `who`, default ppid); returns its number, content hash and row ids. */
export async function pushRows(server: TestServer, rows: readonly DipRow[], who: TokenUser = 'ppid', message = 'uji') {
  const api = apiFor(server, who);
  const { etag, data } = await api.register();
  const pre = data.head === null ? ({ firstVersion: true } as const) : { ifMatch: etag! };
  const pushed = await api.push({ message, rows: [...rows] }, pre, newIdempotencyKey());
  return { version: pushed.data.version.version, contentHash: pushed.data.version.contentHash, ids: pushed.data.ids };
}

/** Pushes, submits, approves and publishes `rows`: the published DIP a round's templates are cut from. */
export async function publishRows(server: TestServer, rows: readonly DipRow[]) {
  const v = await pushRows(server, rows);
  await submitVersion(apiFor(server, 'ppid'), v.version);
  await approveVersion(apiFor(server, 'approver'), v.version, { contentHash: v.contentHash, decreeNumber: 'SK/1/2026', decreeDate: '2026-01-05' });
  await publishVersion(apiFor(server, 'ppid'), v.version);
  return v;
}

export const setRole = (server: TestServer, username: string, role: 'ppid' | 'approver') =>
  server.db.updateTable('users').set({ role }).where('username', '=', username).execute();
