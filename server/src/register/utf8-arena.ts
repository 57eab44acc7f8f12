/**
 * Strings encoded as UTF-8 into large shared buffers, handed out as views. A push keeps the stored bytes of every
 * row until it answers: as 10,000 JavaScript strings they are ~6 MB the collector copies (twice) while the push
 * runs; as bytes outside the heap they are copied by nobody, and the hash, the COPY and the response all take
 * bytes anyway.
 */
const CHUNK = 1 << 20;

export class Utf8Arena {
  private buf = Buffer.alloc(0);
  private at = 0;

  /** The UTF-8 bytes of `text` (a view that stays valid for as long as it is referenced). */
  encode(text: string): Buffer {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.room(3 * text.length);
    const start = this.at;
    this.at += this.buf.write(text, start);
    return this.buf.subarray(start, this.at);
  }

  /** `size` bytes for the caller to fill (not zeroed). */
  alloc(size: number): Buffer {
    this.room(size);
    this.at += size;
    return this.buf.subarray(this.at - size, this.at);
  }

  private room(size: number): void {
    if (this.at + size > this.buf.length) {
      this.buf = Buffer.allocUnsafe(Math.max(CHUNK, size));
      this.at = 0;
    }
  }
}

/** `[a,b,…]` from the bytes of JSON values. */
export function jsonArrayBytes(items: readonly Uint8Array[]): Buffer {
  let size = 2 + Math.max(0, items.length - 1);
  for (const b of items) size += b.length;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  out[at++] = 0x5b; // [
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out[at++] = 0x2c; // ,
    out.set(items[i]!, at);
    at += items[i]!.length;
  }
  out[at] = 0x5d; // ]
  return out;
}
