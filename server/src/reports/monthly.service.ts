/** Loads what the monthly report is computed from: the two versions that bound the month, and the units. */
import { listUnits } from '../auth/auth.repository.js';
import type { Db } from '../db/database.js';
import { rowsOf } from '../register/register.service.js';
import { computeMonthly } from './monthly.compute.js';
import { monthPeriod } from './period.js';
import type { MonthlyReport, ReportBasis } from './reports.contract.js';
import { versionAt } from './reports.repository.js';

export async function monthlyReport(db: Db, month: string, basis: ReportBasis = 'head', now = new Date()): Promise<MonthlyReport> {
  const { start, end } = monthPeriod(month);
  const [fromVersion, toVersion, units] = await Promise.all([versionAt(db, basis, start, true), versionAt(db, basis, end, false), listUnits(db)]);
  const [rowsFrom, rowsTo] = await Promise.all([
    fromVersion === null ? [] : rowsOf(db, fromVersion),
    toVersion === null ? [] : toVersion === fromVersion ? null : rowsOf(db, toVersion),
  ]);
  return computeMonthly({
    month,
    basis,
    periodStart: start,
    periodEnd: end,
    fromVersion,
    toVersion,
    rowsFrom,
    // The same version at both ends: nothing changed during the month, and its rows need loading only once.
    rowsTo: rowsTo ?? rowsFrom,
    units,
    now,
  });
}
