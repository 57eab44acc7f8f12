/**
 * Pushing a version: one transaction under the register lock — idempotency check, precondition (If-Match), then
 * the rows, in batches: each row is checked against the row schema, serialised canonically and hashed, and the rows
 * whose content is new go to the database by COPY while the next batch is prepared (Postgres works on the other
 * core). A row that fails the schema rolls everything back. Changed rows (and unchanged ones the sheet moved, for
 * their new sort key) are stored after the batches, once their old versions are closed (one live row per id).
 */
import { randomUUID } from 'node:crypto';
import type { PushEnvelope, PushResponse } from '../../../shared/api.js';
import { canonicalRowJson, canonicalRowJsonWithId, contentHashFromRowHashes } from '../../../shared/canonical.js';
import { changedFields, type ChangedRow } from '../../../shared/diff.js';
import type { ValidationIssue } from '../../../shared/issues.js';
import { dipRowSchema, type StoredDipRow } from '../../../shared/row.js';
import { rowValidator } from '../../../shared/validate.js';
import { recordAudit } from '../audit/audit.service.js';
import { knownUnitNames } from '../auth/auth.service.js';
import { nodeSha256, sha256HexOfBytes } from '../crypto.js';
import { withBulkCopy } from '../db/bulk.js';
import type { Db } from '../db/database.js';
import { unprocessable } from '../http/errors.js';
import type { AuthUser } from '../http/env.js';
import { bodyIssues, invalidBody, MAX_NAMED_ISSUES, type BodyIssue } from '../http/validation.js';
import { rememberResponse, replayIfSeen } from '../idempotency/idempotency.service.js';
import { placeRows } from './ordering.js';
import { canonicalBytesOfSpan, type PushBody } from './push-body.js';
import { isSchemaValidRow } from './row-check.js';
import * as repo from './register.repository.js';
import { jsonArrayBytes, Utf8Arena } from './utf8-arena.js';
import { checkPrecondition, etagOf, toVersionMeta, type Preconditions } from './register.service.js';

export interface PushContext extends Preconditions {
  idempotencyKey?: string | undefined;
  requestHash: string;
  /** Where each row lies in the body it came in (push-body.ts): a row sent in canonical JSON is stored as those bytes. */
  spans?: PushBody['spans'];
}

/** A row as stored: its body (canonical JSON, UTF-8) is what is hashed, stored and returned. */
type PreparedRow = repo.NewRow;

/** Rows per batch: big enough that a batch is one write to the socket, small enough that the database starts early. */
const BATCH = 500;

/**
 * The id of every row (new rows get a fresh UUID, written into the row once it is checked and serialised);
 * refuses an id sent twice. Rows that are not objects are left to the schema check.
 */
function assignIds(rows: unknown[]): string[] {
  const seen = new Set<string>();
  return rows.map((r, i) => {
    if (typeof r !== 'object' || r === null) return '';
    const row = r as { id?: unknown };
    if (row.id === undefined) return randomUUID();
    if (typeof row.id !== 'string') return '';
    if (seen.has(row.id)) {
      throw unprocessable('duplicate_row_id', `ID baris ${row.id} muncul lebih dari sekali (baris ${i + 1}).`, `Row id ${row.id} appears more than once (row ${i + 1}).`);
    }
    seen.add(row.id);
    return row.id;
  });
}

/** The 422 for rows that fail the schema: the first failing row and those after it, up to the usual count. */
function invalidRows(rows: readonly unknown[], first: number): Error {
  const issues: BodyIssue[] = [];
  for (let i = first; i < rows.length && issues.length < MAX_NAMED_ISSUES; i++) {
    const r = dipRowSchema.safeParse(rows[i]);
    if (!r.success) issues.push(...bodyIssues(r.error, ['rows', i]));
  }
  return invalidBody(issues);
}

/** The answer to a push: JSON text, or its UTF-8 bytes (a new version's, built from the stored row bytes). */
export interface PushResult {
  status: number;
  body: string | Buffer<ArrayBuffer>;
  etag: string;
}

