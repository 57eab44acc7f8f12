/**
 * Excel adapter figures: reading and writing 10,000 and 50,000 DIP rows through the adapter against the mock Excel
 * (office-addin-mock plus a workbook model), with the default chunking. What matters is the sync count and the
 * largest request or response, which are the same on a real host; wall time here is the adapter and the mock, not
 * Excel. Run alone: `npx tsx bench/adapter.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { createExcelAdapter } from '../addin/src/excel/adapter.js';
import { DEFAULT_OPTIONS } from '../addin/src/excel/runner.js';
import { createMockExcel } from '../addin/src/excel/testing/mockExcel.js';
import { sampleGrid } from '../addin/src/excel/testing/sampleRows.js';

export interface AdapterBenchRow {
  [k: string]: string | number;
}

const SIZES = [10_000, 50_000];
const kb = (bytes: number) => Math.round(bytes / 1024);

/** One row of figures per operation and size. */
export async function benchAdapter(sizes: readonly number[] = SIZES): Promise<AdapterBenchRow[]> {
  const rows: AdapterBenchRow[] = [];
  for (const n of sizes) {
    const excel = createMockExcel();
    const adapter = createExcelAdapter(excel.runner);
    const grid = sampleGrid(n);
    const measure = async (operation: string, action: () => Promise<unknown>) => {
      excel.resetStats();
      const t = performance.now();
      await action();
      const ms = performance.now() - t;
      const sent = excel.batches.reduce((s, b) => s + b.request, 0);
      const received = excel.batches.reduce((s, b) => s + b.response, 0);
      rows.push({
        operation,
        rows: n,
        'wall ms': Math.round(ms),
        syncs: excel.syncCount(),
        'total KB': kb(sent + received),
        'largest request KB': kb(excel.maxRequest()),
        'largest response KB': kb(excel.maxResponse()),
        'largest payload bytes': Math.max(excel.maxRequest(), excel.maxResponse()),
      });
    };
    await measure('write (new sheet)', () => adapter.writeDipRows(grid));
    await measure('read', async () => {
      const back = await adapter.readDipSheet();
      if (back.length !== grid.length) throw new Error(`read ${back.length - 1} rows, wrote ${n}`);
    });
    await measure('write (replace)', () => adapter.writeDipRows(grid));
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`Excel adapter against the mock — request budget ${kb(DEFAULT_OPTIONS.maxRequestBytes)} KB, Excel on the web's limit 5120 KB`);
  console.table(await benchAdapter());
}
