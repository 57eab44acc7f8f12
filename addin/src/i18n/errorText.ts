/**
 * The message a person reads for a failed action: chosen from the catalogue by the error's code, never the raw text
 * of an exception (which may be English, technical, or leak internals).
 */
import { ApiError, NetworkError, TaskError, isAbort } from '../api/errors.js';
import type { ColumnsBlocked } from '../excel/runner.js';
import type { Messages } from './id.js';

/** Office.js errors (OfficeExtension.Error) carry a string `code` such as "InvalidOperationInCellEditMode". */
function officeCode(err: unknown): string | null {
  if (typeof err !== 'object' || err === null) return null;
  const e = err as { code?: unknown; debugInfo?: unknown; name?: unknown };
  if (typeof e.code === 'string' && (e.debugInfo !== undefined || e.name === 'RichApi.Error')) return e.code;
  return null;
}

export function errorText(t: Messages, err: unknown): string {
  if (isAbort(err)) return t.errors.canceled;
  if (err instanceof NetworkError) return t.errors.network;
  if (err instanceof TaskError) return t.errors.task[err.code];
  if (err instanceof ApiError) {
    const byCode = (t.errors.codes as Record<string, string | undefined>)[err.code];
    return byCode ?? t.errors.status(err.status);
  }
  if (err instanceof Error && err.name === 'AdapterError') {
    const { code, blocked } = err as Error & { code?: unknown; blocked?: ColumnsBlocked };
    // Where the table cannot widen, and what to do about it: the person must find those cells.
    if (code === 'columns_blocked' && blocked) return t.errors.columnsBlocked(blocked);
    const text = typeof code === 'string' ? (t.errors.adapter as Record<string, string | undefined>)[code] : undefined;
    return text ?? t.errors.excelGeneric;
  }
  const office = officeCode(err);
  if (office !== null) return (t.errors.excel as Record<string, string | undefined>)[office] ?? t.errors.excelGeneric;
  return t.errors.unexpected;
}
