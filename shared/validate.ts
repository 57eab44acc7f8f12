/**
 * The content rules of a DIP row (DESIGN.md, "The DIP row"), run by the task pane to mark cells and by the server
 * to refuse approving a version with errors. Rows are schema-valid already; this says what is wrong in them.
 */
import { CATEGORY_LABELS, type ColumnKey } from './columns.js';
import { columnLabel } from './headers.js';
import type { Lang, Severity, ValidationIssue } from './issues.js';
import { issueMessage, quoteValue, type IssueCode, type MessageParams } from './messages.js';
import { isHttpUrl, isPermanentPeriod, normalizeRetention } from './normalize.js';
import type { DipRow, RowField } from './row.js';

export const MAX_TITLE_LENGTH = 500;

export interface ValidateOptions {
  /** Units the body knows (names or codes); an owning unit outside them is a warning. Omit to skip the check. */
  knownUnits?: readonly string[];
  /** Language of the messages (default Indonesian). */
  lang?: Lang;
  /** The row number people see for a row index, used when one row points at another (default: index + 2, the sheet row under the header). */
  rowNumber?: (rowIndex: number) => number;
  /** The caller has already refused ids given twice (the server's push does): skip that check, ~10 ms per 10,000 rows. */
  idsUnique?: boolean;
}

/**
 * What `knownUnits` should be for a body's unit list: every unit's code and name, or undefined when it has none yet
 * (an empty list would flag every row's unit; with no list there is nothing to check against). The server's push,
 * submissions and approval and the task pane all check against this, so they find the same warnings.
 *
 * @example knownUnitsOf([{ code: 'UM', name: 'Bagian Umum' }]) // ['UM', 'Bagian Umum']
 */
export function knownUnitsOf(units: readonly { code: string; name: string }[]): string[] | undefined {
  return units.length > 0 ? units.flatMap((u) => [u.code, u.name]) : undefined;
}

const REQUIRED_TEXT = [
  'title', 'summary', 'owningUnit', 'responsible', 'createdWhen', 'createdWhere', 'retention',
] as const satisfies readonly (RowField & ColumnKey)[];
const LETTERS_NEVER_PERMANENT = new Set(['a', 'b', 'c', 'd', 'e', 'f']);
const SPACE_RUN = /\s+/g;
const ODD_SPACING = /[^\S ]| {2}|^ | $/;

const isBlank = (s: string | null | undefined): boolean => s == null || s.trim() === '';
/** How two names are compared: case and spacing do not count. */
const matchKey = (s: string): string => (ODD_SPACING.test(s) ? s.replace(SPACE_RUN, ' ').trim() : s).toLowerCase();

/**
 * Every issue of a list of rows, in row order. Never throws on schema-valid rows; linear in the number of rows.
 *
 * @example validateRows([{ ...row, title: '' }]) // [{ rowIndex: 0, field: 'title', severity: 'error', code: 'required', … }]
 */
export function validateRows(rows: readonly DipRow[], opts: ValidateOptions = {}): ValidationIssue[] {
  const v = rowValidator(opts);
  for (let i = 0; i < rows.length; i++) v.check(rows[i]!, i);
  return v.issues;
}

export interface RowValidator {
  /** Checks the row at `rowIndex`; rows must come in order, each once. */
  check(row: DipRow, rowIndex: number): void;
  /** The issues of the rows checked so far, in row order. */
  readonly issues: ValidationIssue[];
}

/**
 * `validateRows` a row at a time, for a caller that has other work between rows (the server checks a batch while
 * the database stores the one before). Duplicates are found across every row checked.
 */
