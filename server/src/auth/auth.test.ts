import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse, UserInfo } from '../../../shared/api.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/server.js';
import { bootstrapAdmin, login } from './auth.service.js';
import { hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('kata-sandi-rahasia');
    const b = await hashPassword('kata-sandi-rahasia');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('kata-sandi-rahasia', a)).toBe(true);
    expect(await verifyPassword('kata-sandi-salah', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe.each(testBackends)('auth and admin on $name', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend);
  });
  afterAll(() => s.database.dispose());

  it('logs in with the right password and refuses a wrong one without saying which part was wrong', async () => {
    const ok = await s.request('/api/auth/login', { method: 'POST', json: { username: 'approver', password: TEST_PASSWORD } });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as LoginResponse;
    expect(body.user).toMatchObject({ username: 'approver', role: 'approver', unitCode: null });
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await s.request('/api/me', { token: body.token });
    expect(((await me.json()) as { user: UserInfo }).user.username).toBe('approver');

    for (const creds of [{ username: 'approver', password: 'salah-salah-salah' }, { username: 'nobody', password: TEST_PASSWORD }]) {
      const res = await s.request('/api/auth/login', { method: 'POST', json: creds });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_credentials');
    }
  });

  it('stores only a hash of each token', async () => {
    const rows = await s.db.selectFrom('auth_tokens').select('token_hash').execute();
    const tokens = Object.values(s.tokens);
    expect(rows.some((r) => tokens.includes(r.token_hash))).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('expires tokens', async () => {
    const short = (await login(s.db, 'ppid', TEST_PASSWORD, -1000)).token;
    expect((await s.request('/api/me', { token: short })).status).toBe(401);
  });

  it('lets an admin create units and users, and refuses bad or duplicate ones', async () => {
    const unit = await s.request('/api/units', { method: 'POST', token: s.tokens.admin, json: { code: 'DISKOMINFO', name: 'Dinas Kominfo' } });
    expect(unit.status).toBe(201);
    expect((await s.request('/api/units', { method: 'POST', token: s.tokens.admin, json: { code: 'DISKOMINFO', name: 'lagi' } })).status).toBe(409);
    expect((await s.request('/api/units', { method: 'POST', token: s.tokens.ppid, json: { code: 'X1', name: 'x' } })).status).toBe(403);
    expect((await s.request('/api/units', { method: 'POST', token: s.tokens.admin, json: { code: 'bad code!', name: 'x' } })).status).toBe(422);

    const user = await s.request('/api/users', { method: 'POST', token: s.tokens.admin, json: { username: 'staf.kominfo', password: 'panjang-sekali-1', role: 'unit', unitCode: 'DISKOMINFO' } });
    expect(user.status).toBe(201);
    expect(await user.json()).toMatchObject({ username: 'staf.kominfo', role: 'unit', unitCode: 'DISKOMINFO' });
    const cases = [
      { username: 'staf.kominfo', password: 'panjang-sekali-1', role: 'ppid' },
      { username: 'unit.tanpa.kode', password: 'panjang-sekali-1', role: 'unit' },
      { username: 'ppid.dengan.kode', password: 'panjang-sekali-1', role: 'ppid', unitCode: 'DISKOMINFO' },
      { username: 'pendek', password: 'short', role: 'ppid' },
      { username: 'tak.dikenal', password: 'panjang-sekali-1', role: 'unit', unitCode: 'NOPE' },
      { username: 'peran.aneh', password: 'panjang-sekali-1', role: 'root' },
    ];
    const statuses = [];
    for (const c of cases) statuses.push((await s.request('/api/users', { method: 'POST', token: s.tokens.admin, json: c })).status);
    expect(statuses).toEqual([409, 422, 422, 422, 422, 422]);
    const units = (await (await s.request('/api/units', { token: s.tokens.unitA })).json()) as { units: { code: string }[] };
    expect(units.units.map((u) => u.code)).toContain('DISKOMINFO');
  });

  it('creates the first admin once: from the given password, or a random one to print', async () => {
    expect(await bootstrapAdmin(s.db, 'admin2', 'tidak-dipakai-123')).toEqual({ created: false });
    const fresh = await backend.create();
    try {
      const made = await bootstrapAdmin(fresh.handle.db);
      expect(made.created).toBe(true);
      expect(made.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(await bootstrapAdmin(fresh.handle.db)).toEqual({ created: false });
    } finally {
      await fresh.dispose();
    }
  });
});
