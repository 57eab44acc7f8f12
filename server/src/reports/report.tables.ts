/**
 * The monthly report as tables of cells: what the XLSX download holds and what the task pane writes into a new
 * sheet. One mapping for both, so the numbers in a downloaded file and in the workbook are the JSON's numbers.
 * Pure (the task pane imports it). Cells are plain values; each writer makes text safe for its medium.
 */
import type { Lang } from '../../../shared/issues.js';
import { columnLabel } from '../../../shared/headers.js';
import type { RowField } from '../../../shared/row.js';
import { FIGURE_KEYS, type MonthlyFigures, type MonthlyReport, type RoundProgress } from './reports.contract.js';
import { REPORT_LABELS, categoryText } from './report.labels.js';

export type ReportCell = string | number;

export interface ReportTable {
  /** Sheet name in a workbook (≤ 31 characters). */
  name: string;
  /** Heading shown above the table on a shared sheet. */
  caption: string;
  headers: string[];
  rows: ReportCell[][];
  /** The last row sums the ones above it. */
  hasTotal: boolean;
  /** Width in characters per column. */
  widths: number[];
}

const figureCells = (f: MonthlyFigures): number[] => FIGURE_KEYS.map((k) => f[k]);

/** Per unit × kategori, per unit, per kategori (each with a total row), then the changed, lapsed and incomplete rows. */
export function monthlyTables(report: MonthlyReport, lang: Lang = 'id'): ReportTable[] {
  const l = REPORT_LABELS[lang];
  const figureHeaders = FIGURE_KEYS.map((k) => l.figures[k]);
  const figureWidths = FIGURE_KEYS.map(() => 12);
  const totalRow = (lead: string[]): ReportCell[] => [...lead, ...figureCells(report.totals)];
  const field = (f: RowField | 'exemption') => (f === 'exemption' ? (lang === 'id' ? 'Uji konsekuensi' : 'Consequence test') : columnLabel(f, lang));

  return [
    {
      name: lang === 'id' ? 'Unit dan Kategori' : 'Unit and Category',
      caption: l.sections.byUnitCategory,
      headers: [l.unit, l.category, ...figureHeaders],
      rows: [...report.groups.map((g) => [g.unitName, categoryText(l, g.category), ...figureCells(g)]), totalRow([l.total, ''])],
      hasTotal: true,
      widths: [32, 18, ...figureWidths],
    },
    {
      name: lang === 'id' ? 'Per Unit' : 'By Unit',
      caption: l.sections.byUnit,
      headers: [l.unit, ...figureHeaders],
      rows: [...report.units.map((u) => [u.unitName, ...figureCells(u)]), totalRow([l.total])],
      hasTotal: true,
      widths: [32, ...figureWidths],
    },
    {
      name: lang === 'id' ? 'Per Kategori' : 'By Category',
      caption: l.sections.byCategory,
      headers: [l.category, ...figureHeaders],
      rows: [...report.categories.map((c) => [categoryText(l, c.category), ...figureCells(c)]), totalRow([l.total])],
      hasTotal: true,
      widths: [20, ...figureWidths],
    },
    {
      name: lang === 'id' ? 'Perubahan' : 'Changes',
      caption: l.sections.changes,
      headers: [l.change, l.title, l.unit, l.category, l.fields],
      rows: [
        ...report.added.map((r) => [l.changeKinds.added, r.title, r.unitName, categoryText(l, r.category), '']),
        ...report.changed.map((r) => [l.changeKinds.changed, r.title, r.unitName, categoryText(l, r.category), r.fields.map(field).join(', ')]),
        ...report.removed.map((r) => [l.changeKinds.removed, r.title, r.unitName, categoryText(l, r.category), '']),
      ],
      hasTotal: false,
      widths: [12, 50, 30, 18, 40],
    },
    {
      name: lang === 'id' ? 'Retensi Lewat' : 'Retention Lapsed',
      caption: l.sections.lapsed,
      headers: [l.title, l.unit, l.category, l.createdWhen, l.retention, l.expiredOn],
      rows: report.lapsed.map((r) => [r.title, r.unitName, categoryText(l, r.category), r.createdWhen, r.retention, r.expiredOn]),
      hasTotal: false,
      widths: [50, 30, 18, 18, 18, 16],
    },
    {
      name: lang === 'id' ? 'Belum Lengkap' : 'Incomplete',
      caption: l.sections.incomplete,
      headers: [l.title, l.unit, l.category, l.fields],
      rows: report.incomplete.map((r) => [r.title, r.unitName, categoryText(l, r.category), r.fields.map(field).join(', ')]),
      hasTotal: false,
      widths: [50, 30, 18, 40],
    },
  ];
}

/** Round progress per unit, for the sheet the task pane writes beside the monthly figures. */
export function progressTable(progress: RoundProgress, lang: Lang = 'id'): ReportTable {
  const l = REPORT_LABELS[lang];
  return {
    name: lang === 'id' ? 'Kemajuan Putaran' : 'Round Progress',
    caption: `${l.sections.progress}: ${progress.round.title}`,
    headers: [l.unit, l.progress.timing, l.progress.daysLate, l.progress.review, l.progress.returnedRows],
    rows: progress.units.map((u) => [u.unitName, l.timing[u.timing], u.daysLate ?? '', l.review[u.review], u.returnedRows]),
    hasTotal: false,
    widths: [32, 20, 14, 22, 18],
  };
}
