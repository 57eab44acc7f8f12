/**
 * Request schemas and response shapes of the reports API (Laporan Bulanan Ketersediaan Informasi, round progress,
 * reminders, monev coverage). Pure: zod and shared/ types only, so the task pane can import from here (or the file
 * can move to shared/ unchanged).
 */
import { z } from 'zod';
import type { CoverageItem, CoverageItemResult } from '../../../shared/coverage.js';
import { plainText } from '../../../shared/plain-text.js';
import { CATEGORIES, type Category, type RowField } from '../../../shared/row.js';

// ---- requests ------------------------------------------------------------------------------------------------------

export const REPORT_BASES = ['head', 'published'] as const;
/** Which line of versions a monthly report follows: every pushed version (head) or only published ones. */
export type ReportBasis = (typeof REPORT_BASES)[number];

export const monthlyQuerySchema = z.strictObject({
  month: z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'bulan harus berformat YYYY-MM'),
  format: z.enum(['json', 'xlsx', 'html']).optional(),
  basis: z.enum(REPORT_BASES).optional(),
});
export type MonthlyQuery = z.infer<typeof monthlyQuerySchema>;

export const coverageQuerySchema = z.strictObject({
  /** `published` (the default when something is published), `head`, or a version number. */
  version: z.string().regex(/^([1-9][0-9]{0,8}|head|published)$/).optional(),
});

const keywordSchema = plainText().trim().min(1).max(100);
export const checklistItemSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/, 'kunci: huruf kecil, angka, _ (maks. 40)'),
  title: plainText().trim().min(1).max(300),
  titleEn: plainText().trim().min(1).max(300),
  basis: plainText().trim().max(500),
  keywords: z.array(keywordSchema).min(1).max(50),
  expectedCategory: z.enum(CATEGORIES).nullable(),
});
export const checklistSchema = z.strictObject({
  items: z
    .array(checklistItemSchema)
    .min(1)
    .max(200)
    .refine((items) => new Set(items.map((i) => i.key)).size === items.length, { message: 'kunci butir harus unik' }),
});
export type ChecklistRequest = z.infer<typeof checklistSchema>;

export const STANDARD_KEYS = ['receive', 'verify'] as const;
export type StandardKey = (typeof STANDARD_KEYS)[number];

export const standardsSchema = z.strictObject({
  standards: z
    .array(
      z.strictObject({
        key: z.enum(STANDARD_KEYS),
        /** At most a year. */
        minutes: z.number().int().min(1).max(366 * 24 * 60),
        label: plainText().trim().min(1).max(300).optional(),
        labelEn: plainText().trim().min(1).max(300).optional(),
        source: plainText().trim().max(500).optional(),
      }),
    )
    .min(1)
    .max(STANDARD_KEYS.length)
    .refine((s) => new Set(s.map((x) => x.key)).size === s.length, { message: 'setiap standar hanya sekali' }),
});
export type StandardsRequest = z.infer<typeof standardsSchema>;

// ---- monthly report ------------------------------------------------------------------------------------------------

/** The counts the monthly report gives for every unit × kategori, and summed per unit, per kategori and in total. */
export interface MonthlyFigures {
  /** Rows at the end of the month. */
  rows: number;
  /** …with an http(s) link. */
  withLink: number;
  /** …available as softcopy. */
  softcopy: number;
  /** Rows added, changed and removed during the month (removed rows count where they were before). */
  added: number;
  changed: number;
  removed: number;
  /** Rows whose retention (from Waktu Pembuatan) ended before the month began. */
  retentionLapsed: number;
  /** Rows still missing a required field. */
  missingRequired: number;
}

export const FIGURE_KEYS = ['rows', 'withLink', 'softcopy', 'added', 'changed', 'removed', 'retentionLapsed', 'missingRequired'] as const satisfies readonly (keyof MonthlyFigures)[];

export interface MonthlyGroup extends MonthlyFigures {
  /** The unit's code when Pejabat/Unit matches a known unit (by code or name), else null. */
  unitCode: string | null;
  unitName: string;
  /** null: not classified yet. */
  category: Category | null;
}
export interface MonthlyUnit extends MonthlyFigures {
  unitCode: string | null;
  unitName: string;
}
export interface MonthlyCategory extends MonthlyFigures {
  category: Category | null;
}

