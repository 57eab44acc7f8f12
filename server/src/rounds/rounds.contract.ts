/**
 * Request schemas and response shapes of the rounds API (docs/api-rounds.md). Pure: zod and shared/ types only,
 * so the task pane can `import type` from here (or the file can move to shared/ unchanged).
 */
import { z } from 'zod';
import { unitCodeSchema } from '../../../shared/api.js';
import { plainText } from '../../../shared/plain-text.js';
import type { FieldChange } from '../../../shared/diff.js';
import type { ValidationIssue } from '../../../shared/issues.js';
import type { MergeConflict } from '../../../shared/merge.js';
import { dipRowSchema, rowIdSchema, type DipRow, type StoredDipRow } from '../../../shared/row.js';
import type { IssueSummary } from '../../../shared/validate.js';

/** SOP time standards (mutu baku waktu) offered as due-date presets. */
export const DURATION_PRESETS = {
  '1_hari': { days: 1, months: 0, label: { id: '1 hari', en: '1 day' } },
  '3_hari': { days: 3, months: 0, label: { id: '3 hari', en: '3 days' } },
  '7_hari': { days: 7, months: 0, label: { id: '7 hari', en: '7 days' } },
  '1_bulan': { days: 0, months: 1, label: { id: '1 bulan', en: '1 month' } },
} as const;
export type DurationPreset = keyof typeof DURATION_PRESETS;

/** Rows one unit may submit at once. */
export const MAX_SUBMISSION_ROWS = 20_000;

const isoDate = z.iso.date('tanggal harus berformat YYYY-MM-DD');

export const createRoundSchema = z
  .strictObject({
    title: plainText().trim().min(1, 'judul putaran wajib diisi').max(300),
    dueDate: isoDate.optional(),
    durationPreset: z.enum(Object.keys(DURATION_PRESETS) as [DurationPreset, ...DurationPreset[]]).optional(),
    unitCodes: z.array(unitCodeSchema).min(1).max(1000).optional(),
  })
  .refine((r) => (r.dueDate === undefined) !== (r.durationPreset === undefined), {
    message: 'isi salah satu: dueDate atau durationPreset',
    path: ['dueDate'],
  });
export type CreateRoundRequest = z.infer<typeof createRoundSchema>;

export const submitRowsSchema = z.strictObject({ rows: z.array(dipRowSchema).max(MAX_SUBMISSION_ROWS) });
export type SubmitRowsRequest = z.infer<typeof submitRowsSchema>;

export const reviewSchema = z.strictObject({
  decisions: z
    .array(
      z.strictObject({
        rowId: rowIdSchema,
        status: z.enum(['accepted', 'returned']),
        comment: plainText().trim().min(1).max(2000).optional(),
      }),
    )
    .min(1)
    .max(MAX_SUBMISSION_ROWS * 2),
});
export type ReviewRequest = z.infer<typeof reviewSchema>;

export const templateQuerySchema = z.strictObject({ unit: unitCodeSchema.optional() });

// ---- responses ---------------------------------------------------------------------------------------------------

/** Workflow status of a unit in a round; `late` is reported beside it. */
export type UnitRoundStatus = 'not_started' | 'submitted' | 'returned' | 'accepted';

export interface RoundSummary {
  id: number;
  title: string;
  dueDate: string;
  /** The instant the due date ends (23:59:59 Asia/Jakarta), ISO. */
  dueAt: string;
  durationPreset: DurationPreset | null;
  baseVersion: number | null;
  createdBy: string;
  createdAt: string;
  closedAt: string | null;
  closed: boolean;
  unitCount: number;
}

export interface RowCounts {
  total: number;
  accepted: number;
  returned: number;
  pending: number;
}

export interface RoundUnitStatus {
  unitCode: string;
  unitName: string;
  status: UnitRoundStatus;
  /** Past the due date and not (yet) accepted. */
  late: boolean;
  submissions: number;
  firstSubmittedAt: string | null;
  lastSubmittedAt: string | null;
  latestSubmissionId: number | null;
  latestReceiptNumber: string | null;
  /** Items of the latest submission (rows and removals) by decision. */
  rows: RowCounts;
}