/** Pushes a new version. Returns the response (for a replay, the first one, untouched) and the new ETag. */
export async function pushVersion(db: Db, user: AuthUser, req: PushEnvelope, ctx: PushContext): Promise<PushResult> {
  const ids = assignIds(req.rows);
  const knownUnits = await knownUnitNames(db);

  return withBulkCopy(() =>
    db.transaction().execute(async (trx) => {
      const reg = await repo.lockRegister(trx);
      if (ctx.idempotencyKey) {
        const replay = await replayIfSeen(trx, user.id, ctx.idempotencyKey, ctx.requestHash);
        if (replay) {
          const first = JSON.parse(replay.body) as PushResponse;
          const etag = etagOf({ version: first.version.version, content_hash: first.version.contentHash });
          if (replay.registerVersion === undefined) return { status: replay.status, body: replay.body, etag };
          return { status: replay.status, body: await rebuiltPushResponse(trx, replay.registerVersion, first), etag };
        }
      }
      try {
        await checkPrecondition(trx, reg.head, ctx);
      } catch (err) {
        // A body that is wrong in itself says so first (422), as it did before rows were checked while storing.
        const bad = req.rows.findIndex((r) => !isSchemaValidRow(r));
        throw bad === -1 ? err : invalidRows(req.rows, bad);
      }

      const version = (reg.head ?? 0) + 1;
      const liveRows = await repo.liveRowHashes(trx);
      const live = new Map(liveRows.map((r) => [r.row_id, r.row_hash]));
      const { keys, moved: movedAt } = placeRows(ids, new Map(liveRows.map((r) => [r.row_id, r.ord])));

      const rows: StoredDipRow[] = new Array(req.rows.length);
      const prepared: PreparedRow[] = new Array(req.rows.length);
      const added: PreparedRow[] = [];
      const changed: PreparedRow[] = [];
      // Unchanged rows the sheet moved: stored again under their new sort key (ordering.ts), not a change of content.
      const moved: PreparedRow[] = [];
      // assignIds has refused ids given twice (422): the validator need not look for them again.
      const validator = rowValidator({ knownUnits, idsUnique: true });
      const bytes = new Utf8Arena();
      let contentHash: string;
      let addedJson: Buffer;
      const writer = repo.openRowWriter(trx, version);
      try {
        for (let start = 0; start < req.rows.length; start += BATCH) {
          const end = Math.min(start + BATCH, req.rows.length);
          const batch: PreparedRow[] = [];
          for (let i = start; i < end; i++) {
            const sent = req.rows[i];
            if (!isSchemaValidRow(sent)) throw invalidRows(req.rows, i);
            const row = sent as StoredDipRow;
            // A new row's id is spliced into its serialisation, then written into the row for the checks and the
            // response (written first, it would come last among the keys and cost the row its fast path).
            const span = ctx.spans?.rows[i];
            const body =
              (span && canonicalBytesOfSpan(ctx.spans!.bytes, span, row, ids[i]!, bytes)) ??
              bytes.encode(row.id === undefined ? canonicalRowJsonWithId(row, ids[i]!) : canonicalRowJson(row));
            row.id = ids[i]!;
            rows[i] = row;
            const p: PreparedRow = (prepared[i] = { id: row.id, ord: keys[i]!, body, hash: sha256HexOfBytes(body) });
            const old = live.get(p.id);
            if (old === undefined) {
              batch.push(p);
              added.push(p);
            } else if (old !== p.hash) changed.push(p);
            else if (movedAt[i]) moved.push(p);
            live.delete(p.id);
          }
          // The batch is on its way to Postgres when write() returns; its rules are checked meanwhile (validation
          // only reports — a draft may carry errors).
          const written = writer.write(batch);
          written.catch(() => {});
          for (let i = start; i < end; i++) validator.check(rows[i]!, i);
          await written;
        }
        // What needs no database runs while it takes the last batch: the content hash and the added rows of the
        // response.
        contentHash = contentHashFromRowHashes(prepared, nodeSha256);
        addedJson = jsonArrayBytes(added.map((p) => p.body));
        await writer.end();
      } catch (err) {
        // Whatever failed, the COPY must be over before the rollback can use the connection.
        await writer.abort(err instanceof Error ? err : new Error(String(err)));
        throw err;
      }
      const issues = validator.issues;

      const removedIds = [...live.keys()];
      const reading = [...changed.map((p) => p.id), ...removedIds];
      const oldBodies = new Map((await repo.liveBodiesOf(trx, reading)).map((r) => [r.row_id, r.body]));
      await repo.closeRows(trx, [...reading, ...moved.map((p) => p.id)], version);
      await repo.insertRows(trx, version, [...changed, ...moved]);
      await repo.insertVersion(trx, { version, parent: reg.head, authorId: user.id, message: req.message, contentHash, rowCount: rows.length });
      await repo.setHead(trx, version);
      await recordAudit(trx, {
        actor: user.username,
        action: 'register.push',
        subject: `version:${version}`,
        details: { parent: reg.head, contentHash, rows: rows.length, added: added.length, changed: changed.length, removed: removedIds.length, moved: moved.length },
      });

      const changedRows: ChangedRow[] = changed.map((p) => ({
        id: p.id,
        fields: changedFields(JSON.parse(oldBodies.get(p.id)!) as StoredDipRow, JSON.parse(p.body.toString()) as StoredDipRow),
      }));
      const meta = toVersionMeta((await repo.findVersion(trx, version))!);
      const removedBodies = removedIds.map((id) => oldBodies.get(id)!);
      const body = pushResponseJson(meta, addedJson, changedRows, removedBodies, issues, ids);
      if (ctx.idempotencyKey) {
        // Remembered without what the version itself holds (its added rows, the ids of all its rows): a replay reads
        // them back, so a 10,000-row push does not store its rows twice (rebuiltPushResponse).
        const remembered = pushResponseJson(meta, EMPTY_ARRAY, changedRows, removedBodies, issues, []).toString('utf8');
        await rememberResponse(trx, user.id, ctx.idempotencyKey, ctx.requestHash, { status: 201, body: remembered, registerVersion: version });
      }
      return { status: 201, body, etag: etagOf({ version, content_hash: contentHash }) };
    }),
  );
}

