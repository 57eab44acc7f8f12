/**
 * The DIP row: the wire shape shared by the task pane, the server and every export.
 *
 * Two layers, on purpose:
 * - `dipRowSchema` is *structural*: types, known keys only, size caps. A body that fails it is refused (422).
 * - content rules (required fields, link must be a URL, exemption iff dikecualikan, Pasal 20(1) …) live in
 *   `validate.ts` and produce issues. A draft may carry them; approval refuses a version that has errors.
 */
import { z } from 'zod';

export const CATEGORIES = ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'] as const;
export type Category = (typeof CATEGORIES)[number];

export const FORMATS = ['hardcopy', 'softcopy'] as const;
export type Format = (typeof FORMATS)[number];

/** Pasal 17 UU 14/2008, huruf a–j. */
export const ARTICLE17_LETTERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;
export type Article17Letter = (typeof ARTICLE17_LETTERS)[number];

/** Upper bounds that keep a hostile body from costing memory; the domain limits are in validate.ts. */
export const MAX_TEXT = 20_000;
export const MAX_SHORT_TEXT = 2_000;

const text = z.string().max(MAX_TEXT);
const shortText = z.string().max(MAX_SHORT_TEXT);

export const exemptionSchema = z.strictObject({
  article17: z.enum(ARTICLE17_LETTERS).nullable(),
  clause: shortText.optional(),
  otherLaw: shortText.optional(),
  consequence: text,
  publicInterest: text,
  period: shortText,
});
export type Exemption = z.infer<typeof exemptionSchema>;

export const rowIdSchema = z.uuid();

export const dipRowSchema = z.strictObject({
  /** Absent on a row that was never pushed: the server assigns it. */
  id: rowIdSchema.optional(),
  /** null = not classified yet (a draft); validation reports it. */
  category: z.enum(CATEGORIES).nullable(),
  title: shortText,
  summary: text,
  owningUnit: shortText,
  responsible: shortText,
  createdWhen: shortText,
  createdWhere: shortText,
  formats: z.array(z.enum(FORMATS)).max(2),
  retention: shortText,
  link: shortText.nullable().optional(),
  exemption: exemptionSchema.nullable().optional(),
  notes: text.nullable().optional(),
});
export type DipRow = z.infer<typeof dipRowSchema>;
/** A row that has been stored: it always has its id. */
export type StoredDipRow = DipRow & { id: string };

/** Largest number of rows one version may hold; a body beyond it is refused before it is parsed further. */
export const MAX_ROWS = 100_000;
export const dipRowsSchema = z.array(dipRowSchema).max(MAX_ROWS);

/** The fields a person edits, in sheet order; `diff` and `validate` walk these. */
export const ROW_FIELDS = [
  'category',
  'title',
  'summary',
  'owningUnit',
  'responsible',
  'createdWhen',
  'createdWhere',
  'formats',
  'retention',
  'link',
  'exemption',
  'notes',
] as const satisfies readonly (keyof DipRow)[];
export type RowField = (typeof ROW_FIELDS)[number];