export interface RoundDetail extends RoundSummary {
  units: RoundUnitStatus[];
}

/** Tanda terima: what the unit keeps as proof of what it handed in. */
export interface Receipt {
  number: string;
  submissionId: number;
  roundId: number;
  unitCode: string;
  seq: number;
  submittedAt: string;
  submittedBy: string;
  source: 'json' | 'xlsx';
  fileName: string | null;
  rowCount: number;
  /** Rows of the unit's template it left out (proposed removals). */
  removedCount: number;
  /** contentHash (shared/canonical.ts) of the submitted rows. */
  contentHash: string;
  validation: IssueSummary;
}

export interface SubmitResponse {
  receipt: Receipt;
  /** Every issue (reading the file and validating the rows); rowIndex indexes the submitted rows. */
  issues: ValidationIssue[];
  /** The stored id of each submitted row, in order (rows sent without an id got one here). */
  ids: string[];
  /** Rows whose earlier acceptance still holds because their content did not change. */
  carriedOver: number;
}

export interface SubmissionItem {
  rowId: string;
  kind: 'row' | 'removal';
  status: 'pending' | 'accepted' | 'returned';
  comment: string | null;
  decidedAt: string | null;
  carriedOver: boolean;
  /** The submitted row (for a removal: the template's row the unit left out). */
  row: StoredDipRow;
}

/** An item as the PPID reviews it: what the unit changed against the round's base version. */
export interface ReviewItem extends SubmissionItem {
  /** 'added': not in the base (a new row); 'removed': a base row the unit left out; else changed or not. */
  change: 'added' | 'changed' | 'unchanged' | 'removed';
  /** For 'changed': field by field, from the base to the submitted row. */
  fields: FieldChange[];
}

export interface SubmissionDetail {
  receipt: Receipt;
  /** Whether this is the unit's latest submission (only the latest can be reviewed). */
  latest: boolean;
  items: ReviewItem[];
}

/** GET /rounds/:id/template.json: the rows of the unit's next template (what template.xlsx holds), as JSON. */
export interface TemplateRowsResponse {
  rows: { row: StoredDipRow; status: 'pending' | 'accepted' | 'returned' | null; comment: string | null }[];
}

export interface MyRoundResponse {
  round: RoundSummary;
  unit: RoundUnitStatus;
  /** Newest first. */
  receipts: Receipt[];
  /** Returned items of the latest submission, with the PPID's comments. */
  returned: SubmissionItem[];
}

export interface ReviewResponse {
  submissionId: number;
  decided: number;
  unit: RoundUnitStatus;
}

export interface RowSource {
  unitCode: string;
  submissionId: number;
  receiptNumber: string;
}

export interface DuplicateGroup {
  reason: 'same_title_and_unit' | 'same_title';
  title: string;
  rows: { id: string; unitCode: string | null; submissionId: number | null }[];
}

export interface ConsolidatedResponse {
  roundId: number;
  baseVersion: number | null;
  headVersion: number | null;
  /** ETag of the head the merge was computed against: push the rows with `If-Match` set to it. */
  headEtag: string;
  /** The head with every accepted, non-conflicting change applied (conflicting fields keep the head's value). */
  rows: StoredDipRow[];
  added: { row: StoredDipRow; source: RowSource }[];
  changed: { id: string; fields: FieldChange[]; source: RowSource }[];
  removed: { row: StoredDipRow; source: RowSource }[];
  conflicts: (MergeConflict & { source: RowSource })[];
  duplicates: DuplicateGroup[];
  /** Per unit, the items not in this consolidation because they are not accepted (yet). */
  outstanding: { unitCode: string; pending: number; returned: number }[];
}

export interface ImportResponse {
  fileName: string;
  /** The sheet read (the first one with a recognisable DIP header), and all sheets of the file. */
  sheet: string;
  sheets: string[];
  rows: DipRow[];
  /** Reading problems and validation findings; rowIndex indexes `rows` (-1: about the file or a column). */
  issues: ValidationIssue[];
  /** The 1-based sheet (or CSV record) row of each returned row. */
  sourceRows: number[];
  summary: IssueSummary;
}
