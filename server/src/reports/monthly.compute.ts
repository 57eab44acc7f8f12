/**
 * Laporan Bulanan Ketersediaan Informasi (SOP Pengelolaan Informasi Publik, steps 7, 9 and 10): the DIP as it stood
 * at the end of a month, per unit and kategori, and what changed during it. Pure: the service loads the two
 * versions and the units; everything counted here is counted from them.
 */
import { diff } from '../../../shared/diff.js';
import { isHttpUrl } from '../../../shared/normalize.js';
import { CATEGORIES, type Category, type RowField, type StoredDipRow } from '../../../shared/row.js';
import { validateRows } from '../../../shared/validate.js';
import { FIGURE_KEYS, type MonthlyCategory, type MonthlyFigures, type MonthlyGroup, type MonthlyReport, type MonthlyUnit, type ReportBasis, type ReportRowRef } from './reports.contract.js';
import { retentionLapsedBefore } from './retention.js';

export interface MonthlyInput {
  month: string;
  basis: ReportBasis;
  periodStart: Date;
  periodEnd: Date;
  fromVersion: number | null;
  toVersion: number | null;
  /** Rows of `fromVersion` and `toVersion` (empty when there is none). */
  rowsFrom: readonly StoredDipRow[];
  rowsTo: readonly StoredDipRow[];
  units: readonly { code: string; name: string }[];
  now: Date;
}

/** Issue codes that mean "a required field is empty" (shared/validate.ts). */
const MISSING_CODES = new Set([
  'category_missing',
  'required',
  'formats_missing',
  'exemption_missing',
  'exemption_basis_missing',
  'exemption_consequence_missing',
  'exemption_public_interest_missing',
  'exemption_period_missing',
]);

export const UNKNOWN_UNIT = '(tanpa unit)';

export const emptyFigures = (): MonthlyFigures => ({ rows: 0, withLink: 0, softcopy: 0, added: 0, changed: 0, removed: 0, retentionLapsed: 0, missingRequired: 0 });

function addFigures(into: MonthlyFigures, from: MonthlyFigures): void {
  for (const k of FIGURE_KEYS) into[k] += from[k];
}

const unitKey = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Pejabat/Unit text → the known unit it names (by code or by name, case and spacing ignored), else the text itself. */
function unitResolver(units: MonthlyInput['units']): (owningUnit: string) => { unitCode: string | null; unitName: string } {
  const byKey = new Map<string, { code: string; name: string }>();
  for (const u of units) {
    byKey.set(unitKey(u.code), u);
    byKey.set(unitKey(u.name), u);
  }
  return (owningUnit) => {
    const text = owningUnit.replace(/\s+/g, ' ').trim();
    const known = byKey.get(text.toLowerCase());
    if (known) return { unitCode: known.code, unitName: known.name };
    return { unitCode: null, unitName: text === '' ? UNKNOWN_UNIT : text };
  };
}

const CATEGORY_ORDER = new Map<Category | null, number>([...CATEGORIES.map((c, i) => [c, i] as const), [null, CATEGORIES.length]]);
const byName = (a: string, b: string) => a.localeCompare(b, 'id', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);

export function computeMonthly(input: MonthlyInput): MonthlyReport {
  const resolve = unitResolver(input.units);
  const firstDay = `${input.month}-01`;
  const groups = new Map<string, MonthlyGroup>();
  const groupOf = (row: StoredDipRow): MonthlyGroup => {
    const unit = resolve(row.owningUnit);
    const key = `${unit.unitCode ?? `?${unit.unitName.toLowerCase()}`}\u0000${row.category ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ...unit, category: row.category, ...emptyFigures() }));
    return g;
  };
  const ref = (row: StoredDipRow): ReportRowRef => ({ id: row.id, title: row.title, unitName: resolve(row.owningUnit).unitName, category: row.category });

  const missing = new Map<number, Set<RowField | 'exemption'>>();
  for (const issue of validateRows(input.rowsTo)) {
    if (!MISSING_CODES.has(issue.code)) continue;
    let fields = missing.get(issue.rowIndex);
    if (!fields) missing.set(issue.rowIndex, (fields = new Set()));
    fields.add(issue.field ?? 'exemption');
  }

  const d = diff(input.rowsFrom, input.rowsTo);
  const addedIds = new Set(d.added.map((r) => r.id));
  const changedFields = new Map(d.changed.map((c) => [c.id, c.fields.map((f) => f.field)]));

  const report: MonthlyReport = {
    month: input.month,
    basis: input.basis,
    periodStart: input.periodStart.toISOString(),
    periodEnd: input.periodEnd.toISOString(),
    fromVersion: input.fromVersion,
    toVersion: input.toVersion,
    generatedAt: input.now.toISOString(),
    totals: emptyFigures(),
    groups: [],
    units: [],
    categories: [],
    added: [],
    changed: [],
    removed: [],
    lapsed: [],
    incomplete: [],
  };

  input.rowsTo.forEach((row, i) => {
    const g = groupOf(row);
    g.rows++;
    if (row.link && isHttpUrl(row.link)) g.withLink++;
    if (row.formats.includes('softcopy')) g.softcopy++;
    if (addedIds.has(row.id)) {
      g.added++;
      report.added.push(ref(row));
    }
    const changed = changedFields.get(row.id);
    if (changed) {
      g.changed++;
      report.changed.push({ ...ref(row), fields: changed });
    }
    // Retention is the archive's (JRA), whatever the kategori: an excluded row's exclusion period is another matter.
    const retention = retentionLapsedBefore(row.createdWhen, row.retention, firstDay);
    if (retention.lapsed) {
      g.retentionLapsed++;
      report.lapsed.push({ ...ref(row), createdWhen: row.createdWhen, retention: row.retention, expiredOn: retention.end! });
    }
    const fields = missing.get(i);
    if (fields) {
      g.missingRequired++;
      report.incomplete.push({ ...ref(row), fields: [...fields] });
    }
  });
  for (const row of d.removed) {
    groupOf(row).removed++;
    report.removed.push(ref(row));
  }

  report.groups = [...groups.values()].sort(
    (a, b) => byName(a.unitName, b.unitName) || CATEGORY_ORDER.get(a.category)! - CATEGORY_ORDER.get(b.category)!,
  );
  const units = new Map<string, MonthlyUnit>();
  const categories = new Map<Category | null, MonthlyCategory>(CATEGORIES.map((c) => [c, { category: c, ...emptyFigures() }]));
  for (const g of report.groups) {
    const uKey = g.unitCode ?? `?${g.unitName.toLowerCase()}`;
    let u = units.get(uKey);
    if (!u) units.set(uKey, (u = { unitCode: g.unitCode, unitName: g.unitName, ...emptyFigures() }));
    let c = categories.get(g.category);
    if (!c) categories.set(g.category, (c = { category: g.category, ...emptyFigures() }));
    addFigures(u, g);
    addFigures(c, g);
    addFigures(report.totals, g);
  }
  report.units = [...units.values()];
  report.categories = [...categories.values()];
  return report;
}
