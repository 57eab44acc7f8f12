import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRows } from '../../../shared/validate.js';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { testBackends, type TestDatabase } from '../testing/backends.js';
import { createUnit, knownUnitNames } from './auth.service.js';

describe.each(testBackends)('known units on $name', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.create();
  });
  afterAll(() => t.dispose());

  it('are unknown (no "unknown unit" warnings) until a unit is set up, then codes and names', async () => {
    const rows = sampleRows(3).map((r, i) => ({ ...r, id: `00000000-0000-4000-8000-00000000000${i}` }));
    const before = await knownUnitNames(t.handle.db);
    expect(before).toBeUndefined();
    expect(validateRows(rows, { knownUnits: before }).filter((i) => i.code === 'unknown_unit')).toEqual([]);

    await createUnit(t.handle.db, 'test', { code: 'UM', name: 'Bagian Umum' });
    const after = await knownUnitNames(t.handle.db);
    expect(after).toEqual(['UM', 'Bagian Umum']);
    const flagged = validateRows(rows, { knownUnits: after }).filter((i) => i.code === 'unknown_unit');
    // Sample rows belong to Bagian Umum, Bidang Keuangan and Bidang Perencanaan: the last two are not set up.
    expect(flagged.map((i) => i.rowIndex)).toEqual([1, 2]);
  });
});