export function rowValidator(opts: ValidateOptions = {}): RowValidator {
  const lang = opts.lang ?? 'id';
  const rowNumber = opts.rowNumber ?? ((i: number) => i + 2);
  const units = opts.knownUnits ? new Set(opts.knownUnits.map(matchKey)) : null;
  // Duplicates (same title and unit) are looked up per unit, then by title: no key built from both per row. A
  // register holds a few dozen unit spellings, each compared by its own key once.
  const unitKeys = new Map<string, string>();
  const firstByUnitTitle = new Map<string, Map<string, number>>();
  const firstById = opts.idsUnique ? null : new Map<string, number>();
  const issues: ValidationIssue[] = [];
  // One reporter for the whole run, told which row it is at: no closure per row, so 10,000 rows stay cheap.
  const at: { row: DipRow | null; rowIndex: number } = { row: null, rowIndex: 0 };
  const add: AddIssue = (field, severity, code, params) =>
    issues.push({ rowId: at.row!.id ?? null, rowIndex: at.rowIndex, field, severity, code, message: issueMessage(code, lang, params) });

  const check = (row: DipRow, rowIndex: number): void => {
    at.row = row;
    at.rowIndex = rowIndex;

    if (row.category === null) add('category', 'error', 'category_missing');
    for (const field of REQUIRED_TEXT) {
      if (isBlank(row[field])) add(field, 'error', 'required', { label: columnLabel(field, lang) });
    }
    // .length counts UTF-16 units, never fewer than characters: only a long title needs counting properly.
    if (row.title.length > MAX_TITLE_LENGTH) {
      const length = [...row.title].length;
      if (length > MAX_TITLE_LENGTH) add('title', 'error', 'title_too_long', { length, max: MAX_TITLE_LENGTH });
    }
    let unitKey = unitKeys.get(row.owningUnit);
    if (unitKey === undefined) unitKeys.set(row.owningUnit, (unitKey = matchKey(row.owningUnit)));
    if (units && !isBlank(row.owningUnit) && !units.has(unitKey)) {
      add('owningUnit', 'warning', 'unknown_unit', { unit: quoteValue(row.owningUnit.trim()) });
    }
    if (row.formats.length === 0) add('formats', 'error', 'formats_missing');
    if (!isBlank(row.retention) && !normalizeRetention(row.retention).recognised) {
      add('retention', 'warning', 'unrecognised_retention', { value: quoteValue(row.retention.trim()) });
    }
    if (!isBlank(row.link) && !isHttpUrl(row.link!)) add('link', 'error', 'invalid_link', { value: quoteValue(row.link!) });

    validateExemption(row, add);

    if (!isBlank(row.title)) {
      let byTitle = firstByUnitTitle.get(unitKey);
      if (byTitle === undefined) firstByUnitTitle.set(unitKey, (byTitle = new Map()));
      const titleKey = matchKey(row.title);
      const first = byTitle.get(titleKey);
      if (first === undefined) byTitle.set(titleKey, rowIndex);
      else add('title', 'warning', 'duplicate_row', { row: rowNumber(first) });
    }
    if (firstById && row.id !== undefined) {
      const first = firstById.get(row.id);
      if (first === undefined) firstById.set(row.id, rowIndex);
      else add(null, 'error', 'duplicate_id', { row: rowNumber(first) });
    }
  };
  return { check, issues };
}

type AddIssue = (field: RowField | null, severity: Severity, code: IssueCode, params?: MessageParams) => void;

function validateExemption(row: DipRow, add: AddIssue): void {
  const e = row.exemption;
  if (row.category === 'dikecualikan' && !e) {
    add('exemption', 'error', 'exemption_missing');
    return;
  }
  if (!e) return;
  if (row.category !== null && row.category !== 'dikecualikan') {
    add('exemption', 'error', 'exemption_not_allowed', { category: CATEGORY_LABELS[row.category] });
    return;
  }
  // A draft without a kategori yet may already carry its consequence test: check it like an excluded row's.
  if (e.article17 === null && isBlank(e.otherLaw)) add('exemption', 'error', 'exemption_basis_missing');
  if (isBlank(e.consequence)) add('exemption', 'error', 'exemption_consequence_missing');
  if (isBlank(e.publicInterest)) add('exemption', 'error', 'exemption_public_interest_missing');
  if (isBlank(e.period)) add('exemption', 'error', 'exemption_period_missing');
  else if (e.article17 !== null && LETTERS_NEVER_PERMANENT.has(e.article17) && isPermanentPeriod(e.period)) {
    add('exemption', 'error', 'permanent_exclusion', { letter: e.article17, period: quoteValue(e.period.trim()) });
  }
}

/** Whether any issue is an error (what blocks approval). */
export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

export interface IssueSummary {
  errors: number;
  warnings: number;
  byCode: Record<string, number>;
}

/**
 * Counts for the approval screen and the push response.
 *
 * @example summarizeIssues(issues) // { errors: 2, warnings: 1, byCode: { required: 2, duplicate_row: 1 } }
 */
export function summarizeIssues(issues: readonly ValidationIssue[]): IssueSummary {
  const out: IssueSummary = { errors: 0, warnings: 0, byCode: {} };
  for (const i of issues) {
    if (i.severity === 'error') out.errors++;
    else out.warnings++;
    out.byCode[i.code] = (out.byCode[i.code] ?? 0) + 1;
  }
  return out;
}

/** The sheet column an issue points at, for marking the cell (the exemption's four columns are told apart by code). */
export function issueColumn(issue: Pick<ValidationIssue, 'field' | 'code'>): ColumnKey | null {
  switch (issue.code) {
    case 'exemption_basis_missing':
    case 'unrecognised_basis':
      return 'exemption.basis';
    case 'exemption_consequence_missing':
      return 'exemption.consequence';
    case 'exemption_public_interest_missing':
      return 'exemption.publicInterest';
    case 'exemption_period_missing':
    case 'permanent_exclusion':
      return 'exemption.period';
    case 'invalid_id':
    case 'duplicate_id':
      return 'id';
  }
  if (issue.field === 'exemption') return 'exemption.basis';
  return issue.field;
}
