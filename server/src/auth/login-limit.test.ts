import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { testBackends, type TestDatabase } from '../testing/backends.js';
import type { ThrottleRow } from './login-limit.repository.js';
import { chargeAttempt, limitLogin, LoginLimitedError, loginLimitPolicy } from './login-limit.js';

const policy = loginLimitPolicy(60);
const T0 = new Date('2025-01-06T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const fresh = (): ThrottleRow => ({ key: 'k', failures: 0, window_start: T0, locked_until: null, lockouts: 0, last_attempt_at: null, last_success_at: null });

describe('chargeAttempt (one counter)', () => {
  it('allows maxFailures attempts, then locks for the base lockout, doubling per lockout up to the cap', () => {
    let row = fresh();
    let t = 0;
    const lockLengths: number[] = [];
    for (let lockout = 0; lockout < 9; lockout++) {
      for (let i = 0; i < policy.pair.maxFailures; i++) {
        const c = chargeAttempt(row, policy.pair, at(t), policy.decayMs);
        expect(c.blockedUntil).toBeNull();
        row = c.row;
        t += 1000;
      }
      const locked = chargeAttempt(row, policy.pair, at(t), policy.decayMs);
      expect(locked.running).toBe(false);
      lockLengths.push(locked.blockedUntil!.getTime() - at(t).getTime());
      row = locked.row;
      // An attempt during the lockout is refused and does not extend it.
      const during = chargeAttempt(row, policy.pair, at(t + 500), policy.decayMs);
      expect(during).toMatchObject({ running: true, blockedUntil: locked.blockedUntil });
      expect(during.row).toBe(row);
      t = locked.blockedUntil!.getTime() - T0.getTime();
    }
    expect(lockLengths).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60].map((m) => m * 60_000));
  });

  it('forgets failures after the window and lockouts after a quiet day', () => {
    let row = fresh();
    for (let i = 0; i < policy.pair.maxFailures; i++) row = chargeAttempt(row, policy.pair, at(i), policy.decayMs).row;
    expect(chargeAttempt(row, policy.pair, at(policy.pair.windowMs + 10), policy.decayMs).blockedUntil).toBeNull();
    row = { ...row, lockouts: 5, last_attempt_at: at(0) };
    const afterQuiet = chargeAttempt({ ...row, failures: policy.pair.maxFailures, window_start: at(policy.decayMs) }, policy.pair, at(policy.decayMs + 1), policy.decayMs);
    expect(afterQuiet.blockedUntil!.getTime() - at(policy.decayMs + 1).getTime()).toBe(policy.pair.baseLockMs);
  });
});

describe.each(testBackends)('limitLogin on $name', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await backend.create();
  });
  afterAll(() => database.dispose());

  const wrong = () => Promise.reject(new AppError(401, 'invalid_credentials', 'salah', 'wrong'));
  const right = () => Promise.resolve('token');
  const attempt = async (username: string, client: string, now: Date, ok = false) => {
    try {
      return await limitLogin(database.handle.db, policy, { username, client }, ok ? right : wrong, now);
    } catch (e) {
      if (e instanceof LoginLimitedError) return e.retryAfterSeconds;
      if (e instanceof AppError) return e.status;
      throw e;
    }
  };

  it('locks a username at one client after 5 failures; the same user elsewhere is not locked', async () => {
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await attempt('ppid', '10.0.0.66', at(i * 1000)));
    expect(results).toEqual([401, 401, 401, 401, 401, 60, 59]);
    expect(await attempt('ppid', '10.0.0.7', at(8000), true)).toBe('token');
    // The lockout ends by itself.
    expect(await attempt('ppid', '10.0.0.66', at(5000 + 60_000), true)).toBe('token');
  });

  it('a success resets the pair, so a real user who mistypes is never charged for old mistakes', async () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect(await attempt('approver', '10.0.1.1', at(round * 10_000 + i))).toBe(401);
      expect(await attempt('approver', '10.0.1.1', at(round * 10_000 + 9), true)).toBe('token');
    }
  });

  it('a username attacked from many clients locks for new clients only; its known client still signs in', async () => {
    expect(await attempt('admin', '192.168.1.10', at(0), true)).toBe('token');
    const statuses = [];
    for (let i = 0; i < 25; i++) statuses.push(await attempt('admin', `203.0.113.${i}`, at(1000 + i)));
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => typeof s === 'number' && s !== 401 && s > 0 && s <= 60)).toBe(true);
    expect(await attempt('admin', '192.168.1.10', at(2000), true)).toBe('token');
    expect(await attempt('admin', '198.51.100.1', at(2000), true)).toBe(60);
    expect(await attempt('admin', '198.51.100.1', at(1020 + 60_000), true)).toBe('token');
  });

  it('counts parallel guesses before checking them: no more than the limit get through', async () => {
    const now = at(3_600_000);
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt('unitA', '10.9.9.9', now)));
    expect(results.filter((r) => r === 401)).toHaveLength(5);
    expect(results.filter((r) => r !== 401).every((r) => typeof r === 'number' && r > 0)).toBe(true);
  });
});
