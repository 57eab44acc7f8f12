/**
 * How the adapter reaches Excel: `run` is Excel.run in the add-in and office-addin-mock's context in tests;
 * `supports` is Office's requirement-set check. Also the adapter's error type and tuning knobs.
 */

export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Office.context.requirements.isSetSupported. */
  supports(set: string, version: string): boolean;
}

/** The real host. Globals are touched only when called, so importing this module outside Office is harmless. */
export const officeRunner: ExcelRunner = {
  run: (batch) => Excel.run(batch),
  supports: (set, version) => Office.context.requirements.isSetSupported(set, version),
};

/**
 * What the task pane keys its message on (conventions: never show Office.js's own error text).
 * - dip_sheet_missing: no "TabelDIP" table (or a column of it) — ask the user to create/repair the sheet;
 * - grid_mismatch: the caller passed a grid whose header is not DIP_HEADERS (a programming error);
 * - too_large: Excel refused a request as too large even at the smallest chunk;
 * - cancelled: the AbortSignal fired between chunks (`done` rows of `total` were handled);
 * - columns_blocked: the DIP table lacks columns and the cells right of it, where they would go, hold something a
 *   person typed (`blocked` says where); nothing was changed.
 */
export type AdapterErrorCode = 'dip_sheet_missing' | 'grid_mismatch' | 'too_large' | 'cancelled' | 'columns_blocked';

/** Where the DIP columns a table lacks would go, and what stands there (columns_blocked). */
export interface ColumnsBlocked {
  /** The table's sheet. */
  sheet: string;
  /** The DIP headers that would be added, in order. */
  columns: string[];
  /** The sheet columns they would take, as letters: "E" to "Q" (equal for one column). */
  first: string;
  last: string;
  /** The smallest area holding every non-empty cell among them, in A1 without the sheet: "E3", "G1:H3". */
  cells: string;
}

export class AdapterError extends Error {
  constructor(
    readonly code: AdapterErrorCode,
    message: string,
    readonly progress?: { done: number; total: number },
    readonly blocked?: ColumnsBlocked,
  ) {
    super(message);
    this.name = 'AdapterError';
  }
}

/** The `code` of an OfficeExtension.Error (e.g. "ItemNotFound"), or null for anything else. */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return null;
}

const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'PayloadTooLarge']);

export const isPayloadTooLarge = (error: unknown): boolean => PAYLOAD_CODES.has(officeErrorCode(error) ?? '');

/** context.sync(), with "the table or one of its columns is gone" turned into dip_sheet_missing. */
export async function syncOrMissing(context: Excel.RequestContext): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    if (officeErrorCode(error) === 'ItemNotFound') {
      throw new AdapterError('dip_sheet_missing', 'The DIP table (TabelDIP) or one of its columns was not found.');
    }
    throw error;
  }
}

export interface AdapterOptions {
  /** Budget for one request (values + formats), well under Excel on the web's 5 MB. */
  maxRequestBytes: number;
  /** Rows in the first read chunk; later chunks are sized from the bytes the first one returned. */
  readChunkRows: number;
  /** Upper bound on rows per read chunk, whatever the payload. */
  maxReadRows: number;
  /** Drop-down lists, wrap and alignment cover at least this many data rows (a bounded range, never whole columns). */
  formatRows: number;
  /** ...or the table's size plus this margin, whichever is larger, so rows typed below the table still get lists. */
  formatMargin: number;
}

export const DEFAULT_OPTIONS: AdapterOptions = {
  maxRequestBytes: 1_000_000,
  readChunkRows: 1_000,
  maxReadRows: 20_000,
  formatRows: 5_000,
  formatMargin: 1_000,
};

/** Progress of a long read or write: `done` of `total` data rows. */
export type ProgressFn = (done: number, total: number) => void;

export function throwIfCancelled(signal: AbortSignal | undefined, done: number, total: number): void {
  if (signal?.aborted) throw new AdapterError('cancelled', 'Cancelled.', { done, total });
}
