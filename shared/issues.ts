/** A validation finding on one row (or on the whole list when rowIndex is -1). */
import type { RowField } from './row.js';

export type Severity = 'error' | 'warning';
export type Lang = 'id' | 'en';

export interface ValidationIssue {
  /** The row's id, or null for a row not pushed yet. */
  rowId: string | null;
  /** 0-based index in the list that was validated (the sheet row is rowIndex + 2 under the header). */
  rowIndex: number;
  /** The field at fault; null for a finding about the row as a whole. */
  field: RowField | null;
  severity: Severity;
  /** Stable snake_case code: what the task pane keys on. */
  code: string;
  /** Human message in the requested language (Bahasa Indonesia by default). */
  message: string;
}
