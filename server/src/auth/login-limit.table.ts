import type { Generated } from 'kysely';

/** One limited subject's login attempt counter (see login-limit.ts). */
export interface LoginThrottleTable {
  key: string;
  failures: Generated<number>;
  window_start: Generated<Date>;
  locked_until: Date | null;
  lockouts: Generated<number>;
  last_attempt_at: Date | null;
  last_success_at: Date | null;
}
export interface LoginLimitTables {
  login_throttle: LoginThrottleTable;
}
