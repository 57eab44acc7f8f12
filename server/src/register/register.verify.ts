/**
 * Recomputes a stored version from its row bodies: each body must be canonical, hash to its stored row hash, and
 * together give the version's content hash. Names the first row that does not match.
 */
import { canonicalRowJson, contentHashFromRowHashes } from '../../../shared/canonical.js';
import { dipRowSchema } from '../../../shared/row.js';
import { nodeSha256 } from '../crypto.js';
import type { Db } from '../db/database.js';
import { rowsAt } from './register.repository.js';
import { getVersionMeta } from './register.service.js';

export interface VersionVerifyResult {
  ok: boolean;
  version: number;
  contentHash: string;
  recomputedHash: string;
  rowCount: number;
  firstBadRow?: { rowId: string; reason: 'not_canonical' | 'invalid_row' | 'row_hash_mismatch' | 'id_mismatch' };
  countMismatch?: boolean;
}

export async function verifyVersion(db: Db, n: number): Promise<VersionVerifyResult> {
  const meta = await getVersionMeta(db, n);
  const rows = await rowsAt(db, n);
  let firstBadRow: VersionVerifyResult['firstBadRow'];
  for (const r of rows) {
    let reason: NonNullable<VersionVerifyResult['firstBadRow']>['reason'] | undefined;
    const parsed = dipRowSchema.safeParse(safeJson(r.body));
    if (!parsed.success) reason = 'invalid_row';
    else if (parsed.data.id !== r.row_id) reason = 'id_mismatch';
    else if (canonicalRowJson(parsed.data) !== r.body) reason = 'not_canonical';
    else if (nodeSha256(r.body) !== r.row_hash) reason = 'row_hash_mismatch';
    if (reason) {
      firstBadRow = { rowId: r.row_id, reason };
      break;
    }
  }
  // Recompute from the bodies, not the stored row hashes: a body edited together with its hash is still caught.
  const recomputedHash = contentHashFromRowHashes(rows.map((r) => ({ id: r.row_id, hash: nodeSha256(r.body) })), nodeSha256);
  const countMismatch = rows.length !== meta.row_count;
  return {
    ok: !firstBadRow && !countMismatch && recomputedHash === meta.content_hash,
    version: n,
    contentHash: meta.content_hash,
    recomputedHash,
    rowCount: rows.length,
    ...(firstBadRow ? { firstBadRow } : {}),
    ...(countMismatch ? { countMismatch } : {}),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
