/**
 * What the task pane's integration tests stand on: the real server app over a fresh database (its requests go
 * through Hono's app.request — the fetch boundary, no network) and the real Excel adapter over the mock Excel
 * host (office-addin-mock), one mock workbook per simulated client.
 */
import type { Role } from '../../../../shared/api.js';
import { toDipGrid } from '../../../../shared/grid.js';
import type { DipRow } from '../../../../shared/row.js';
import { DIP_COLUMNS } from '../../../../shared/columns.js';
import { testBackends } from '../../../../server/src/testing/backends.js';
import { startTestServer, type TestServer } from '../../../../server/src/testing/server.js';
import { createExcelAdapter, type SheetAdapter } from '../../excel/adapter.js';
import { TABLE_NAME } from '../../excel/layout.js';
import { createMockExcel, type MockExcel } from '../../excel/testing/mockExcel.js';
import { ApiClient } from '../../api/client.js';
import { memoryStorage } from '../../office/storage.js';
import { BaseTracker } from '../logic/base.js';

/** The origin the tests pretend the server has; app.request only looks at the path. */
export const SERVER_URL = 'http://dip.test';

export type TokenUser = keyof TestServer['tokens'];

export function serverFetch(server: TestServer): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(`${SERVER_URL}/`)) return Promise.reject(new TypeError(`test fetch refuses ${url}`));
    return Promise.resolve(server.app.request(url, init));
  };
}

export function startServer(): Promise<TestServer> {
  const backend = testBackends[0];
  if (!backend) throw new Error('no test database backend');
  return startTestServer(backend);
}

export function apiFor(server: TestServer, user: TokenUser): ApiClient {
  return new ApiClient({ baseUrl: SERVER_URL, token: server.tokens[user], fetch: serverFetch(server) });
}

/** One person's Excel: a mock workbook with the DIP sheet, the real adapter over it, and their base tracker. */
export interface Workbook {
  mock: MockExcel;
  adapter: SheetAdapter;
  base: BaseTracker;
  /** The table as strings (header first). */
  grid(): string[][];
  /** Selects whole data rows (0 = first under the header), as a person would by clicking row numbers. */
  selectRows(first: number, count?: number): void;
  /** Types into one cell of a data row, by DIP column key. */
  type(rowIndex: number, key: (typeof DIP_COLUMNS)[number]['key'], value: string): void;
  /** What one cell of a data row holds, by DIP column key. */
  cell(rowIndex: number, key: (typeof DIP_COLUMNS)[number]['key']): string;
  /** The selection address as Excel reports it ("DIP!C3"). */
  selection(): string;
  /** The fill colour of one cell of a data row (validation marks), by DIP column key. */
  fill(rowIndex: number, key: (typeof DIP_COLUMNS)[number]['key']): string | undefined;
}

/** A workbook with the DIP sheet holding `rows`; `{ empty: true }` for a workbook without the sheet at all. */
export async function openWorkbook(rows: readonly DipRow[] = [], opts: { empty?: boolean } = {}): Promise<Workbook> {
  const mock = createMockExcel();
  const adapter = createExcelAdapter(mock.runner);
  if (!opts.empty) await adapter.ensureDipSheet();
  if (rows.length > 0) await adapter.writeDipRows(toDipGrid(rows));
  const table = () => {
    const t = mock.model.table(TABLE_NAME);
    if (!t) throw new Error('no DIP table');
    return t;
  };
  return {
    mock,
    adapter,
    base: new BaseTracker(memoryStorage()),
    grid: () => mock.model.tableGrid(TABLE_NAME).map((r) => r.map(String)),
    selectRows(first, count = 1) {
      const t = table();
      mock.model.select(t.sheet.name, { row: t.row + 1 + first, col: t.col, rows: count, cols: t.cols });
    },
    type(rowIndex, key, value) {
      const t = table();
      const col = DIP_COLUMNS.findIndex((c) => c.key === key);
      t.sheet.put(t.row + 1 + rowIndex, t.col + col, [[value]]);
    },
    cell(rowIndex, key) {
      const t = table();
      return String(t.sheet.get(t.row + 1 + rowIndex, t.col + DIP_COLUMNS.findIndex((c) => c.key === key)));
    },
    selection: () => mock.model.selection,
    fill(rowIndex, key) {
      const t = table();
      return t.sheet.fillAt(t.row + 1 + rowIndex, t.col + DIP_COLUMNS.findIndex((c) => c.key === key));
    },
  };
}

export const roleOf = (user: TokenUser): Role => (user.startsWith('unit') ? 'unit' : (user.replace(/\d$/, '') as Role));
