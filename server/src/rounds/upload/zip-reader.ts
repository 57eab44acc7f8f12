/**
 * A defensive reader for the ZIP container of an uploaded workbook. It exists so that nothing is decompressed
 * before the archive has been measured: the central directory is read with every offset bounds-checked, the
 * declared sizes are held to the caps, and each entry is inflated by zlib with `maxOutputLength`, so an entry that
 * lies about its size stops at the cap instead of filling memory. Only stored and deflated entries, no encryption,
 * no ZIP64, no multi-disk archives: a workbook of a few MB never needs them, and every extra feature is attack surface.
 *
 * Node's own zlib does the inflating (no new dependency); the archive exceljs finally reads is rebuilt from the
 * entries checked here (zip-writer.ts), so exceljs never sees bytes this reader did not.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { UploadRefused } from './refusal.js';

const inflateRaw = promisify(zlib.inflateRaw);

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const END_MIN = 22;
const MAX_COMMENT = 0xffff;

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes of every entry. */
  maxTotalSize: number;
  /** Uncompressed ÷ compressed, per entry, for entries bigger than `ratioFloor`. */
  maxRatio: number;
  ratioFloor: number;
}

const bomb = (why: string, en: string) =>
  new UploadRefused(422, 'zip_bomb', `Berkas ditolak: ${why} (kemungkinan zip bomb).`, `File refused: ${en} (likely a zip bomb).`);
const corrupt = (why: string) =>
  new UploadRefused(422, 'corrupt_file', `Berkas rusak atau bukan .xlsx yang sah (${why}).`, `The file is damaged or not a valid .xlsx (${why}).`);

function findEnd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - END_MIN - MAX_COMMENT);
  for (let p = buf.length - END_MIN; p >= stop; p--) {
    // The comment must reach exactly to the end: a signature inside the comment or the data is not the record.
    if (buf.readUInt32LE(p) === SIG_END && p + END_MIN + buf.readUInt16LE(p + 20) === buf.length) return p;
  }
  throw corrupt('direktori ZIP tidak ditemukan');
}

/**
 * The entries listed in the central directory, checked against the caps before anything is inflated.
 * Throws UploadRefused (422) for a malformed archive, a duplicate name, an encrypted entry, or caps exceeded.
 */
export function listEntries(buf: Buffer, limits: ZipLimits): ZipEntry[] {
  if (buf.length < END_MIN) throw corrupt('terlalu pendek');
  const end = findEnd(buf);
  const disk = buf.readUInt16LE(end + 4);
  const cdDisk = buf.readUInt16LE(end + 6);
  const onDisk = buf.readUInt16LE(end + 8);
  const count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw corrupt('ZIP64 tidak didukung');
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) throw corrupt('arsip multi-disk');
  if (cdOffset + cdSize > end) throw corrupt('direktori di luar berkas');
  if (count > limits.maxEntries) throw bomb(`${count} entri (maks. ${limits.maxEntries})`, `${count} entries (max ${limits.maxEntries})`);

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || buf.readUInt32LE(p) !== SIG_CENTRAL) throw corrupt('entri direktori rusak');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > cdOffset + cdSize) throw corrupt('entri direktori rusak');
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    p = next;

    if (flags & 0x41) throw new UploadRefused(422, 'encrypted_file', 'Berkas terenkripsi/berkata sandi: simpan tanpa kata sandi lalu unggah lagi.', 'The file is encrypted: save it without a password and upload again.');
    if (method !== 0 && method !== 8) throw corrupt(`metode kompresi ${method}`);
    if (compressedSize === 0xffffffff || size === 0xffffffff) throw corrupt('ZIP64 tidak didukung');
    if (names.has(name)) throw corrupt(`nama entri ganda "${name.slice(0, 80)}"`);
    names.add(name);
    if (size > limits.ratioFloor && size / Math.max(compressedSize, 1) > limits.maxRatio) {
      throw bomb(`rasio kompresi ${Math.round(size / Math.max(compressedSize, 1))}:1 pada "${name.slice(0, 80)}"`, `compression ratio ${Math.round(size / Math.max(compressedSize, 1))}:1 in "${name.slice(0, 80)}"`);
    }
    total += size;
    if (total > limits.maxTotalSize) {
      throw bomb(`isi terurai melebihi ${Math.round(limits.maxTotalSize / 1048576)} MB`, `uncompressed content over ${Math.round(limits.maxTotalSize / 1048576)} MB`);
    }
    entries.push({ name, method, crc, compressedSize, size, localOffset });
  }
  return entries;
}

/**
 * The entry's bytes, inflated with a hard cap of its declared size: an entry whose data inflates to more (or
 * less) than its directory says, or whose CRC differs, is refused.
 */
export async function readEntry(buf: Buffer, e: ZipEntry): Promise<Buffer> {
  const lo = e.localOffset;
  if (lo + 30 > buf.length || buf.readUInt32LE(lo) !== SIG_LOCAL) throw corrupt('header entri rusak');
  const start = lo + 30 + buf.readUInt16LE(lo + 26) + buf.readUInt16LE(lo + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (start + e.compressedSize > buf.length || data.length !== e.compressedSize) throw corrupt('data entri terpotong');

  let out: Buffer;
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw corrupt('ukuran entri tidak cocok');
    out = data;
  } else if (e.size === 0) {
    out = Buffer.alloc(0);
  } else {
    try {
      out = await inflateRaw(data, { maxOutputLength: e.size });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw bomb(`"${e.name.slice(0, 80)}" terurai lebih besar dari ukuran yang dinyatakan`, `"${e.name.slice(0, 80)}" inflates beyond its declared size`);
      }
      throw corrupt('data terkompresi rusak');
    }
  }
  if (out.length !== e.size) throw corrupt('ukuran entri tidak cocok');
  if (zlib.crc32(out) !== e.crc) throw corrupt('CRC tidak cocok');
  return out;
}
