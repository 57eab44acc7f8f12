/**
 * Request sizes. Excel on the web refuses a request or response over 5 MB
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization),
 * so large writes are cut into batches by their estimated JSON size, never by a fixed row count.
 */

/** UTF-8 length of a string without allocating an encoded copy (Indonesian text is mostly ASCII). */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Size of a value as Office.js sends it (JSON). */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

/**
 * What one sheet row costs in a write request: its values as JSON, the text prefix (an apostrophe) each cell may
 * get, and the separators of the surrounding array.
 */
export function rowWriteBytes(row: readonly string[]): number {
  return jsonBytes(row) + row.length + 2;
}

export interface Chunk {
  /** Index of the first item in the chunk. */
  start: number;
  /** Index one past the last item. */
  end: number;
  /** Estimated bytes of the chunk's items. */
  bytes: number;
}

/**
 * Consecutive chunks whose estimated size stays within `budget`. An item larger than the budget on its own gets a
 * chunk of its own (a single Excel cell holds at most 32,767 characters, so a row stays far below 5 MB).
 *
 * @example chunkBySize([1, 2, 3, 4], (n) => n, 5) // → [{start:0,end:2,bytes:3}, {start:2,end:3,bytes:3}, {start:3,end:4,bytes:4}]
 */
export function chunkBySize<T>(items: readonly T[], sizeOf: (item: T) => number, budget: number): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  let bytes = 0;
  items.forEach((item, i) => {
    const size = sizeOf(item);
    if (i > start && bytes + size > budget) {
      chunks.push({ start, end: i, bytes });
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (items.length > start) chunks.push({ start, end: items.length, bytes });
  return chunks;
}
