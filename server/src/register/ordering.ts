/**
 * Where each pushed row sorts in its version, without rewriting rows that did not change.
 *
 * Rows already in the head keep their sort key. A run of rows new to the register gets evenly spaced keys between
 * the keys of the kept rows around it (after the last kept row: +1, +2, …), so inserting, appending and deleting rows
 * keep the order the sheet had. A re-sort of existing rows is not followed — their keys stay, since rewriting them
 * would store every moved row again — and that is fine for the record: order is not part of the content hash.
 * Keys are doubles; after ~50 inserts into the very same gap two keys can tie, and ties sort by row id.
 *
 * @example placeRows(['a', 'new', 'b'], new Map([['a', 0], ['b', 1]])) // [0, 0.5, 1]
 */
export function placeRows(ids: readonly string[], liveKeys: ReadonlyMap<string, number>): number[] {
  const keys: number[] = new Array(ids.length);
  let lastKept: number | undefined;
  let i = 0;
  while (i < ids.length) {
    const kept = liveKeys.get(ids[i]!);
    if (kept !== undefined) {
      keys[i] = kept;
      lastKept = kept;
      i++;
      continue;
    }
    // A run of new rows [i, end), placed between lastKept and the next kept row's key.
    let end = i;
    while (end < ids.length && !liveKeys.has(ids[end]!)) end++;
    const nextKept = end < ids.length ? liveKeys.get(ids[end]!) : undefined;
    const run = end - i;
    const lo = lastKept ?? (nextKept !== undefined ? nextKept - run - 1 : -1);
    const hi = nextKept !== undefined && nextKept > lo ? nextKept : lo + run + 1;
    for (let k = 0; k < run; k++) keys[i + k] = lo + ((hi - lo) * (k + 1)) / (run + 1);
    i = end;
  }
  return keys;
}
