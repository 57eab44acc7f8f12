import type { Generated } from 'kysely';

export interface RoundsTable {
  id: Generated<number>;
  title: string;
  /** YYYY-MM-DD, as agreed. */
  due_date: string;
  /** End of the due date (Asia/Jakarta): after it, a unit without accepted rows is late. */
  due_at: Date;
  duration_preset: string | null;
  /** The published version the templates were cut from (base of the merge); null when nothing was published. */
  base_version: number | null;
  created_by: number;
  created_at: Generated<Date>;
  closed_at: Date | null;
  closed_by: number | null;
}

export interface RoundUnitsTable {
  round_id: number;
  unit_code: string;
}

export interface RoundSubmissionsTable {
  id: Generated<number>;
  round_id: number;
  unit_code: string;
  seq: number;
  receipt_number: string;
  submitted_by: number;
  submitted_at: Generated<Date>;
  source: 'json' | 'xlsx';
  file_name: string | null;
  row_count: number;
  removed_count: number;
  content_hash: string;
  /** JSON array of ValidationIssue. */
  issues: string;
  /** JSON IssueSummary of `issues`. */
  summary: string;
}

export type ItemStatus = 'pending' | 'accepted' | 'returned';

export interface RoundSubmissionRowsTable {
  submission_id: number;
  row_id: string;
  /** 'row': a row the unit submitted; 'removal': a row of its template it left out. */
  kind: 'row' | 'removal';
  ord: number;
  row_hash: string;
  /** Canonical JSON of the row (for a removal: the template's row). */
  body: string;
  status: Generated<ItemStatus>;
  comment: string | null;
  decided_by: number | null;
  decided_at: Date | null;
  /** The decision came from an earlier submission with the same content. */
  carried_over: Generated<boolean>;
}

export interface RoundsTables {
  rounds: RoundsTable;
  round_units: RoundUnitsTable;
  round_submissions: RoundSubmissionsTable;
  round_submission_rows: RoundSubmissionRowsTable;
}
