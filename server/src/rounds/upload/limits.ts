/**
 * Caps for uploaded workbooks and CSV files. A filled template of 10,000 rows is ~2–3 MB as .xlsx and ~20 MB of
 * XML once inflated; 20,000 rows × 16 columns (320,000 cells) parse in ~400 MB. These leave room for real files
 * while bounding what one upload can cost, and the parse worker's heap cap backs them up.
 */
export interface UploadLimits {
  maxBytes: number;
  maxEntries: number;
  maxTotalSize: number;
  maxRatio: number;
  ratioFloor: number;
  maxCells: number;
  maxRows: number;
  maxSheets: number;
  maxColumns: number;
  concurrentParses: number;
  maxQueued: number;
  /** Heap of a parse worker: past it the worker dies and the upload is refused, the server carries on. */
  workerHeapMb: number;
  parseTimeoutMs: number;
}

export const UPLOAD_LIMITS: Readonly<UploadLimits> = {
  /** The request body (multipart overhead included). Beyond it: 413. */
  maxBytes: 10 * 1024 * 1024,
  maxEntries: 2_000,
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalSize: 60 * 1024 * 1024,
  /** Compression ratio per entry; XML of real workbooks stays well under 100:1. */
  maxRatio: 200,
  /** Entries smaller than this are not held to the ratio (tiny parts can compress absurdly well). */
  ratioFloor: 1024 * 1024,
  /** Cells and rows in all worksheets, counted in the XML before exceljs builds an object for each one. */
  maxCells: 400_000,
  maxRows: 60_000,
  maxSheets: 50,
  /** Columns read per sheet; cells further right are reported and ignored. */
  maxColumns: 64,
  /** Workbooks parsed at once per server instance; more wait in line, and beyond the line get 503. */
  concurrentParses: 2,
  maxQueued: 8,
  workerHeapMb: 768,
  parseTimeoutMs: 60_000,
};
