/**
 * The Excel host, stood in for inside the page: only the Excel calls the adapter makes (the list in
 * addin/src/excel/README.md) over an in-memory grid; officeStandIn.ts does Office.onReady and Office.context.
 * Anything else the pane touches throws "not modelled" and is recorded in `misses`, so drift between the adapter and
 * this list fails the end-to-end test loudly instead of passing by accident. Notes are modelled, comments are not:
 * the host claims ExcelApi 1.18, where the adapter uses notes. The active sheet is the one last activated or
 * selected in, else the first (Excel always has one; a new sheet is not activated by worksheets.add).
 *
 * This function is serialised into the page (page.addInitScript) and given officeObjects.ts's createBatch, which
 * keeps those rules: it must not use anything else from outside its body.
 */

import type { CreateBatch } from './officeObjects.js';

/** What the test reads and types through (window.__dipWorkbook). Data rows are 0-based under the table header. */
export interface WorkbookHandle {
  /** Types rows (DIP column order) into the table from data row `first`, growing the table as Excel does. */
  typeRows(first: number, rows: string[][]): void;
  typeCell(dataRow: number, header: string, value: string): void;
  /** The table, header first, as text. */
  tableGrid(): string[][];
  /**
   * Puts a sheet of cells from A1 (an old DIP on its own sheet, for the importer), creating the sheet at the end of
   * the tabs or replacing what the sheet held; no table. A person's typing: nothing is charged to the pane's syncs.
   */
  putSheet(name: string, rows: string[][]): void;
  /** Makes a sheet the active one, as a person clicking its tab. */
  activateSheet(name: string): void;
  /** The active sheet's name, or null when the workbook has no sheet yet. */
  activeSheet(): string | null;
  fill(dataRow: number, header: string): string | null;
  note(dataRow: number, header: string): string | null;
  selection(): string;
  misses: string[];
  /** Errors that left an Excel.run (including expected ones such as ItemNotFound), newest last. */
  errors: string[];
  syncs: number;
}

