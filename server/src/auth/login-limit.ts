/**
 * Login attempt limiting. Counters live in Postgres (table login_throttle), so every server instance behind a load
 * balancer sees the same ones.
 *
 * Three counters are charged for each attempt:
 * - `pair`   — this username from this client address: the tight limit (5 per 15 min). It stops guessing one
 *              account from one place, and a real user's own mistakes only ever lock the real user's own pair.
 * - `client` — any username from this client: stops one address spraying many accounts (50 per 15 min).
 * - `user`   — this username from any client: stops a guesser spread over many addresses (20 per 15 min). It is
 *              NOT charged, and does not block, when this client has signed in as this user in the last 30 days
 *              ("known client"): an attacker elsewhere can never lock the real user out of their usual computer.
 *
 * Past a limit the counter locks for `baseLock`, doubling with each further lockout of that counter (backoff) up to
 * `maxLock`; a counter left alone for `decay` (24 h) forgets its lockouts. Every lockout ends on its own: at worst
 * a real user signing in from a new address during a distributed attack waits out one capped lockout at a time.
 * Attempts during a lockout are refused (429 with Retry-After) before the password is checked, cost no scrypt, and
 * do not extend the lockout.
 *
 * An attempt is counted BEFORE its password is checked (in a transaction holding the counters' row locks), so
 * parallel guesses cannot slip past the limit; a successful sign-in gives its count back and resets its pair.
 * Unknown usernames are counted exactly like known ones, so the limiter does not reveal which usernames exist.
 */
import { nodeSha256 } from '../crypto.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { lockThrottleRows, pruneThrottleRows, saveThrottleRow, type ThrottleRow } from './login-limit.repository.js';

export interface LimitRule {
  maxFailures: number;
  windowMs: number;
  baseLockMs: number;
  maxLockMs: number;
}

export interface LoginLimitPolicy {
  pair: LimitRule;
  client: LimitRule;
  user: LimitRule;
  /** How long a client that signed in as a user stays exempt from that user's `user` counter. */
  knownClientMs: number;
  /** Quiet time after which a counter's lockout backoff starts over. */
  decayMs: number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** The policy above; `lockSeconds` is the first lockout (LOGIN_LOCK_SECONDS, default 60; tests use 1). */
export function loginLimitPolicy(lockSeconds = 60): LoginLimitPolicy {
  const base = lockSeconds * 1000;
  return {
    pair: { maxFailures: 5, windowMs: 15 * MIN, baseLockMs: base, maxLockMs: 60 * base },
    client: { maxFailures: 50, windowMs: 15 * MIN, baseLockMs: base, maxLockMs: 60 * base },
    user: { maxFailures: 20, windowMs: 15 * MIN, baseLockMs: base, maxLockMs: 15 * base },
    knownClientMs: 30 * DAY,
    decayMs: DAY,
  };
}

type Kind = 'pair' | 'client' | 'user';

/** Counter keys are hashes: usernames and addresses are attacker-chosen text and are not stored. */
export const throttleKey = (kind: Kind, ...parts: string[]) => `${kind}:${nodeSha256(JSON.stringify(parts))}`;

/**
 * What one attempt does to one counter (pure). Returns the new counter and, when the attempt is refused, until when.
 * A refused attempt on a lock already running leaves the counter as it was.
 */
export interface Charge {
  row: ThrottleRow;
  blockedUntil: Date | null;
  /** Refused by a lockout that was already running (nothing to save). */
  running: boolean;
}

export function chargeAttempt(row: ThrottleRow, rule: LimitRule, now: Date, decayMs: number): Charge {
  if (row.locked_until && row.locked_until > now) return { row, blockedUntil: row.locked_until, running: true };
  const t = now.getTime();
  const quiet = row.last_attempt_at === null || t - row.last_attempt_at.getTime() >= decayMs;
  const lockouts = quiet ? 0 : row.lockouts;
  const inWindow = t - row.window_start.getTime() < rule.windowMs && row.locked_until === null;
  const failures = inWindow ? row.failures : 0;
  const windowStart = inWindow ? row.window_start : now;
  if (failures >= rule.maxFailures) {
    const until = new Date(t + Math.min(rule.maxLockMs, rule.baseLockMs * 2 ** Math.min(lockouts, 30)));
    return { row: { ...row, failures: 0, window_start: now, locked_until: until, lockouts: lockouts + 1, last_attempt_at: now }, blockedUntil: until, running: false };
  }
  return { row: { ...row, failures: failures + 1, window_start: windowStart, locked_until: null, lockouts, last_attempt_at: now }, blockedUntil: null, running: false };
}

export interface LoginSubject {
  username: string;
  /** The client's address as the server sees it (login-limit.client.ts). */
  client: string;
}

interface Reservation {
  keys: { pair: string; client: string; user: string | null };
}

export class LoginLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'too_many_login_attempts',
      `Terlalu banyak percobaan masuk. Coba lagi dalam ${retryAfterSeconds} detik.`,
      `Too many sign-in attempts. Try again in ${retryAfterSeconds} seconds.`,
      { retryAfterSeconds },
    );
  }
}

