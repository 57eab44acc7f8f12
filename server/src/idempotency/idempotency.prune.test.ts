import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { KEY_RETENTION_DAYS } from './idempotency.service.js';

describe.each(testBackends)('idempotency keys are forgotten after %s days on $name'.replace('%s', String(KEY_RETENTION_DAYS)), (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend);
  });
  afterAll(() => s.database.dispose());

  const keys = async () =>
    (await sql<{ key: string }>`select key from idempotency_keys order by key`.execute(s.db)).rows.map((r) => r.key);
  const age = (key: string, days: number) => sql`update idempotency_keys set created_at = now() - make_interval(days => ${days}) where key = ${key}`.execute(s.db);

  it("drops the writer's keys past the retention when it uses a new one, keeps recent ones and other users' ones", async () => {
    const etag = async () => (await s.request('/api/register', { token: s.tokens.ppid })).headers.get('etag')!;
    const push = async (key: string, pre: Record<string, string>) =>
      s.request('/api/register/versions', { method: 'POST', token: s.tokens.ppid, headers: { 'Idempotency-Key': key, ...pre }, json: { message: key, rows: sampleRows(2) } });
    expect((await push('push-old-0001', { 'If-None-Match': '*' })).status).toBe(201);
    expect((await push('push-recent-01', { 'If-Match': await etag() })).status).toBe(201);
    await age('push-old-0001', KEY_RETENTION_DAYS + 1);
    await age('push-recent-01', KEY_RETENTION_DAYS - 1);
    // Another user's old key is theirs to forget, on their next write.
    await sql`insert into idempotency_keys (user_id, key, request_hash, status, response, created_at)
      select id, 'other-user-old', 'x', 201, '{}', now() - make_interval(days => ${KEY_RETENTION_DAYS + 5}) from users where username = 'approver'`.execute(s.db);

    expect((await push('push-new-0001', { 'If-Match': await etag() })).status).toBe(201);
    expect(await keys()).toEqual(['other-user-old', 'push-new-0001', 'push-recent-01']);

    // The forgotten key is new again: a push with it is a new push (here stale, as a new push on an old base is).
    const again = await push('push-old-0001', { 'If-None-Match': '*' });
    expect(again.status).toBe(412);
  });
});
