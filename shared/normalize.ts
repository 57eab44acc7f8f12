/**
 * Normalisation of messy real DIP values into a DipRow. The value normalisers live in text.ts (cells, text),
 * when.ts (Waktu Pembuatan), vocab.ts (kategori, bentuk, retensi, tautan) and basis.ts (dasar hukum); this module
 * re-exports them all and assembles one row from one sheet row's cells.
 */
import { canonicalRow } from './canonical.js';
import type { ColumnKey } from './columns.js';
import type { Severity } from './issues.js';
import { quoteValue, type IssueCode, type MessageParams } from './messages.js';
import { MAX_SHORT_TEXT, MAX_TEXT, rowIdSchema, type DipRow, type Exemption, type RowField } from './row.js';
import { parseExemptionBasis } from './basis.js';
import { isPlaceholder, normalizeText } from './text.js';
import { normalizeCategory, normalizeFormats, normalizeLink, normalizeRetention } from './vocab.js';
import { normalizeCreatedWhen, splitWhenWhere } from './when.js';

export * from './basis.js';
export * from './text.js';
export * from './vocab.js';
export * from './when.js';

/** One sheet row's cells by column; `createdWhenWhere` is the combined "Waktu dan Tempat Pembuatan" column. */
export type RawDipRecord = Partial<Record<ColumnKey | 'createdWhenWhere', unknown>>;

/** Something `normalizeRow` could not fully understand; grid.ts turns it into a ValidationIssue. */
export interface RowProblem {
  field: RowField | null;
  /** The sheet column at fault, so the message can name it and the task pane can mark the cell. */
  column: ColumnKey | 'createdWhenWhere' | null;
  severity: Severity;
  code: IssueCode;
  params: MessageParams;
}

export interface NormalizedRow {
  row: DipRow;
  problems: RowProblem[];
}

/** Text with "-" placeholders read as empty. */
function cleanText(v: unknown, multiline = false): string {
  const s = normalizeText(v, { multiline });
  return isPlaceholder(s) ? '' : s;
}

/**
 * Assembles a canonical DipRow from one record of raw cell values, normalising every value. Nothing is dropped
 * silently: each value that could not be read (or had to be cut to the schema's size) yields a problem.
 *
 * @example normalizeRow({ category: 'Informasi Berkala', title: ' Renstra ', formats: 'Hard & Soft File', … })
 *   // { row: { category: 'berkala', title: 'Renstra', formats: ['hardcopy', 'softcopy'], … }, problems: [] }
 */
export function normalizeRow(raw: RawDipRecord): NormalizedRow {
  const problems: RowProblem[] = [];
  const problem = (field: RowField | null, column: RowProblem['column'], severity: Severity, code: IssueCode, params: MessageParams) =>
    problems.push({ field, column, severity, code, params });

  // The schema's caps: a row that passes here must never be refused at push time for its size.
  const cap = (s: string, max: number, field: RowField, column: ColumnKey): string => {
    if (s.length <= max) return s;
    problem(field, column, 'error', 'value_too_long', { length: s.length, max });
    const cut = s.charCodeAt(max - 1) >= 0xd800 && s.charCodeAt(max - 1) <= 0xdbff ? max - 1 : max;
    return s.slice(0, cut);
  };
  const text = (key: ColumnKey & RowField, max: number, multiline = false) => cap(cleanText(raw[key], multiline), max, key, key);

  let id: string | undefined;
  const idText = cleanText(raw.id);
  if (idText !== '') {
    const parsed = rowIdSchema.safeParse(idText.toLowerCase());
    if (parsed.success) id = parsed.data;
    else problem(null, 'id', 'error', 'invalid_id', { value: quoteValue(idText) });
  }

  const cat = normalizeCategory(raw.category);
  if (!cat.recognised) problem('category', 'category', 'error', 'unrecognised_category', { value: quoteValue(cleanText(raw.category)) });

  let createdWhen = normalizeCreatedWhen(raw.createdWhen).value;
  let createdWhere = cleanText(raw.createdWhere);
  if (raw.createdWhenWhere !== undefined && createdWhen === '' && createdWhere === '') {
    const split = splitWhenWhere(raw.createdWhenWhere);
    createdWhen = split.when;
    createdWhere = split.where;
    if (!split.ok) problem('createdWhen', 'createdWhenWhere', 'warning', 'unsplit_when_where', { value: quoteValue(split.when) });
  }
  if (isPlaceholder(createdWhen)) createdWhen = '';

  const fmt = normalizeFormats(raw.formats);
  if (!fmt.recognised) {
    problem('formats', 'formats', fmt.value.length === 0 ? 'error' : 'warning', 'unrecognised_format', {
      value: quoteValue(cleanText(raw.formats)),
      read: fmt.value.join(' & ') || '-',
    });
  }

  const retention = normalizeRetention(raw.retention).value;
  const row: DipRow = {
    category: cat.value,
    title: text('title', MAX_SHORT_TEXT),
    summary: text('summary', MAX_TEXT, true),
    owningUnit: text('owningUnit', MAX_SHORT_TEXT),
    responsible: text('responsible', MAX_SHORT_TEXT),
    createdWhen: cap(createdWhen, MAX_SHORT_TEXT, 'createdWhen', 'createdWhen'),
    createdWhere: cap(createdWhere, MAX_SHORT_TEXT, 'createdWhere', 'createdWhere'),
    formats: fmt.value,
    retention: cap(isPlaceholder(retention) ? '' : retention, MAX_SHORT_TEXT, 'retention', 'retention'),
  };
  if (id !== undefined) row.id = id;

  const link = normalizeLink(raw.link).value;
  if (link !== null) row.link = cap(link, MAX_SHORT_TEXT, 'link', 'link');

  const exemption = readExemption(raw, (s, max, column) => cap(s, max, 'exemption', column), problem);
  if (exemption) row.exemption = exemption;

  const notes = text('notes', MAX_TEXT, true);
  if (notes !== '') row.notes = notes;

  return { row: canonicalRow(row), problems };
}

/** The four uji konsekuensi columns; absent when all four are blank. */
function readExemption(
  raw: RawDipRecord,
  cap: (s: string, max: number, column: ColumnKey) => string,
  problem: (field: RowField | null, column: RowProblem['column'], severity: Severity, code: IssueCode, params: MessageParams) => void,
): Exemption | null {
  const basisText = cleanText(raw['exemption.basis']);
  const consequence = cap(cleanText(raw['exemption.consequence'], true), MAX_TEXT, 'exemption.consequence');
  const publicInterest = cap(cleanText(raw['exemption.publicInterest'], true), MAX_TEXT, 'exemption.publicInterest');
  const periodText = cleanText(raw['exemption.period']);
  if (basisText === '' && consequence === '' && publicInterest === '' && periodText === '') return null;

  const basis = parseExemptionBasis(basisText);
  if (!basis.recognised) problem('exemption', 'exemption.basis', 'warning', 'unrecognised_basis', { value: quoteValue(basisText) });
  const out: Exemption = {
    article17: basis.value.article17,
    consequence,
    publicInterest,
    period: cap(normalizeRetention(periodText).value, MAX_SHORT_TEXT, 'exemption.period'),
  };
  if (basis.value.clause !== undefined) out.clause = cap(basis.value.clause, MAX_SHORT_TEXT, 'exemption.basis');
  if (basis.value.otherLaw !== undefined) out.otherLaw = cap(basis.value.otherLaw, MAX_SHORT_TEXT, 'exemption.basis');
  return out;
}
