/**
 * The Office.js objects of the mock Excel, as specs over the workbook model: workbook, worksheets, worksheet,
 * tables, table, table columns, range (format, fill, data validation), notes/comments, selection. Each method
 * charges the batch roughly what Office.js would send for it.
 */
import { a1 } from '../address.js';
import type { MockIo, Spec } from './mockExcel.js';
import { SHEET_COLUMNS, isEntireRows } from './rowShift.js';
import { overlaps, type ChartModel, type Rect, type SheetModel, type TableModel, type WorkbookModel } from './workbookModel.js';

/**
 * Request bytes per command, close to what Office.js serialises (an object path with its parent and arguments,
 * an action with its ids): the adapter's own size estimates are checked against these.
 */
export const COST = { path: 100, nav: 80, set: 60, call: 100, load: 40 };

const CALL = COST.call; // a method call without its arguments

export function buildSpecs(model: WorkbookModel, io: MockIo): { workbook: () => Spec } {
  const rangeOf = (value: unknown, what: string) => {
    const info = typeof value === 'object' && value !== null ? io.ranges.get(value) : undefined;
    if (!info) throw new Error(`mock Excel: ${what} needs a Range from this workbook`);
    return { sheet: info.sheet, rect: info.rect() };
  };

  function range(sheet: SheetModel, rectOf: () => Rect): unknown {
    const cells = (fn: (r: number, c: number) => void) => {
      const rect = rectOf();
      for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) fn(r, c);
    };
    const matrix = (value: unknown, what: string): unknown[][] | null => {
      const rect = rectOf();
      const ok = Array.isArray(value) && value.length === rect.rows && value.every((line) => Array.isArray(line) && line.length === rect.cols);
      if (!ok) io.fail('InvalidArgument', `${what}: the array does not match the range size ${rect.rows}x${rect.cols}`);
      return ok ? (value as unknown[][]) : null;
    };
    // Entire rows (insert, delete) are the only cells the model shifts: a block of cells moved down or up alone
    // would need Excel's rules for what it tears (tables, merged cells), which the adapter never relies on.
    const shift = (count: number, what: string) => {
      const rect = rectOf();
      if (!isEntireRows(rect)) throw new Error(`mock Excel: ${what} is modelled for entire rows only (getEntireRow())`);
      io.charge(CALL);
      const refused = model.shiftRows(sheet, rect.row, count * rect.rows);
      if (refused) io.fail('InvalidOperation', `${what}: ${refused}`);
    };
    const obj = io.make({
      live: {
        address: () => {
          const { row, col, rows, cols } = rectOf();
          return `${sheet.name}!${isEntireRows(rectOf()) ? `${row + 1}:${row + rows}` : a1(row, col, rows, cols)}`;
        },
        rowIndex: () => rectOf().row,
        columnIndex: () => rectOf().col,
        rowCount: () => rectOf().rows,
        columnCount: () => rectOf().cols,
        values: () => sheet.grid(rectOf()),
        text: () => sheet.read(rectOf(), (r, c) => sheet.text(r, c)),
        numberFormat: () => sheet.read(rectOf(), (r, c) => sheet.format(r, c)),
      },
      set: {
        values: (v) => {
          const m = matrix(v, 'values');
          if (m) sheet.typeIn(rectOf().row, rectOf().col, m);
        },
        numberFormat: (v) => {
          const m = matrix(v, 'numberFormat');
          if (m) sheet.putFormats(rectOf().row, rectOf().col, m as string[][]);
        },
        columnHidden: (v) => cells((_r, c) => (v ? sheet.hiddenColumns.add(c) : sheet.hiddenColumns.delete(c))),
      },
      props: {
        clear: (applyTo: 'All' | 'Contents' | 'Formats' = 'All') => (io.charge(CALL), sheet.clear(rectOf(), applyTo)),
        select: () => (io.charge(CALL), model.select(sheet.name, rectOf())),
        getCell: (r: number, c: number) => range(sheet, () => ({ row: rectOf().row + r, col: rectOf().col + c, rows: 1, cols: 1 })),
        getResizedRange: (dr: number, dc: number) =>
          range(sheet, () => ({ ...rectOf(), rows: rectOf().rows + dr, cols: rectOf().cols + dc })),
        getEntireRow: () => range(sheet, () => ({ row: rectOf().row, col: 0, rows: rectOf().rows, cols: SHEET_COLUMNS })),
        // Returns the range at the now blank rows, as Office.js does.
        insert: (direction: string) => {
          if (direction !== 'Down') throw new Error(`mock Excel: insert('${direction}') is not modelled`);
          const { row, rows } = rectOf();
          shift(1, 'insert');
          return range(sheet, () => ({ row, col: 0, rows, cols: SHEET_COLUMNS }));
        },
        delete: (direction: string) => {
          if (direction !== 'Up') throw new Error(`mock Excel: delete('${direction}') is not modelled`);
          shift(-1, 'delete');
        },
        getUsedRangeOrNullObject: () => {
          const used = sheet.usedRange(rectOf());
          return used ? range(sheet, () => used) : io.nullObject({ rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 });
        },
      },
      nav: {
        format: {
          set: {
            columnWidth: (v) => cells((_r, c) => sheet.columnWidths.set(c, Number(v))),
            wrapText: (v) => v && sheet.wrapped.push(rectOf()),
            verticalAlignment: (v) => v === 'Top' && sheet.aligned.push(rectOf()),
          },
          nav: {
            font: { set: { bold: (v) => v && sheet.bold.push(rectOf()) } },
            fill: {
              set: { color: (v) => sheet.setFill(rectOf(), String(v)) },
              props: { clear: () => (io.charge(CALL), sheet.clearFill(rectOf())) },
            },
          },
        },
        dataValidation: {
          set: {
            rule: (v) => sheet.validations.push({ ...rectOf(), rule: v }),
            errorAlert: (v) => {
              const rule = sheet.validations.find((x) => x.row === rectOf().row && x.col === rectOf().col);
              if (rule) rule.errorAlert = v;
              else io.fail('InvalidOperation', 'errorAlert without a rule');
            },
          },
          props: {
            clear: () => {
              io.charge(CALL);
              sheet.validations = sheet.validations.filter((x) => !overlaps(x, rectOf()));
            },
          },
        },
      },
    });
    io.ranges.set(obj as object, { sheet, rect: rectOf });
    return obj;
  }

  const noteCollection = (sheet: SheetModel, kind: 'notes' | 'comments'): Spec => {
    const store = kind === 'notes' ? sheet.notes : sheet.comments;
    const version = kind === 'notes' ? '1.18' : '1.10';
    const needs = () => {
      if (io.supports('ExcelApi', version)) return true;
      io.fail('ApiNotFound', `${kind} need ExcelApi ${version}`);
      return false;
    };
    const note = (key: string) => {
      const [row, col] = key.split(':').map(Number) as [number, number];
      return io.make({
        live: { content: () => store.get(key) ?? '', authorName: () => 'Pengguna' },
        props: {
          delete: () => (io.charge(CALL), store.delete(key)),
          getLocation: () => range(sheet, () => ({ row, col, rows: 1, cols: 1 })),
        },
      });
    };
    return {
      live: { items: () => (needs() ? [...store.keys()].map(note) : []) },
      props: {
        add: (cell: unknown, content: unknown) => {
          if (!needs()) return io.fail('ApiNotFound', kind);
          const { sheet: at, rect } = rangeOf(cell, `${kind}.add`);
          const key = `${rect.row}:${rect.col}`;
          if (at !== sheet || rect.rows !== 1 || rect.cols !== 1) return io.fail('InvalidArgument', `${kind}.add needs one cell of this sheet`);
          if (store.has(key)) return io.fail('InvalidArgument', `the cell already has a ${kind === 'notes' ? 'note' : 'comment'}`);
          io.charge(CALL + JSON.stringify(content).length);
          store.set(key, String(content));
          return note(key);
        },
      },
    };
  };

  function table(t: TableModel): unknown {
    const body = (col: number, cols: number) => () => ({ row: t.row + 1, col: t.col + col, rows: t.rows - 1, cols });
    return io.make({
      live: { name: () => t.name },
      set: {
        name: (v) => {
          const taken = model.table(String(v));
          if (taken && taken !== t) io.fail('InvalidArgument', 'table name taken');
          else t.name = String(v);
        },
      },
      props: {
        getRange: () => range(t.sheet, () => ({ row: t.row, col: t.col, rows: t.rows, cols: t.cols })),
        getHeaderRowRange: () => range(t.sheet, () => ({ row: t.row, col: t.col, rows: 1, cols: t.cols })),
        getDataBodyRange: () => range(t.sheet, body(0, t.cols)),
        resize: (target: unknown) => {
          const { sheet, rect } = rangeOf(target, 'table.resize');
          if (sheet !== t.sheet || rect.row !== t.row || !overlaps(rect, t)) return io.fail('InvalidArgument', 'resize must keep the header row');
          if (model.tablesOn(sheet).some((x) => x !== t && overlaps(x, rect))) return io.fail('InvalidArgument', 'tables cannot overlap');
          io.charge(CALL);
          Object.assign(t, rect);
          model.nameBlankHeaders(t);
        },
      },
      nav: {
        worksheet: worksheet(t.sheet),
        columns: {
          props: {
            getItem: (name: string) => {
              const headers = t.sheet.grid({ row: t.row, col: t.col, rows: 1, cols: t.cols })[0] ?? [];
              const index = headers.findIndex((h) => String(h) === name);
              if (index < 0) return io.fail('ItemNotFound', `no column ${name}`);
              return io.make({ props: { getDataBodyRange: () => range(t.sheet, body(index, 1)) } });
            },
          },
        },
      },
    });
  }

  function worksheet(sheet: SheetModel): Spec {
    return {
      live: { name: () => sheet.name },
      set: {
        name: (v) => {
          if (model.sheet(String(v)) && model.sheet(String(v)) !== sheet) io.fail('InvalidArgument', 'sheet name taken');
          else sheet.name = String(v);
        },
      },
      props: {
        getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => range(sheet, () => ({ row, col, rows, cols })),
        getUsedRangeOrNullObject: () => {
          const used = sheet.usedRange();
          return used ? range(sheet, () => used) : io.nullObject({ rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 });
        },
        activate: () => (io.charge(CALL), (model.activeSheet = sheet.name)),
      },
      nav: {
        tables: {
          live: { items: () => model.tablesOn(sheet).map(table) },
          props: {
            add: (target: unknown, hasHeaders: boolean) => {
              const { sheet: at, rect } = rangeOf(target, 'tables.add');
              if (at !== sheet || !hasHeaders) return io.fail('InvalidArgument', 'tables.add');
              if (model.tablesOn(sheet).some((x) => overlaps(x, rect))) return io.fail('InvalidArgument', 'tables cannot overlap');
              io.charge(CALL);
              return table(model.addTable(sheet, rect));
            },
          },
        },
        notes: noteCollection(sheet, 'notes'),
        comments: noteCollection(sheet, 'comments'),
        freezePanes: { props: { freezeRows: (n: number) => (io.charge(CALL), (sheet.frozenRows = n)) } },
        charts: {
          props: {
            add: (type: string, source: unknown, seriesBy?: string) => {
              const { sheet: at, rect } = rangeOf(source, 'charts.add');
              if (at !== sheet) return io.fail('InvalidArgument', 'charts.add needs a range of this sheet');
              io.charge(CALL + type.length);
              const chart: ChartModel = { type, source: rect, seriesBy, name: `Chart ${sheet.charts.length + 1}`, title: '', position: null };
              sheet.charts.push(chart);
              return io.make({
                set: { name: (v) => (chart.name = String(v)) },
                props: { setPosition: (start: string, end?: string) => (io.charge(CALL), (chart.position = [start, end])) },
                nav: { title: { set: { text: (v) => (chart.title = String(v)) } } },
              });
            },
          },
        },
      },
    };
  }

  const workbook = (): Spec => ({
    props: {
      getSelectedRanges: () => io.make({ live: { address: () => model.selection } }),
    },
    nav: {
      worksheets: {
        live: { items: () => model.sheets.map((sheet) => io.make(worksheet(sheet))) },
        props: {
          // Excel always has an active sheet; the model's is the last one selected or activated, else the first.
          getActiveWorksheet: () => {
            const sheet = (model.activeSheet === null ? undefined : model.sheet(model.activeSheet)) ?? model.sheets[0];
            return sheet ? io.make(worksheet(sheet)) : io.fail('ItemNotFound', 'the workbook has no sheet');
          },
          getItemOrNullObject: (name: string) => {
            const sheet = model.sheet(name);
            return sheet ? io.make(worksheet(sheet)) : io.nullObject();
          },
          add: (name: string) => {
            if (model.sheet(name)) return io.fail('InvalidArgument', 'sheet exists');
            io.charge(CALL);
            return io.make(worksheet(model.addSheet(name)));
          },
        },
      },
      tables: {
        props: {
          getItem: (name: string) => {
            const t = model.table(name);
            return t ? table(t) : io.fail('ItemNotFound', `no table ${name}`);
          },
          getItemOrNullObject: (name: string) => {
            const t = model.table(name);
            return t ? table(t) : io.nullObject();
          },
        },
      },
    },
  });

  return { workbook };
}