/** Counts one attempt on every counter that applies; throws LoginLimitedError when one of them refuses it. */
async function reserve(db: Db, policy: LoginLimitPolicy, s: LoginSubject, now: Date): Promise<Reservation> {
  const pair = throttleKey('pair', s.username, s.client);
  const client = throttleKey('client', s.client);
  const user = throttleKey('user', s.username);
  const outcome = await db.transaction().execute(async (trx) => {
    const rows = new Map((await lockThrottleRows(trx, [pair, client, user], now)).map((r) => [r.key, r]));
    const pairRow = rows.get(pair)!;
    const known = pairRow.last_success_at !== null && now.getTime() - pairRow.last_success_at.getTime() < policy.knownClientMs;
    const charges: [string, LimitRule][] = [
      [pair, policy.pair],
      [client, policy.client],
      ...(known ? [] : ([[user, policy.user]] as [string, LimitRule][])),
    ];
    const results = charges.map(([key, rule]) => chargeAttempt(rows.get(key)!, rule, now, policy.decayMs));
    const running = results.filter((r) => r.running);
    // Refused by a lockout already running: change nothing, so waiting it out is enough.
    if (running.length > 0) return { known, blockedUntil: latest(running.map((r) => r.blockedUntil!)) };
    for (const r of results) await saveThrottleRow(trx, r.row);
    const fresh = results.filter((r) => r.blockedUntil).map((r) => r.blockedUntil!);
    return { known, blockedUntil: fresh.length > 0 ? latest(fresh) : null };
  });
  if (outcome.blockedUntil) throw new LoginLimitedError(Math.max(1, Math.ceil((outcome.blockedUntil.getTime() - now.getTime()) / 1000)));
  return { keys: { pair, client, user: outcome.known ? null : user } };
}

const latest = (dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));

/** A successful sign-in: its pair starts over and becomes a known client; the shared counters get the attempt back. */
async function recordSuccess(db: Db, r: Reservation, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const keys = [r.keys.pair, r.keys.client, ...(r.keys.user ? [r.keys.user] : [])];
    for (const row of await lockThrottleRows(trx, keys, now)) {
      if (row.key === r.keys.pair) {
        await saveThrottleRow(trx, { ...row, failures: 0, lockouts: 0, locked_until: null, window_start: now, last_success_at: now });
      } else {
        await saveThrottleRow(trx, { ...row, failures: Math.max(0, row.failures - 1) });
      }
    }
  });
}

let lastPrune = 0;

/**
 * Runs `attempt` (the password check) only if the limits allow it. A rejected password keeps its count; a success
 * gives it back. Throws LoginLimitedError (429) when limited.
 */
export async function limitLogin<T>(db: Db, policy: LoginLimitPolicy, subject: LoginSubject, attempt: () => Promise<T>, now = new Date()): Promise<T> {
  // Forget idle counters now and then (each instance at most every 10 minutes) so spraying cannot grow the table forever.
  if (now.getTime() - lastPrune > 10 * MIN) {
    lastPrune = now.getTime();
    await pruneThrottleRows(db, new Date(now.getTime() - policy.decayMs - policy.pair.maxLockMs), new Date(now.getTime() - policy.knownClientMs));
  }
  const reservation = await reserve(db, policy, subject, now);
  const result = await attempt();
  await recordSuccess(db, reservation, now);
  return result;
}
