import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';

describe.each(testBackends)('pushes wait for a slot, and a burst beyond the line is refused, on $name', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend, { config: { pushConcurrency: 1, pushQueue: 0 } });
  });
  afterAll(() => s.database.dispose());

  const push = () =>
    s.request('/api/register/versions', { method: 'POST', token: s.tokens.ppid, headers: { 'If-None-Match': '*' }, json: { message: 'serbu', rows: sampleRows(2000) } });

  it('answers 503 server_busy to the push that finds no slot, changes nothing for it, and frees the slot after', async () => {
    const [a, b] = await Promise.all([push(), push()]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([201, 503]);
    const busy = a.status === 503 ? a : b;
    expect(((await busy.json()) as { error: { code: string } }).error.code).toBe('server_busy');
    const head = (await (await s.request('/api/register', { token: s.tokens.ppid })).json()) as { head: number };
    expect(head.head).toBe(1);
    // The slot is free again: the next push is served (and is stale, since version 1 exists).
    expect((await push()).status).toBe(412);
  });
});
