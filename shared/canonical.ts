/**
 * Canonical form of a row and of a version, so that the same content always has the same bytes and hash
 * whatever the order of rows or keys it arrived in.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { FORMATS, type DipRow, type Exemption, type StoredDipRow } from './row.js';

/** A SHA-256 function (hex out). The server passes node:crypto's for speed; the default is pure JS. */
export type Sha256Hex = (text: string) => string;
export const sha256Hex: Sha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));

function canonicalExemption(e: Exemption): Exemption {
  const out: Exemption = { article17: e.article17, consequence: e.consequence, publicInterest: e.publicInterest, period: e.period };
  if (e.clause !== undefined) out.clause = e.clause;
  if (e.otherLaw !== undefined) out.otherLaw = e.otherLaw;
  return out;
}

/**
 * The row with absent/null optional fields dropped and formats in a fixed order. Strings are kept exactly:
 * trimming and spelling fixes are the importer's job (normalize.ts), never a silent change on the server.
 *
 * @example canonicalRow({ ...row, link: null, formats: ['softcopy', 'hardcopy'] }) // no link, formats [hardcopy, softcopy]
 */
export function canonicalRow<R extends DipRow>(row: R): R {
  const out: DipRow = {
    category: row.category,
    title: row.title,
    summary: row.summary,
    owningUnit: row.owningUnit,
    responsible: row.responsible,
    createdWhen: row.createdWhen,
    createdWhere: row.createdWhere,
    formats: FORMATS.filter((f) => row.formats.includes(f)),
    retention: row.retention,
  };
  if (row.id !== undefined) out.id = row.id;
  if (row.link != null) out.link = row.link;
  if (row.exemption != null) out.exemption = canonicalExemption(row.exemption);
  if (row.notes != null) out.notes = row.notes;
  return out as R;
}

/** JSON with object keys sorted at every depth (arrays keep their order). */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

// Keys in the order canonicalRowJson writes them (sorted): a row whose keys already come in this order is written
// as it is.
const ROW_KEYS = ['category', 'createdWhen', 'createdWhere', 'exemption', 'formats', 'id', 'link', 'notes', 'owningUnit', 'responsible', 'retention', 'summary', 'title'];
const EXEMPTION_KEYS = ['article17', 'clause', 'consequence', 'otherLaw', 'period', 'publicInterest'];

/** Whether `o` is a plain object whose keys are some of `order`, in that order. */
function keysInOrder(o: object, order: readonly string[]): boolean {
  if (Object.getPrototypeOf(o) !== Object.prototype) return false;
  let i = 0;
  for (const k in o) {
    while (i < order.length && order[i] !== k) i++;
    if (i++ >= order.length) return false;
  }
  return true;
}

/**
 * Whether JSON.stringify(row) is already its canonical JSON: keys in sorted order, no null optional field, formats
 * in their fixed order. True for every row that came in as canonical JSON — what the task pane sends and what
 * the server stores —, which spares building a sorted copy of each row.
 */
export function hasCanonicalShape(row: DipRow): boolean {
  if (!keysInOrder(row, ROW_KEYS) || row.link === null || row.notes === null || row.exemption === null) return false;
  const f = row.formats;
  const inOrder = f.length === 0 || (f.length === 1 && (f[0] === 'hardcopy' || f[0] === 'softcopy')) || (f.length === 2 && f[0] === 'hardcopy' && f[1] === 'softcopy');
  if (!inOrder) return false;
  return row.exemption === undefined || keysInOrder(row.exemption, EXEMPTION_KEYS);
}

/**
 * The exact bytes stored for a row: canonical and key-sorted. Two rows with equal content give equal strings.
 * Equal to `stableStringify(canonicalRow(row))`, built directly with the keys already in sorted order because it
 * runs for every row of every push (several times faster than the generic sort); a row already in that shape is
 * serialised as it is.
 *
 * @example canonicalRowJson({ title: 'A', … }) === canonicalRowJson({ …, title: 'A' })
 */
export function canonicalRowJson(row: DipRow): string {
  if (hasCanonicalShape(row)) return JSON.stringify(row);
  const e = row.exemption;
  // Insertion order is JSON.stringify's order: keep these literals alphabetical.
  return JSON.stringify({
    category: row.category,
    createdWhen: row.createdWhen,
    createdWhere: row.createdWhere,
    exemption:
      e == null
        ? undefined
        : { article17: e.article17, clause: e.clause, consequence: e.consequence, otherLaw: e.otherLaw, period: e.period, publicInterest: e.publicInterest },
    formats: FORMATS.filter((f) => row.formats.includes(f)),
    id: row.id,
    link: row.link ?? undefined,
    notes: row.notes ?? undefined,
    owningUnit: row.owningUnit,
    responsible: row.responsible,
    retention: row.retention,
    summary: row.summary,
    title: row.title,
  });
}

const FORMATS_KEY = ',"formats":';
const isTextOrNull = (v: unknown) => v === null || typeof v === 'string';

/**
 * `canonicalRowJson` of the row with `id` as its id, for a row the server has just given one (the row itself is
 * left as it is). A row that came in as canonical JSON without an id — every new row the task pane sends — gets
 * the id spliced into its own serialisation, where the sorted keys put it: right after formats.
 */
export function canonicalRowJsonWithId(row: DipRow, id: string): string {
  // The splice finds formats by its key: the keys before it (category, createdWhen, createdWhere, exemption) must
  // hold only text, in which JSON escapes every quote, so ',"formats":' cannot appear in them.
  const e = row.exemption;
  if (
    row.id === undefined && hasCanonicalShape(row) && isTextOrNull(row.category) && typeof row.createdWhen === 'string' && typeof row.createdWhere === 'string' &&
    (e === undefined || (e !== null && Object.values(e).every(isTextOrNull)))
  ) {
    const json = JSON.stringify(row);
    const at = json.indexOf(FORMATS_KEY) + FORMATS_KEY.length + JSON.stringify(row.formats).length;
    return `${json.slice(0, at)},"id":${JSON.stringify(id)}${json.slice(at)}`;
  }
  return canonicalRowJson({ ...row, id });
}

/** Hash of one stored row (its id is part of the content). */
export function rowHash(row: StoredDipRow, sha: Sha256Hex = sha256Hex): string {
  return sha(canonicalRowJson(row));
}

/**
 * Content hash of a version from its rows' ids and hashes: SHA-256 over `id \t rowHash \n` lines sorted by id.
 * Independent of row order; changes when any field of any row changes. Building it from row hashes lets the
 * server verify a stored version without re-serialising what it already hashed.
 */
export function contentHashFromRowHashes(entries: Iterable<{ id: string; hash: string }>, sha: Sha256Hex = sha256Hex): string {
  // Sorted by id, which sorts the lines the same way (ids are unique, and the tab after an id sorts before any
  // character an id could continue with): comparing the short ids is much cheaper than comparing built lines.
  const sorted = Array.from(entries).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let text = 'dip-sync/v1\n';
  for (const e of sorted) text += `${e.id}\t${e.hash}\n`;
  return sha(text);
}

/**
 * Content hash of a version.
 *
 * @example contentHash(rows) === contentHash([...rows].reverse())
 */
export function contentHash(rows: readonly StoredDipRow[], sha: Sha256Hex = sha256Hex): string {
  return contentHashFromRowHashes(rows.map((r) => ({ id: r.id, hash: rowHash(r, sha) })), sha);
}
