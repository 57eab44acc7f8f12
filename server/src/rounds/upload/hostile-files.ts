/**
 * Builders of hostile uploads for tests (and for anyone checking the guards by hand): zip bombs, XXE, workbooks
 * whose ranges exceljs would expand cell by cell. Every file is made here, from scratch; none is downloaded.
 */
import ExcelJS from 'exceljs';
import zlib from 'node:zlib';
import { UPLOAD_LIMITS } from './limits.js';
import { listEntries, readEntry } from './zip-reader.js';
import { storeZip, type ZipFile } from './zip-writer.js';

export interface RawEntry {
  name: string;
  data: Buffer;
  /** Deflate the data (default true). */
  deflate?: boolean;
  /** Declare this uncompressed size instead of the real one (a lying header). */
  declaredSize?: number;
}

/** A ZIP written by hand, so sizes can lie. */
export function buildZip(entries: readonly RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const deflate = e.deflate ?? true;
    const body = deflate ? zlib.deflateRawSync(e.data, { level: 9 }) : e.data;
    const size = e.declaredSize ?? e.data.length;
    const crc = zlib.crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, body);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(deflate ? 8 : 0, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

/** A small, valid workbook with one sheet "DIP" holding `rows` (exceljs writes it, as Excel users' files would be). */
export async function plainWorkbook(rows: unknown[][] = [['Judul Informasi', 'Kategori'], ['Renstra', 'Berkala']]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DIP');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The entries of a (trusted, test-made) workbook, to edit one part and zip it again. */
export async function unpack(buf: Buffer): Promise<ZipFile[]> {
  const entries = listEntries(buf, UPLOAD_LIMITS);
  return Promise.all(entries.map(async (e) => ({ name: e.name, data: await readEntry(buf, e) })));
}

/** The workbook with one XML part rewritten. */
export async function withPart(buf: Buffer, name: string, edit: (xml: string) => string): Promise<Buffer> {
  const files = await unpack(buf);
  const f = files.find((x) => x.name === name);
  if (!f) throw new Error(`no part ${name}`);
  f.data = Buffer.from(edit(f.data.toString('utf8')), 'utf8');
  return storeZip(files);
}

/** 100 MB of zeros deflated to ~100 KB, declared honestly or with a lying (tiny) size. */
export function zipBomb(opts: { lie: boolean }): Buffer {
  const zeros = Buffer.alloc(100 * 1024 * 1024);
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'xl/worksheets/sheet1.xml', data: zeros, ...(opts.lie ? { declaredSize: 1000 } : {}) },
  ]);
}

/** The classic billion-laughs / external-entity payload in a worksheet part. */
export const XXE_DOCTYPE =
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>';
