/**
 * The downloads of a published version: /dip.json, /dip.csv (comma, or semicolon for Excel set to Indonesian),
 * /dip.xlsx. All are built from the public projection (public.model.ts), so an excluded row carries its DIK fields
 * and nothing more in every format.
 */
import type { ColumnKey } from '../../../shared/columns.js';
import { DIP_COLUMNS } from '../../../shared/columns.js';
import { toCsv, type CsvSeparator } from '../export/csv.js';
import type { ExportTable } from '../export/table.js';
import { toXlsx } from '../export/xlsx.js';
import { cellsOf, columnHeader, DIK_COLUMN_KEYS, PUBLIC_COLUMN_KEYS, type DikEntry, type PublicColumnKey, type PublicEntry } from './public.model.js';
import type { PublishedDip } from './public.service.js';
import { decreeLines } from './views/format.js';

const widthOf = (k: ColumnKey) => DIP_COLUMNS.find((c) => c.key === k)?.width ?? 20;

function table(name: string, keys: readonly PublicColumnKey[], entries: readonly (PublicEntry | DikEntry)[]): ExportTable {
  return {
    name,
    headers: [...keys.map(columnHeader), 'ID'],
    widths: [...keys.map(widthOf), 38],
    rows: entries.map((e) => {
      const cells = cellsOf(e);
      return [...keys.map((k) => cells[k] ?? ''), e.id];
    }),
  };
}

/** CSV holds one table: every column once, an excluded row filling only its DIK columns. */
const CSV_KEYS: readonly PublicColumnKey[] = [...PUBLIC_COLUMN_KEYS, ...DIK_COLUMN_KEYS.filter((k) => !(PUBLIC_COLUMN_KEYS as readonly string[]).includes(k))];

/** The same table with either separator: only the separator and the quoting that follows from it differ. */
export function dipCsv(d: PublishedDip, separator: CsvSeparator = ','): Buffer {
  return toCsv(table('DIP', CSV_KEYS, [...d.entries, ...d.dik]), separator);
}

export function dipXlsx(d: PublishedDip): Promise<Buffer> {
  const about: ExportTable = {
    name: 'Keterangan',
    headers: ['Keterangan', 'Nilai'],
    widths: [30, 80],
    rows: [['Versi', String(d.version)], ...decreeLines(d), ['Sidik isi (SHA-256)', d.contentHash]],
  };
  return toXlsx([table('DIP', PUBLIC_COLUMN_KEYS, d.entries), table('DIK', DIK_COLUMN_KEYS, d.dik), about], {
    title: `Daftar Informasi Publik versi ${d.version}`,
    created: d.createdAt,
  });
}

/** Machine-readable: the wire field names of the rows, the DIK with its legal basis split and as one line. */
export function dipJson(d: PublishedDip): string {
  return JSON.stringify({
    version: d.version,
    contentHash: d.contentHash,
    decree: d.decree ? { number: d.decree.number, date: d.decree.date, approvedAt: d.decree.approvedAt?.toISOString() ?? null } : null,
    dip: d.entries.map((e) => ({
      id: e.id,
      category: e.category,
      title: e.title,
      summary: e.summary,
      owningUnit: e.owningUnit,
      responsible: e.responsible,
      createdWhen: e.createdWhen,
      createdWhere: e.createdWhere,
      formats: e.formats,
      retention: e.retention,
      link: e.link,
    })),
    dik: d.dik.map((e) => ({
      id: e.id,
      title: e.title,
      legalBasis: { ...e.basis, text: e.basisText },
      consequence: e.consequence,
      period: e.period,
    })),
  });
}
