/** The database as Kysely sees it: one interface per table, composed from the features' table files. */
import type { ApprovalTables } from '../approval/approval.table.js';
import type { AuditTables } from '../audit/audit.table.js';
import type { AuthTables } from '../auth/auth.table.js';
import type { LoginLimitTables } from '../auth/login-limit.table.js';
import type { IdempotencyTables } from '../idempotency/idempotency.table.js';
import type { RegisterTables } from '../register/register.table.js';
import type { ReportsTables } from '../reports/reports.table.js';
import type { RoundsTables } from '../rounds/rounds.table.js';
import type { SigningTables } from '../signing/signing.table.js';

export interface Database extends AuthTables, RegisterTables, AuditTables, IdempotencyTables, ApprovalTables, SigningTables, RoundsTables, ReportsTables, LoginLimitTables {}