export function installWorkbookStandIn(createBatch: CreateBatch): void {
  type Cell = string | number | boolean;
  type Rect = { row: number; col: number; rows: number; cols: number };
  interface Sheet { name: string; cells: Map<string, Cell>; fills: Map<string, string>; notes: Map<string, string>; frozen: number }
  interface Table extends Rect { name: string; sheet: Sheet }

  const w = window as unknown as Record<string, unknown>;
  const sheets: Sheet[] = [];
  const tables: Table[] = [];
  let selection = '';
  let active: Sheet | null = null;
  const handle: WorkbookHandle = {} as WorkbookHandle;
  handle.misses = [];
  handle.errors = [];
  handle.syncs = 0;

  const key = (r: number, c: number) => `${r}:${c}`;
  const letters = (c: number): string => (c < 26 ? '' : letters(Math.floor(c / 26) - 1)) + String.fromCharCode(65 + (c % 26));
  const a1 = (x: Rect) => {
    const start = `${letters(x.col)}${x.row + 1}`;
    return x.rows === 1 && x.cols === 1 ? start : `${start}:${letters(x.col + x.cols - 1)}${x.row + x.rows}`;
  };
  const overlaps = (a: Rect, b: Rect) => a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
  const get = (s: Sheet, r: number, c: number): Cell => s.cells.get(key(r, c)) ?? '';
  // What Excel stores for a value typed or written: the apostrophe prefix keeps the rest as text; numbers parse.
  const typed = (v: unknown): Cell => {
    if (typeof v === 'number' || typeof v === 'boolean') return v;
    const text = v === null || v === undefined ? '' : String(v);
    if (text.startsWith("'")) return text.slice(1);
    return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text;
  };
  const put = (s: Sheet, r: number, c: number, v: unknown) => {
    const t = typed(v);
    if (t === '') s.cells.delete(key(r, c));
    else s.cells.set(key(r, c), t);
  };
  const each = (x: Rect, fn: (r: number, c: number) => void) => {
    for (let r = x.row; r < x.row + x.rows; r++) for (let c = x.col; c < x.col + x.cols; c++) fn(r, c);
  };
  const matrix = (x: Rect, fn: (r: number, c: number) => unknown) =>
    Array.from({ length: x.rows }, (_, i) => Array.from({ length: x.cols }, (_, j) => fn(x.row + i, x.col + j)));
  const tableNamed = (name: string) => tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  const sheetNamed = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const activeSheet = (): Sheet | undefined => (active && sheets.includes(active) ? active : sheets[0]);
  const newSheet = (name: string): Sheet => {
    const sheet: Sheet = { name, cells: new Map(), fills: new Map(), notes: new Map(), frozen: 0 };
    sheets.push(sheet);
    return sheet;
  };
  // Entire rows ("5:14"): a range from column A to Excel's last column, XFD.
  const SHEET_COLUMNS = 16_384;
  const entireRows = (x: Rect) => x.col === 0 && x.cols === SHEET_COLUMNS;
  const usedIn = (s: Sheet, within: Rect | null): Rect | null => {
    const keys = [...s.cells.keys()]
      .map((k) => k.split(':').map(Number) as [number, number])
      .filter(([r, c]) => !within || (r >= within.row && r < within.row + within.rows && c >= within.col && c < within.col + within.cols));
    if (keys.length === 0) return null;
    const top = Math.min(...keys.map((k) => k[0]));
    const left = Math.min(...keys.map((k) => k[1]));
    return { row: top, col: left, rows: Math.max(...keys.map((k) => k[0])) - top + 1, cols: Math.max(...keys.map((k) => k[1])) - left + 1 };
  };
  /**
   * Entire rows inserted at `at` (count > 0) or deleted from it (count < 0), as Excel does: cells, fills and notes
   * below move; a table below moves, one the insertion passes through (under its header) grows, one right above it
   * does not; deleted rows leave a table, all of them take it away. Deleting a table's header row without its body,
   * or its whole body without the header, is refused (the message; nothing changed): the adapter never does either.
   */
  const shiftRows = (s: Sheet, at: number, count: number): string | null => {
    const moved = (x: Rect): Rect | null => {
      const end = x.row + x.rows;
      if (count > 0) return x.row >= at ? { ...x, row: x.row + count } : at < end ? { ...x, rows: x.rows + count } : x;
      const gone = Math.max(0, Math.min(end, at - count) - Math.max(x.row, at));
      return gone === x.rows ? null : { ...x, row: x.row < at ? x.row : Math.max(at, x.row + count), rows: x.rows - gone };
    };
    const onSheet = tables.filter((t) => t.sheet === s);
    for (const t of onSheet) {
      const m = moved(t);
      if (count < 0 && m && ((t.row >= at && t.row < at - count) || m.rows < 2)) return `would delete the header or the whole body of ${t.name}`;
    }
    for (const map of [s.cells, s.fills, s.notes] as Map<string, unknown>[]) {
      const entries = [...map.entries()];
      map.clear();
      for (const [k, v] of entries) {
        const [r, c] = k.split(':').map(Number) as [number, number];
        if (r < at) map.set(k, v);
        else if (count > 0 || r >= at - count) map.set(key(r + count, c), v);
      }
    }
    for (const t of onSheet) {
      const m = moved(t);
      if (m) Object.assign(t, m);
      else tables.splice(tables.indexOf(t), 1);
    }
    return null;
  };
  const miss = (what: string): never => {
    handle.misses.push(what);
    throw new Error(`workbook stand-in: ${what} is not modelled`);
  };

  function requestContext(): { workbook: Record<string, unknown>; sync(): Promise<void> } {
    const { make, fail, sync } = createBatch(miss, () => handle.syncs++);
    const ranges = new WeakMap<object, { sheet: Sheet; rect: () => Rect }>();
    const rangeArg = (v: unknown) => (typeof v === 'object' && v !== null ? ranges.get(v) : undefined) ?? miss('a Range from elsewhere');

    function range(sheet: Sheet, rect: () => Rect): Record<string, unknown> {
      const shift = (count: number, what: string) => {
        const x = rect();
        if (!entireRows(x)) return miss(`${what} on cells that are not entire rows`);
        const refused = shiftRows(sheet, x.row, count * x.rows);
        return refused ? fail('InvalidOperation', refused) : undefined;
      };
      const obj = make({
        live: {
          values: () => matrix(rect(), (r, c) => get(sheet, r, c)),
          text: () => matrix(rect(), (r, c) => String(get(sheet, r, c))),
          rowIndex: () => rect().row,
          columnIndex: () => rect().col,
          rowCount: () => rect().rows,
          columnCount: () => rect().cols,
          address: () => `${sheet.name}!${entireRows(rect()) ? `${rect().row + 1}:${rect().row + rect().rows}` : a1(rect())}`,
        },
        set: {
          values: (v) => {
            const x = rect();
            const ok = Array.isArray(v) && v.length === x.rows && v.every((line) => Array.isArray(line) && line.length === x.cols);
            if (!ok) return void fail('InvalidArgument', 'values do not match the range size');
            (v as unknown[][]).forEach((line, i) => line.forEach((value, j) => put(sheet, x.row + i, x.col + j, value)));
          },
          columnHidden: () => undefined,
        },
        props: {
          clear: (what = 'All') => each(rect(), (r, c) => {
            if (what === 'All' || what === 'Contents') sheet.cells.delete(key(r, c));
            if (what === 'All') sheet.fills.delete(key(r, c));
          }),
          select: () => {
            selection = `${sheet.name}!${a1(rect())}`;
            active = sheet;
          },
          getCell: (r: number, c: number) => range(sheet, () => ({ row: rect().row + r, col: rect().col + c, rows: 1, cols: 1 })),
          getResizedRange: (dr: number, dc: number) => range(sheet, () => ({ ...rect(), rows: rect().rows + dr, cols: rect().cols + dc })),
          getEntireRow: () => range(sheet, () => ({ row: rect().row, col: 0, rows: rect().rows, cols: SHEET_COLUMNS })),
          insert: (direction: string) => {
            if (direction !== 'Down') return miss(`insert('${direction}')`);
            const { row, rows } = rect();
            shift(1, 'insert');
            return range(sheet, () => ({ row, col: 0, rows, cols: SHEET_COLUMNS })); // the now blank rows
          },
          delete: (direction: string) => (direction === 'Up' ? shift(-1, 'delete') : miss(`delete('${direction}')`)),
          getUsedRangeOrNullObject: () => {
            const x = usedIn(sheet, rect());
            return x ? range(sheet, () => x) : make({ live: { rowIndex: () => 0, columnIndex: () => 0, rowCount: () => 0, columnCount: () => 0 } }, true);
          },
        },
        nav: {
          format: () =>
            make({
              set: { columnWidth: () => undefined, wrapText: () => undefined, verticalAlignment: () => undefined },
              nav: {
                fill: () =>
                  make({
                    set: { color: (v) => each(rect(), (r, c) => sheet.fills.set(key(r, c), String(v))) },
                    props: { clear: () => each(rect(), (r, c) => sheet.fills.delete(key(r, c))) },
                  }),
              },
            }),
          dataValidation: () => make({ set: { rule: () => undefined, errorAlert: () => undefined }, props: { clear: () => undefined } }),
        },
      });
      ranges.set(obj, { sheet, rect });
      return obj;
    }

    function table(t: Table): Record<string, unknown> {
      const body = (col: number, cols: number) => () => ({ row: t.row + 1, col: t.col + col, rows: t.rows - 1, cols });
      return make({
        live: { name: () => t.name },
        set: { name: (v) => (tableNamed(String(v)) && tableNamed(String(v)) !== t ? fail('InvalidArgument', 'name taken') : (t.name = String(v))) },
        props: {
          getRange: () => range(t.sheet, () => ({ row: t.row, col: t.col, rows: t.rows, cols: t.cols })),
          getHeaderRowRange: () => range(t.sheet, () => ({ row: t.row, col: t.col, rows: 1, cols: t.cols })),
          getDataBodyRange: () => range(t.sheet, body(0, t.cols)),
          resize: (target: unknown) => {
            const { rect } = rangeArg(target);
            const x = rect();
            if (x.row !== t.row || x.col !== t.col) return fail('InvalidArgument', 'resize must keep the header row');
            if (tables.some((o) => o !== t && o.sheet === t.sheet && overlaps(o, x))) return fail('InvalidArgument', 'tables cannot overlap');
            Object.assign(t, x);
            for (let c = 0; c < t.cols; c++) if (get(t.sheet, t.row, t.col + c) === '') put(t.sheet, t.row, t.col + c, `Column${c + 1}`);
          },
        },
        nav: {
          worksheet: () => worksheet(t.sheet),
          columns: () =>
            make({
              props: {
                getItem: (header: string) => {
                  for (let c = 0; c < t.cols; c++) {
                    if (String(get(t.sheet, t.row, t.col + c)) === header) return make({ props: { getDataBodyRange: () => range(t.sheet, body(c, 1)) } });
                  }
                  return fail('ItemNotFound', `no column ${header}`);
                },
              },
            }),
        },
      });
    }

    function addTable(sheet: Sheet, x: Rect): Table {
      let n = tables.length + 1;
      while (tableNamed(`Table${n}`)) n++;
      const t: Table = { ...x, name: `Table${n}`, sheet };
      tables.push(t);
      for (let c = 0; c < t.cols; c++) if (get(sheet, t.row, t.col + c) === '') put(sheet, t.row, t.col + c, `Column${c + 1}`);
      return t;
    }

    function notes(sheet: Sheet): Record<string, unknown> {
      const note = (k: string) => {
        const [row, col] = k.split(':').map(Number) as [number, number];
        return make({
          live: { content: () => sheet.notes.get(k) ?? '' },
          props: { delete: () => void sheet.notes.delete(k), getLocation: () => range(sheet, () => ({ row, col, rows: 1, cols: 1 })) },
        });
      };
      return make({
        live: { items: () => [...sheet.notes.keys()].map(note) },
        props: {
          add: (cell: unknown, content: string) => {
            const x = rangeArg(cell).rect();
            if (sheet.notes.has(key(x.row, x.col))) return fail('InvalidArgument', 'the cell already has a note');
            sheet.notes.set(key(x.row, x.col), content);
            return note(key(x.row, x.col));
          },
        },
      });
    }

    function worksheet(sheet: Sheet): Record<string, unknown> {
      return make({
        live: { name: () => sheet.name },
        set: { name: (v) => (sheetNamed(String(v)) && sheetNamed(String(v)) !== sheet ? fail('InvalidArgument', 'name taken') : (sheet.name = String(v))) },
        props: {
          getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => range(sheet, () => ({ row, col, rows, cols })),
          getUsedRangeOrNullObject: () => {
            const x = usedIn(sheet, null);
            return x ? range(sheet, () => x) : make({ live: { rowIndex: () => 0, columnIndex: () => 0, rowCount: () => 0, columnCount: () => 0 } }, true);
          },
          activate: () => void (active = sheet),
        },
        nav: {
          tables: () =>
            make({
              live: { items: () => tables.filter((t) => t.sheet === sheet).map(table) },
              props: {
                add: (target: unknown, hasHeaders: boolean) => {
                  const x = rangeArg(target).rect();
                  if (!hasHeaders || tables.some((t) => t.sheet === sheet && overlaps(t, x))) return fail('InvalidArgument', 'tables.add');
                  return table(addTable(sheet, x));
                },
              },
            }),
          freezePanes: () => make({ props: { freezeRows: (n: number) => void (sheet.frozen = n) } }),
          notes: () => notes(sheet),
        },
      });
    }

    const workbook = make({
      props: { getSelectedRanges: () => make({ live: { address: () => selection } }) },
      nav: {
        worksheets: () =>
          make({
            // load('items/name'): the sheets in tab order, readable after the sync, each with its name loaded.
            live: { items: () => sheets.map(worksheet) },
            props: {
              getItemOrNullObject: (name: string) => (sheetNamed(name) ? worksheet(sheetNamed(name) as Sheet) : make({}, true)),
              getActiveWorksheet: () => {
                const sheet = activeSheet();
                return sheet ? worksheet(sheet) : fail('ItemNotFound', 'the workbook has no sheet');
              },
              add: (name: string) => (sheetNamed(name) ? fail('InvalidArgument', 'the sheet exists') : worksheet(newSheet(name))),
            },
          }),
        tables: () =>
          make({
            props: {
              getItem: (name: string) => (tableNamed(name) ? table(tableNamed(name) as Table) : fail('ItemNotFound', `no table ${name}`)),
              getItemOrNullObject: (name: string) => (tableNamed(name) ? table(tableNamed(name) as Table) : make({}, true)),
            },
          }),
      },
    });

    return { workbook, sync };
  }

  const Excel = {
    run: async <T,>(batch: (context: unknown) => Promise<T>): Promise<T> => {
      const context = requestContext();
      try {
        const result = await batch(context);
        await context.sync(); // Excel.run sends what is still queued
        return result;
      } catch (error) {
        // Kept for the test's failure message: the pane shows only a catalogue text, by design.
        handle.errors.push(error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error));
        throw error;
      }
    },
  };

  w.Excel = Excel;

  const dipTable = () => tableNamed('TabelDIP') ?? miss('the test asked for TabelDIP before the pane created it');
  const columnOf = (t: Table, header: string) => {
    for (let c = 0; c < t.cols; c++) if (String(get(t.sheet, t.row, t.col + c)) === header) return t.col + c;
    return miss(`the test asked for column ${header}`);
  };
  Object.assign(handle, {
    typeRows(first: number, rows: string[][]) {
      const t = dipTable();
      rows.forEach((line, i) => line.forEach((v, j) => put(t.sheet, t.row + 1 + first + i, t.col + j, v)));
      t.rows = Math.max(t.rows, first + rows.length + 1); // typing right under a table extends it
    },
    typeCell(dataRow: number, header: string, value: string) {
      const t = dipTable();
      put(t.sheet, t.row + 1 + dataRow, columnOf(t, header), value);
    },
    tableGrid() {
      const t = dipTable();
      return matrix(t, (r, c) => String(get(t.sheet, r, c)));
    },
    fill: (dataRow: number, header: string) => dipTable().sheet.fills.get(key(dipTable().row + 1 + dataRow, columnOf(dipTable(), header))) ?? null,
    note: (dataRow: number, header: string) => dipTable().sheet.notes.get(key(dipTable().row + 1 + dataRow, columnOf(dipTable(), header))) ?? null,
    selection: () => selection,
    putSheet(name: string, rows: string[][]) {
      const sheet = sheetNamed(name) ?? newSheet(name);
      sheet.cells.clear();
      rows.forEach((line, r) => line.forEach((v, c) => put(sheet, r, c, v)));
    },
    activateSheet(name: string) {
      active = sheetNamed(name) ?? miss(`the test activated sheet ${name}, which is not in the workbook`);
    },
    activeSheet: () => activeSheet()?.name ?? null,
  });
  w.__dipWorkbook = handle;
}