export interface ReportRowRef {
  id: string;
  title: string;
  unitName: string;
  category: Category | null;
}

export interface MonthlyReport {
  month: string;
  basis: ReportBasis;
  /** The month in office time: [periodStart, periodEnd), ISO instants. */
  periodStart: string;
  periodEnd: string;
  /** The last version at or before the month's start, and the last one before its end (null: none yet). */
  fromVersion: number | null;
  toVersion: number | null;
  generatedAt: string;
  totals: MonthlyFigures;
  /** Unit × kategori, units by name, kategori in legal order (unclassified last). */
  groups: MonthlyGroup[];
  units: MonthlyUnit[];
  /** Every kategori (zeros included), then "unclassified" when there are such rows. */
  categories: MonthlyCategory[];
  added: ReportRowRef[];
  changed: (ReportRowRef & { fields: RowField[] })[];
  removed: ReportRowRef[];
  lapsed: (ReportRowRef & { createdWhen: string; retention: string; expiredOn: string })[];
  incomplete: (ReportRowRef & { fields: (RowField | 'exemption')[] })[];
}

// ---- coverage ------------------------------------------------------------------------------------------------------

export type ChecklistItem = CoverageItem;

export interface CoverageReport {
  version: number | null;
  /** What `version` is: the published DIP, the head, or a version asked for by number. */
  basis: 'published' | 'head' | 'version';
  generatedAt: string;
  items: (ChecklistItem & CoverageItemResult)[];
  summary: { total: number; present: number; otherCategory: number; missing: number };
}

// ---- rounds ---------------------------------------------------------------------------------------------------------

export interface TimeStandard {
  key: StandardKey;
  label: string;
  labelEn: string;
  minutes: number;
  source: string;
}

export interface RoundRef {
  id: number;
  title: string;
  /** YYYY-MM-DD as agreed. */
  dueDate: string;
  /** The last instant of the due date (office time), ISO. */
  dueAt: string;
  createdAt: string;
  closed: boolean;
}

/**
 * Against the due date: submitted on time, late, not at all although due (missing), or not yet and not yet due.
 * Judged by the first submission: a later correction of returned rows does not make a punctual unit late.
 */
export type SubmissionTiming = 'on_time' | 'late' | 'missing' | 'not_yet_due';
/** Where the PPID's verification of the unit's latest submission stands. */
export type ReviewState = 'not_started' | 'submitted' | 'returned' | 'accepted';

export interface UnitProgress {
  unitCode: string;
  unitName: string;
  timing: SubmissionTiming;
  /** Calendar days (office time) past the due date: of the first submission when late; up to today when missing. */
  daysLate: number | null;
  submissions: number;
  firstSubmittedAt: string | null;
  lastSubmittedAt: string | null;
  review: ReviewState;
  /** Distinct rows returned at least once in the round (the SOP's verification cycle). */
  returnedRows: number;
  /** Rows returned in the latest submission, still waiting for the unit. */
  openReturned: number;
  /** First submission → the PPID's first decision. */
  receiveMinutes: number | null;
  /** First submission → every item of the latest submission accepted. */
  verifyMinutes: number | null;
  /** Measured against the standards (null: nothing to measure yet). */
  receiveWithinStandard: boolean | null;
  verifyWithinStandard: boolean | null;
}

export interface RoundProgress {
  round: RoundRef;
  asOf: string;
  standards: TimeStandard[];
  units: UnitProgress[];
  summary: {
    units: number;
    onTime: number;
    late: number;
    missing: number;
    notYetDue: number;
    accepted: number;
    returnedRows: number;
    /** Units whose measured time met the standard, of those measured. */
    receiveWithin: number;
    receiveMeasured: number;
    verifyWithin: number;
    verifyMeasured: number;
  };
}

export interface Reminder {
  unitCode: string;
  unitName: string;
  /** missing: nothing submitted; returned: rows returned for correction and not sent back. */
  reason: 'missing' | 'returned';
  daysLate: number;
  openReturned: number;
  /** Ready to paste into a letter or a message. */
  text: string;
}

export interface RoundReminders {
  round: RoundRef;
  asOf: string;
  /** The due date as a letter writes it ("Senin, 3 Maret 2025"). */
  dueDateText: string;
  reminders: Reminder[];
}
