import type { Role } from '../../../shared/api.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';

export interface AuthUser {
  id: number;
  username: string;
  role: Role;
  unitCode: string | null;
}

export interface AppDeps {
  db: Db;
  config: Config;
}

/** Hono environment: what middleware puts on the context. */
export interface AppEnv {
  Variables: { user: AuthUser; tokenHash: string };
}
