import type { Generated } from 'kysely';
import type { VersionState } from '../../../shared/api.js';

export interface RegisterTable {
  id: number;
  head: number | null;
  published: number | null;
}
export interface RegisterVersionsTable {
  version: number;
  parent: number | null;
  author_id: number;
  message: string;
  content_hash: string;
  row_count: number;
  state: Generated<VersionState>;
  created_at: Generated<Date>;
}
/** One row content, alive from `from_version` up to (not including) `to_version`. */
export interface RegisterRowsTable {
  row_id: string;
  from_version: number;
  to_version: number | null;
  ord: number;
  row_hash: string;
  /** Canonical JSON of the row (shared/canonical.ts): exactly what GET returns. */
  body: string;
}
export interface RegisterTables {
  register: RegisterTable;
  register_versions: RegisterVersionsTable;
  register_rows: RegisterRowsTable;
}
