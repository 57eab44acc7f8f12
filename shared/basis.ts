/**
 * The legal basis of an exclusion as people write it ("Pasal 17 huruf b", "Psl 17 hrf b angka 1", "pasal 17 (b)",
 * "UU No. 14 Tahun 2008 Pasal 17 huruf j jo. UU 43/2009"), split into the row's `article17` / `clause` /
 * `otherLaw`, and written back as one cell.
 */
import type { Normalised } from './text.js';
import { memoize, normalizeText } from './text.js';
import { ARTICLE17_LETTERS, type Article17Letter, type Exemption } from './row.js';

export type ExemptionBasis = Pick<Exemption, 'article17' | 'clause' | 'otherLaw'>;

// UU 14/2008 (KIP) itself: citing it next to Pasal 17 adds nothing, so it is not kept as "another law".
const KIP = String.raw`(?:(?:uu|undang[\s-]*undang)\.?\s*(?:(?:no\.?|nomor|nomer)\s*)?(?:14\s*(?:tahun|thn\.?|th\.?|/)\s*2008|kip)(?:\s+tentang\s+keterbukaan\s+informasi\s+publik)?)`;
const PASAL17 = String.raw`(?:pasal|psl\.?|ps\.?)\s*17(?![0-9])`;
const LETTER = String.raw`(?:\s*(?:huruf|hurf|hrf\.?|hr\.?|hf\.?|butir|poin|point|ayat)?\s*\(?\s*([a-z])\s*\)?(?![a-z]))`;
const ANGKA = String.raw`(?:\s*,?\s*(?:angka|angk\.?|agk\.?|ang\.?)\s*\(?\s*(\d+(?:\s*(?:,|dan|&|serta)\s*\d+)*)\s*\)?)`;
const BASIS = new RegExp(String.raw`^(?:${KIP}\s*,?\s*)?${PASAL17}${LETTER}?${ANGKA}?`, 'i');
const LEADING_KIP = new RegExp(String.raw`^${KIP}`, 'i');
const LEADING_JOINER = /^(?:[\s,;:.]+|(?:jo\.?|juncto|jis\.?|dan|serta|and)(?=\s|$))+/i;
const CLAUSE_COMMA = /\s*,\s*/g;
const CLAUSE_AND = /\s*(?:\bdan\b|&|\bserta\b)\s*/g;
const LETTERS = new Set<string>(ARTICLE17_LETTERS);

function stripJoiners(rest: string): string {
  let prev: string;
  let s = rest;
  do {
    prev = s;
    s = s.replace(LEADING_JOINER, '').replace(LEADING_KIP, '');
  } while (s !== prev);
  return s.trim();
}

function parse(text: string): Normalised<ExemptionBasis> {
  if (text === '') return { value: { article17: null }, recognised: true };
  const m = BASIS.exec(text);
  if (!m) return { value: { article17: null, otherLaw: text }, recognised: true };
  const letter = m[1]?.toLowerCase();
  // Pasal 17 without a readable letter a–j: keep every word as written rather than guess.
  if (letter === undefined || !LETTERS.has(letter)) return { value: { article17: null, otherLaw: text }, recognised: false };
  const out: ExemptionBasis = { article17: letter as Article17Letter };
  if (m[2] !== undefined) out.clause = m[2].replace(CLAUSE_COMMA, ', ').replace(CLAUSE_AND, ' dan ');
  const rest = stripJoiners(text.slice(m[0].length));
  if (rest !== '') out.otherLaw = rest;
  return { value: out, recognised: true };
}

const parseMemo = memoize(parse);

/**
 * Reads a "Dasar Hukum Pengecualian" cell. Text that is not a Pasal 17 citation is another law (`otherLaw`);
 * a Pasal 17 citation whose letter cannot be read is kept whole as `otherLaw` with `recognised: false`.
 *
 * @example parseExemptionBasis('Psl 17 hrf b angka 1') // { value: { article17: 'b', clause: '1' }, recognised: true }
 */
export function parseExemptionBasis(v: unknown): Normalised<ExemptionBasis> {
  const r = parseMemo(normalizeText(v));
  return { value: { ...r.value }, recognised: r.recognised };
}

/**
 * The cell text for a basis, the inverse of `parseExemptionBasis` for what it produces.
 *
 * @example formatExemptionBasis({ article17: 'j', otherLaw: 'UU 43/2009' }) // 'Pasal 17 huruf j; UU 43/2009'
 */
export function formatExemptionBasis(b: ExemptionBasis): string {
  const parts: string[] = [];
  if (b.article17 || b.clause) {
    parts.push(`Pasal 17${b.article17 ? ` huruf ${b.article17}` : ''}${b.clause ? ` angka ${b.clause}` : ''}`);
  }
  if (b.otherLaw) parts.push(b.otherLaw);
  return parts.join('; ');
}
