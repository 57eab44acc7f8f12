/**
 * A small in-process LRU for things derived from an immutable published version (the parsed list, rendered pages,
 * export files). Keys always contain the version number and its content hash, so an entry can never be stale:
 * several server instances each keep their own copy and none needs to be told when another publishes.
 */
export class Lru<V> {
  private readonly map = new Map<string, { value: Promise<V>; bytes: number }>();
  private bytes = 0;

  /**
   * @param maxEntries how many values to keep
   * @param maxBytes   how many bytes (by `sizeOf`) to keep in all; the newest value is always kept
   */
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
    private readonly sizeOf: (v: V) => number = () => 0,
  ) {}

  get size(): number {
    return this.map.size;
  }

  /**
   * The cached value, or the loader's. Concurrent callers of a missing key share one load (fifty phones opening
   * the page right after a publication parse the version once); a failed load is forgotten.
   */
  getOrLoad(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit.value;
    }
    const slot = { value: load(), bytes: 0 };
    this.map.set(key, slot);
    slot.value.then(
      (v) => {
        if (this.map.get(key) !== slot) return;
        slot.bytes = this.sizeOf(v);
        this.bytes += slot.bytes;
        this.evict(key);
      },
      () => {
        if (this.map.get(key) === slot) this.map.delete(key);
      },
    );
    this.evict(key);
    return slot.value;
  }

  private evict(keep: string): void {
    for (const [k, slot] of this.map) {
      if (this.map.size <= this.maxEntries && this.bytes <= this.maxBytes) return;
      if (k === keep) continue;
      this.map.delete(k);
      this.bytes -= slot.bytes;
    }
  }
}

/**
 * Concurrent callers share one in-flight call; a call after it settles starts a new one. Nothing is kept, so a
 * result is never older than the call it came from — fifty requests arriving together cost one database read.
 */
export function singleFlight<T>(fn: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return () => {
    inFlight ??= fn().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
