/**
 * Pushing a version: one transaction under the register lock — idempotency check, precondition (If-Match), then
 * only the rows whose content changed are stored (by COPY on Postgres). Everything that needs no lock (ids,
 * canonical bodies, hashes, validation) is done before the lock is taken.
 */
import { randomUUID } from 'node:crypto';
import type { PushRequest, PushResponse } from '../../../shared/api.js';
import { canonicalRowJson, contentHashFromRowHashes } from '../../../shared/canonical.js';
import { changedFields, type ChangedRow } from '../../../shared/diff.js';
import type { ValidationIssue } from '../../../shared/issues.js';
import type { StoredDipRow } from '../../../shared/row.js';
import { validateRows } from '../../../shared/validate.js';
import { recordAudit } from '../audit/audit.service.js';
import { listUnits } from '../auth/auth.repository.js';
import { nodeSha256 } from '../crypto.js';
import { withBulkCopy } from '../db/bulk.js';
import type { Db } from '../db/database.js';
import { unprocessable } from '../http/errors.js';
import type { AuthUser } from '../http/env.js';
import { rememberResponse, replayIfSeen, type StoredResponse } from '../idempotency/idempotency.service.js';
import { placeRows } from './ordering.js';
import * as repo from './register.repository.js';
import { checkPrecondition, etagOf, toVersionMeta, type Preconditions } from './register.service.js';

export interface PushContext extends Preconditions {
  idempotencyKey?: string | undefined;
  requestHash: string;
}

interface PreparedRow {
  id: string;
  /** Sort key in the version (ordering.ts), set once the head is known. */
  ord: number;
  /** Canonical JSON: what is stored and returned. */
  body: string;
  hash: string;
}

/** Gives every row its id (new rows a fresh UUID); refuses an id sent twice. The parsed rows are ours to annotate. */
function withIds(rows: PushRequest['rows']): StoredDipRow[] {
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (r.id === undefined) r.id = randomUUID();
    else if (seen.has(r.id)) {
      throw unprocessable('duplicate_row_id', `ID baris ${r.id} muncul lebih dari sekali (baris ${i + 1}).`, `Row id ${r.id} appears more than once (row ${i + 1}).`);
    }
    seen.add(r.id);
  });
  return rows as StoredDipRow[];
}

/** Pushes a new version. Returns the stored response (for a replay, the first one, untouched) and the new ETag. */
export async function pushVersion(db: Db, user: AuthUser, req: PushRequest, ctx: PushContext): Promise<StoredResponse & { etag: string }> {
  const rows = withIds(req.rows);
  const prepared: PreparedRow[] = rows.map((r) => {
    const body = canonicalRowJson(r);
    return { id: r.id, ord: 0, body, hash: nodeSha256(body) };
  });
  const contentHash = contentHashFromRowHashes(prepared, nodeSha256);
  const units = await listUnits(db);
  const issues = validateRows(rows, units.length > 0 ? { knownUnits: units.flatMap((u) => [u.code, u.name]) } : {});

  return withBulkCopy(() =>
    db.transaction().execute(async (trx) => {
      const reg = await repo.lockRegister(trx);
      if (ctx.idempotencyKey) {
        const replay = await replayIfSeen(trx, user.id, ctx.idempotencyKey, ctx.requestHash);
        if (replay) {
          const { version } = JSON.parse(replay.body) as PushResponse;
          return { ...replay, etag: etagOf({ version: version.version, content_hash: version.contentHash }) };
        }
      }
      await checkPrecondition(trx, reg.head, ctx);

      const version = (reg.head ?? 0) + 1;
      const liveRows = await repo.liveRowHashes(trx);
      const live = new Map(liveRows.map((r) => [r.row_id, r.row_hash]));
      const keys = placeRows(prepared.map((p) => p.id), new Map(liveRows.map((r) => [r.row_id, r.ord])));
      prepared.forEach((p, i) => (p.ord = keys[i]!));
      const added: PreparedRow[] = [];
      const changed: PreparedRow[] = [];
      for (const p of prepared) {
        const old = live.get(p.id);
        if (old === undefined) added.push(p);
        else if (old !== p.hash) changed.push(p);
        live.delete(p.id);
      }
      const removedIds = [...live.keys()];
      const closing = [...changed.map((p) => p.id), ...removedIds];
      const oldBodies = new Map((await repo.liveBodiesOf(trx, closing)).map((r) => [r.row_id, r.body]));

      await repo.insertVersion(trx, { version, parent: reg.head, authorId: user.id, message: req.message, contentHash, rowCount: rows.length });
      await repo.closeRows(trx, closing, version);
      await repo.insertRows(trx, version, [...added, ...changed]);
      await repo.setHead(trx, version);
      await recordAudit(trx, {
        actor: user.username,
        action: 'register.push',
        subject: `version:${version}`,
        details: { parent: reg.head, contentHash, rows: rows.length, added: added.length, changed: changed.length, removed: removedIds.length },
      });

      const changedRows: ChangedRow[] = changed.map((p) => ({
        id: p.id,
        fields: changedFields(JSON.parse(oldBodies.get(p.id)!) as StoredDipRow, JSON.parse(p.body) as StoredDipRow),
      }));
      const meta = toVersionMeta((await repo.findVersion(trx, version))!);
      const stored = {
        status: 201,
        body: pushResponseJson(meta, added, changedRows, removedIds.map((id) => oldBodies.get(id)!), issues, rows),
      };
      if (ctx.idempotencyKey) await rememberResponse(trx, user.id, ctx.idempotencyKey, ctx.requestHash, stored);
      return { ...stored, etag: etagOf({ version, content_hash: contentHash }) };
    }),
  );
}

/**
 * The PushResponse as JSON, with added and removed rows spliced in as their stored canonical bodies: serialising
 * 10,000 row objects again would cost more than storing them.
 */
function pushResponseJson(meta: PushResponse['version'], added: PreparedRow[], changed: ChangedRow[], removedBodies: string[], issues: ValidationIssue[], rows: StoredDipRow[]): string {
  const diff = `{"added":[${added.map((p) => p.body).join(',')}],"changed":${JSON.stringify(changed)},"removed":[${removedBodies.join(',')}]}`;
  return `{"version":${JSON.stringify(meta)},"diff":${diff},"issues":${JSON.stringify(issues)},"ids":${JSON.stringify(rows.map((r) => r.id))}}`;
}