const EMPTY_ARRAY = Buffer.from('[]');

/**
 * The first answer to a push, byte for byte, from its remembered part (`first`, without added rows and ids) and
 * the version it created: the added rows and the ids come back in the order they went in (sort keys follow the
 * sheet), and every other part is re-serialised from the JSON it was parsed from, which gives the same text.
 */
async function rebuiltPushResponse(trx: Db, version: number, first: PushResponse): Promise<Buffer<ArrayBuffer>> {
  const added = Buffer.from(`[${(await repo.addedBodiesAt(trx, version)).join(',')}]`);
  const ids = await repo.rowIdsAt(trx, version);
  return pushResponseJson(first.version, added, first.diff.changed, first.diff.removed.map((r) => JSON.stringify(r)), first.issues, ids);
}

/**
 * The PushResponse as JSON bytes, with added and removed rows spliced in as their stored canonical bodies
 * (`addedJson` is the array of added ones): serialising 10,000 row objects again would cost more than storing them.
 */
function pushResponseJson(meta: PushResponse['version'], addedJson: Buffer, changed: ChangedRow[], removedBodies: string[], issues: ValidationIssue[], ids: string[]): Buffer<ArrayBuffer> {
  const head = `{"version":${JSON.stringify(meta)},"diff":{"added":`;
  const tail = `,"changed":${JSON.stringify(changed)},"removed":[${removedBodies.join(',')}]},"issues":${JSON.stringify(issues)},"ids":${JSON.stringify(ids)}}`;
  return Buffer.concat([Buffer.from(head), addedJson, Buffer.from(tail)]);
}
