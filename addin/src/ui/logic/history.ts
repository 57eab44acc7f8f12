/** Small pure helpers of the Riwayat pane. */
import type { VersionMeta } from '../../../../shared/api.js';

/**
 * The pair compared by default: the newest version against the one it was built on (its parent, else the next
 * older), so the first diff a person sees is "what the last push changed".
 */
export function defaultPair(versions: readonly VersionMeta[]): { from: number; to: number } | null {
  if (versions.length < 2) return null;
  const newest = versions.reduce((a, b) => (b.version > a.version ? b : a));
  const older = versions.filter((v) => v.version < newest.version);
  if (older.length === 0) return null;
  const from = newest.parent !== null && older.some((v) => v.version === newest.parent) ? newest.parent : Math.max(...older.map((v) => v.version));
  return { from, to: newest.version };
}
