import type { Generated } from 'kysely';
import type { Role } from '../../../shared/api.js';

export interface UnitsTable {
  code: string;
  name: string;
  created_at: Generated<Date>;
}
export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: Role;
  unit_code: string | null;
  created_at: Generated<Date>;
  disabled_at: Date | null;
}
export interface AuthTokensTable {
  token_hash: string;
  user_id: number;
  created_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
}
export interface AuthTables {
  units: UnitsTable;
  users: UsersTable;
  auth_tokens: AuthTokensTable;
}
