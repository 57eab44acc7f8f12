/**
 * Draws the add-in's icons (a white sheet with a header bar and rows on a green tile) as PNGs with node:zlib alone,
 * so the manifest's icons need no image tool or dependency. Deterministic: the committed files are exactly what this
 * writes, which test/manifest.test.ts checks. `npx tsx scripts/icons.ts` rewrites addin/public/assets/icon-*.png.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;
export const ICON_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'addin', 'public', 'assets');
export const iconFile = (size: number) => `icon-${size}.png`;

type RGBA = readonly [number, number, number, number];
const TILE: RGBA = [0x10, 0x7c, 0x41, 255]; // Excel green
const SHEET: RGBA = [255, 255, 255, 255];
const HEADER: RGBA = [0xce, 0x11, 0x26, 255]; // the red of the flag: the header row
const LINE: RGBA = [0x9a, 0xb8, 0xa6, 255];
const CLEAR: RGBA = [0, 0, 0, 0];

/** The colour at a point of the unit square (0..1): the design, independent of the pixel size. */
function paint(x: number, y: number): RGBA {
  const r = 0.18; // tile corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;
  const inSheet = x >= 0.2 && x <= 0.8 && y >= 0.16 && y <= 0.84;
  if (!inSheet) return TILE;
  if (y <= 0.34) return HEADER;
  const rowLine = [0.5, 0.64, 0.78].some((ly) => Math.abs(y - ly) < 0.025);
  const colLine = Math.abs(x - 0.42) < 0.02;
  return rowLine || colLine ? LINE : SHEET;
}

/** RGBA pixels, each averaged over 4×4 samples so edges stay smooth at 16 px. */
function pixels(size: number): Buffer {
  const n = 4;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          // Premultiply so transparent samples do not darken the edge colour.
          for (let k = 0; k < 3; k++) sum[k] = (sum[k] ?? 0) + (c[k] ?? 0) * c[3];
          sum[3] = (sum[3] ?? 0) + c[3];
        }
      }
      const alpha = (sum[3] ?? 0) / (n * n);
      const at = (py * size + px) * 4;
      for (let k = 0; k < 3; k++) out[at + k] = alpha === 0 ? 0 : Math.round((sum[k] ?? 0) / (sum[3] ?? 1));
      out[at + 3] = Math.round(alpha);
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG (8-bit RGBA, no interlace) of the icon at `size` pixels. */
export function iconPng(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth, colour type RGBA, compression, filter, interlace
  const rgba = pixels(size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4); // filter 0 per line
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  mkdirSync(ICON_DIR, { recursive: true });
  for (const size of ICON_SIZES) writeFileSync(path.join(ICON_DIR, iconFile(size)), iconPng(size));
  console.log(`wrote ${ICON_SIZES.map(iconFile).join(', ')} to ${ICON_DIR}`);
}
