/**
 * Which rows of the register are a unit's: those whose owning unit ("Pejabat/Unit yang Menguasai Informasi")
 * names the unit, by its name or its code, ignoring case and spacing (the way validate.ts compares units).
 */
import type { StoredDipRow } from '../../../shared/row.js';

const key = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export function rowsOfUnit<R extends StoredDipRow>(rows: readonly R[], unit: { code: string; name: string }): R[] {
  const names = new Set([key(unit.code), key(unit.name)]);
  return rows.filter((r) => names.has(key(r.owningUnit)));
}
