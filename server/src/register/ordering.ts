/**
 * Where each pushed row sorts in its version, rewriting as few unchanged rows as possible.
 *
 * A version's rows are read back ordered by (sort key, row id). Rows already in the head keep their key when they
 * can: the longest run of them that is still in key order in the pushed sheet (a longest increasing subsequence)
 * stays put. Every other row gets a key between its neighbours' — new rows, and existing rows the sheet moved (a
 * re-sort, a cut and paste); a moved row must be stored again with its new key, though its content is unchanged.
 * Inserting, appending and deleting rows therefore rewrite nothing, and a re-sort rewrites only the rows it moved.
 *
 * Keys are doubles. When a gap between two kept rows has no room left for the rows that go into it (after ~50
 * inserts into the very same gap), the next kept row is moved too, widening the gap: the order read back is always
 * the order pushed.
 *
 * @example placeRows(['a', 'new', 'b'], new Map([['a', 0], ['b', 1]])) // { keys: [0, 0.5, 1], moved: [false, false, false] }
 */
export interface Placement {
  keys: number[];
  /** True for rows already in the head whose key changed: they are stored again, with the same content. */
  moved: boolean[];
}

/** (key, id) order: the order rows are read back in. */
const before = (ka: number, ia: string, kb: number, ib: string) => ka < kb || (ka === kb && ia < ib);

/** Indices (into `ids`) of a longest run of kept rows whose (key, id) increase in sheet order. */
function keptInOrder(ids: readonly string[], liveKeys: ReadonlyMap<string, number>): Set<number> {
  const at: number[] = [];
  const keyAt: number[] = [];
  ids.forEach((id, i) => {
    const key = liveKeys.get(id);
    if (key !== undefined) {
      at.push(i);
      keyAt.push(key);
    }
  });
  const less = (a: number, b: number) => before(keyAt[a]!, ids[at[a]!]!, keyAt[b]!, ids[at[b]!]!);
  // The usual push (no re-sort) has every kept row in order already.
  let sortedAlready = true;
  for (let j = 1; j < at.length && sortedAlready; j++) sortedAlready = less(j - 1, j);
  if (sortedAlready) return new Set(at);

  // Patience sorting over the kept rows: tails[len] ends the best run of length len+1 found so far.
  const tails: number[] = [];
  const prev = new Int32Array(at.length).fill(-1);
  for (let j = 0; j < at.length; j++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (less(tails[mid]!, j)) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[j] = tails[lo - 1]!;
    tails[lo] = j;
  }
  const kept = new Set<number>();
  for (let j = tails[tails.length - 1] ?? -1; j !== -1; j = prev[j]!) kept.add(at[j]!);
  return kept;
}

/** `count` keys strictly between lo and hi (either may be open), or undefined if doubles leave no room. */
function spread(lo: number | undefined, hi: number | undefined, count: number): number[] | undefined {
  const from = lo ?? (hi !== undefined ? hi - count - 1 : -1);
  const to = hi ?? from + count + 1;
  const keys: number[] = [];
  let last = from;
  for (let k = 0; k < count; k++) {
    const key = from + ((to - from) * (k + 1)) / (count + 1);
    if (!(key > last) || !(key < to)) return undefined;
    keys.push(key);
    last = key;
  }
  return keys;
}

export function placeRows(ids: readonly string[], liveKeys: ReadonlyMap<string, number>): Placement {
  const anchors = keptInOrder(ids, liveKeys);
  const keys: number[] = new Array(ids.length);
  const moved: boolean[] = new Array(ids.length).fill(false);
  let lastKey: number | undefined;
  let i = 0;
  while (i < ids.length) {
    if (anchors.has(i)) {
      lastKey = keys[i] = liveKeys.get(ids[i]!)!;
      i++;
      continue;
    }
    // A run of rows to place [i, end), between the last anchor and the next one; widened past the next anchor while
    // the gap has no room.
    let end = i;
    for (;;) {
      while (end < ids.length && !anchors.has(end)) end++;
      const placed = spread(lastKey, end < ids.length ? liveKeys.get(ids[end]!) : undefined, end - i);
      if (placed) {
        placed.forEach((key, k) => (keys[i + k] = key));
        break;
      }
      // Past the last row the gap is open-ended and always has room (keys stay far below 2^53).
      if (end >= ids.length) throw new Error(`placeRows: no room after key ${lastKey}`);
      anchors.delete(end);
      end++;
    }
    for (let k = i; k < end; k++) moved[k] = liveKeys.has(ids[k]!) && liveKeys.get(ids[k]!) !== keys[k];
    i = end;
  }
  return { keys, moved };
}
