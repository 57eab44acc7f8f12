/**
 * If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored. A proxy that compresses, or
 * the API's own response compression (http/encoding.ts), sends our strong tags back weakened.
 */
export function ifNoneMatchHits(ifNoneMatch: string | undefined, tags: readonly string[]): boolean {
  if (!ifNoneMatch) return false;
  const sent = ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return sent.includes('*') || sent.some((t) => tags.includes(t));
}
