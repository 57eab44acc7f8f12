/**
 * Turns an uploaded .xlsx into a workbook exceljs can read without risk, or refuses it with a clear 4xx:
 *
 * 1. the ZIP is measured and inflated under caps (zip-reader.ts): zip bombs are refused;
 * 2. every XML part is read as UTF-8 and refused if it declares a DTD or an entity (XXE, billion laughs);
 * 3. only the parts that carry cell values are kept, and those are cut down to what is needed. This is not
 *    tidiness: exceljs 4.4 expands ranges cell by cell when it loads defined names (`Print_Area` of
 *    `$A:$XFD` is 17 billion cells), merged cells, data validations and column ranges, so a small, valid
 *    workbook can hang the server. A worksheet keeps its `<sheetData>` and `<hyperlinks>`; the workbook loses
 *    `<definedNames>`; sheet relationships keep only hyperlinks;
 * 4. cells and rows are counted in the XML before exceljs makes an object for each.
 *
 * The result is a new archive of the checked parts only (zip-writer.ts).
 */
import { UPLOAD_LIMITS, type UploadLimits } from './limits.js';
import { UploadRefused } from './refusal.js';
import { listEntries, readEntry } from './zip-reader.js';
import { storeZip, type ZipFile } from './zip-writer.js';

const XML_PART = /\.(xml|rels|vml)$/i;
const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const SHEET_RELS = /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/;
const KEPT_AS_IS = new Set(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml']);
const FORBIDDEN_XML = /<!DOCTYPE|<!ENTITY/i;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const utf8 = new TextDecoder('utf-8', { fatal: true });

const notXlsx = () =>
  new UploadRefused(
    422,
    'not_xlsx',
    'Berkas bukan .xlsx (buka di Excel lalu simpan sebagai "Excel Workbook (*.xlsx)").',
    'The file is not an .xlsx (open it in Excel and save as "Excel Workbook (*.xlsx)").',
  );

/** Refuses anything but a ZIP; an OLE file is an old .xls or an encrypted workbook, which deserves its own words. */
export function assertZip(buf: Buffer): void {
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) {
    throw new UploadRefused(
      422,
      'xls_or_encrypted',
      'Berkas berformat .xls lama atau terenkripsi: simpan sebagai .xlsx tanpa kata sandi lalu unggah lagi.',
      'The file is an old .xls or encrypted: save it as .xlsx without a password and upload again.',
    );
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw notXlsx();
}

function decodeXml(name: string, bytes: Buffer): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new UploadRefused(422, 'unsupported_encoding', `Bagian "${name.slice(0, 80)}" bukan UTF-8.`, `Part "${name.slice(0, 80)}" is not UTF-8.`);
  }
  // A NUL in XML text means UTF-16 or binary smuggled in: the DTD check below would not see through it.
  if (text.includes('\0')) throw new UploadRefused(422, 'unsupported_encoding', `Bagian "${name.slice(0, 80)}" bukan UTF-8.`, `Part "${name.slice(0, 80)}" is not UTF-8.`);
  if (FORBIDDEN_XML.test(text)) {
    throw new UploadRefused(
      422,
      'xml_dtd_refused',
      'Berkas ditolak: berisi deklarasi DTD/ENTITY yang tidak pernah dibuat oleh Excel.',
      'File refused: it contains a DTD/ENTITY declaration, which Excel never writes.',
    );
  }
  return text;
}

/** The first `<tag …>…</tag>` or `<tag …/>` element, by index (linear; no regex backtracking over MBs of XML). */
function element(xml: string, tag: string): string | null {
  const re = new RegExp(`<${tag}(?=[\\s>/])`, 'g');
  const m = re.exec(xml);
  if (!m) return null;
  const openEnd = xml.indexOf('>', m.index);
  if (openEnd < 0) return null;
  if (xml[openEnd - 1] === '/') return xml.slice(m.index, openEnd + 1);
  const close = xml.indexOf(`</${tag}>`, openEnd);
  return close < 0 ? null : xml.slice(m.index, close + tag.length + 3);
}

function sanitizeSheet(xml: string): string {
  const root = /<worksheet(?=[\s>])[^>]*>/.exec(xml);
  if (!root || root[0].endsWith('/>')) return `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`;
  return `${XML_HEAD}${root[0]}${element(xml, 'sheetData') ?? '<sheetData/>'}${element(xml, 'hyperlinks') ?? ''}</worksheet>`;
}

function sanitizeWorkbook(xml: string): string {
  const names = element(xml, 'definedNames');
  return names === null ? xml : xml.replace(names, '');
}

function sanitizeSheetRels(xml: string): string {
  const links = (xml.match(/<Relationship\b[^>]*>/g) ?? []).filter((r) => /Type="[^"]*\/hyperlink"/.test(r)).map((r) => (r.endsWith('/>') ? r : `${r.slice(0, -1)}/>`));
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${links.join('')}</Relationships>`;
}

const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;

function tooBig(what: string, n: number, max: number, en: string): never {
  throw new UploadRefused(422, 'workbook_too_large', `Buku kerja terlalu besar: ${n} ${what} (maks. ${max}).`, `Workbook too large: ${n} ${en} (max ${max}).`);
}

/**
 * Checks an uploaded .xlsx and returns a clean archive of the parts that carry values, for exceljs to load.
 * Throws UploadRefused (a 4xx AppError) when the file is not an .xlsx, is a zip bomb, carries a DTD/entity,
 * or holds more cells, rows or sheets than the caps.
 */
export async function checkXlsx(buf: Buffer, limits: UploadLimits = UPLOAD_LIMITS): Promise<Buffer> {
  assertZip(buf);
  const entries = listEntries(buf, limits);
  const kept: ZipFile[] = [];
  let cells = 0;
  let rows = 0;
  let sheets = 0;
  for (const e of entries) {
    if (!XML_PART.test(e.name)) continue; // media and the like: never inflated, never parsed
    const xml = decodeXml(e.name, await readEntry(buf, e));
    const name = e.name.replace(/^\/+/, '');
    let out: string | null = null;
    if (KEPT_AS_IS.has(name)) out = xml;
    else if (name === 'xl/workbook.xml') out = sanitizeWorkbook(xml);
    else if (SHEET_RELS.test(name)) out = sanitizeSheetRels(xml);
    else if (SHEET.test(name)) {
      out = sanitizeSheet(xml);
      if (++sheets > limits.maxSheets) tooBig('lembar', sheets, limits.maxSheets, 'sheets');
      cells += count(out, /<c[\s>/]/g);
      rows += count(out, /<row[\s>/]/g);
    }
    if (name === 'xl/sharedStrings.xml' && count(xml, /<si[\s>/]/g) > limits.maxCells) tooBig('teks', count(xml, /<si[\s>/]/g), limits.maxCells, 'strings');
    if (out !== null) kept.push({ name, data: Buffer.from(out, 'utf8') });
  }
  if (cells > limits.maxCells) tooBig('sel', cells, limits.maxCells, 'cells');
  if (rows > limits.maxRows) tooBig('baris', rows, limits.maxRows, 'rows');
  if (!kept.some((f) => f.name === 'xl/workbook.xml')) throw notXlsx();
  return storeZip(kept);
}
