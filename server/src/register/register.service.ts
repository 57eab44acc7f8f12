/**
 * The register: a chain of full-snapshot versions of the DIP. A push is one transaction under the register lock:
 * idempotency check, precondition (If-Match), then rows stored as intervals (unchanged rows are not rewritten).
 */
import { randomUUID } from 'node:crypto';
import type { PushRequest, PushResponse, RegisterInfo, VersionMeta } from '../../../shared/api.js';
import { canonicalRow, canonicalRowJson, contentHashFromRowHashes } from '../../../shared/canonical.js';
import { diff, emptyDiff, type RowDiff } from '../../../shared/diff.js';
import type { StoredDipRow } from '../../../shared/row.js';
import { validateRows } from '../../../shared/validate.js';
import { recordAudit } from '../audit/audit.service.js';
import { listUnits } from '../auth/auth.repository.js';
import { nodeSha256 } from '../crypto.js';
import type { Db } from '../db/database.js';
import { AppError, notFound, unprocessable } from '../http/errors.js';
import type { AuthUser } from '../http/env.js';
import { rememberResponse, replayIfSeen, type StoredResponse } from '../idempotency/idempotency.service.js';
import * as repo from './register.repository.js';

export const etagOf = (v: { version: number; content_hash: string } | undefined): string =>
  v ? `"${v.version}-${v.content_hash.slice(0, 16)}"` : '"empty"';

export function toVersionMeta(v: repo.VersionRow): VersionMeta {
  return {
    version: v.version,
    parent: v.parent,
    author: v.author,
    message: v.message,
    contentHash: v.content_hash,
    rowCount: v.row_count,
    state: v.state,
    createdAt: v.created_at.toISOString(),
  };
}

export async function registerInfo(db: Db): Promise<RegisterInfo & { etag: string }> {
  const reg = await repo.readRegister(db);
  const head = reg.head === null ? undefined : await repo.findVersion(db, reg.head);
  return { head: reg.head, published: reg.published, etag: etagOf(head) };
}

/** `N`, `head` or `published` → a version number (404 when there is none). */
export async function resolveVersion(db: Db, ref: string): Promise<number> {
  if (ref === 'head' || ref === 'published') {
    const reg = await repo.readRegister(db);
    const n = ref === 'head' ? reg.head : reg.published;
    if (n === null) throw notFound(ref === 'head' ? 'Versi terakhir' : 'Versi terbit', ref === 'head' ? 'Head version' : 'Published version');
    return n;
  }
  if (!/^[1-9][0-9]{0,8}$/.test(ref)) throw notFound(`Versi ${ref}`, `Version ${ref}`);
  return Number(ref);
}

export async function getVersionMeta(db: Db, n: number) {
  const v = await repo.findVersion(db, n);
  if (!v) throw notFound(`Versi ${n}`, `Version ${n}`);
  return v;
}

/**
 * The version's JSON, built from the stored canonical row bodies without parsing them again:
 * what was pushed is what comes back, byte for byte in content.
 */
export async function versionJson(db: Db, n: number): Promise<{ json: string; etag: string }> {
  const v = await getVersionMeta(db, n);
  const rows = await repo.rowsAt(db, n);
  return { json: `{"version":${JSON.stringify(toVersionMeta(v))},"rows":[${rows.map((r) => r.body).join(',')}]}`, etag: etagOf(v) };
}

export async function rowsOf(db: Db, n: number): Promise<StoredDipRow[]> {
  return (await repo.rowsAt(db, n)).map((r) => JSON.parse(r.body) as StoredDipRow);
}

export async function diffVersions(db: Db, from: number | null, to: number): Promise<RowDiff> {
  const [a, b] = await Promise.all([from === null ? Promise.resolve([]) : rowsOf(db, from), rowsOf(db, to)]);
  return diff(a, b);
}

export interface Preconditions {
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
}

function parseEtagVersion(tag: string): number | null {
  const m = /^(?:W\/)?"(\d+)-[0-9a-f]{16}"$/.exec(tag.trim());
  return m ? Number(m[1]) : null;
}

async function checkPrecondition(trx: Db, head: number | null, pre: Preconditions): Promise<void> {
  if (pre.ifNoneMatch !== undefined) {
    if (pre.ifNoneMatch.trim() !== '*') throw new AppError(400, 'invalid_precondition', 'If-None-Match hanya menerima *.', 'If-None-Match only accepts *.');
    if (head === null) return;
    throw await stale(trx, null, head);
  }
  if (pre.ifMatch === undefined || pre.ifMatch.trim() === '*') {
    throw new AppError(428, 'precondition_required', 'Sertakan If-Match dengan ETag versi terakhir (atau If-None-Match: * untuk versi pertama).', 'Send If-Match with the head ETag (or If-None-Match: * for the first version).');
  }
  const headMeta = head === null ? undefined : await repo.findVersion(trx, head);
  if (pre.ifMatch.trim().replace(/^W\//, '') === etagOf(headMeta)) return;
  const base = parseEtagVersion(pre.ifMatch);
  throw await stale(trx, base !== null && base <= (head ?? 0) ? base : null, head);
}

async function stale(trx: Db, base: number | null, head: number | null): Promise<AppError> {
  const d = head === null ? emptyDiff() : await diffVersions(trx, base, head);
  return new AppError(
    412,
    'stale_base',
    `Register sudah berubah sejak versi dasar Anda (versi terakhir: ${head ?? '-'}). Tarik versi terbaru lalu terapkan ulang perubahan Anda.`,
    `The register changed since your base version (head: ${head ?? '-'}). Pull the head and re-apply your changes.`,
    { base, head, diff: d },
  );
}

export interface PushContext extends Preconditions {
  idempotencyKey?: string | undefined;
  requestHash: string;
}

/** Pushes a new version. Returns the stored response (for a replay, the first one, untouched). */
export async function pushVersion(db: Db, user: AuthUser, req: PushRequest, ctx: PushContext): Promise<StoredResponse & { etag: string }> {
  const seenIds = new Set<string>();
  for (const [i, r] of req.rows.entries()) {
    if (r.id === undefined) continue;
    if (seenIds.has(r.id)) throw unprocessable('duplicate_row_id', `ID baris ${r.id} muncul lebih dari sekali (baris ${i + 1}).`, `Row id ${r.id} appears more than once (row ${i + 1}).`);
    seenIds.add(r.id);
  }
  const rows: StoredDipRow[] = req.rows.map((r) => canonicalRow({ ...r, id: r.id ?? randomUUID() }));
  const prepared = rows.map((r, ord) => {
    const body = canonicalRowJson(r);
    return { id: r.id, ord, body, hash: nodeSha256(body) };
  });
  const contentHash = contentHashFromRowHashes(prepared, nodeSha256);
  const knownUnits = (await listUnits(db)).flatMap((u) => [u.code, u.name]);

  return db.transaction().execute(async (trx) => {
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
    const live = new Map((await repo.liveRowHashes(trx)).map((r) => [r.row_id, r.row_hash]));
    const toInsert = prepared.filter((p) => live.get(p.id) !== p.hash);
    const changedIds = toInsert.filter((p) => live.has(p.id)).map((p) => p.id);
    const pushedIds = new Set(prepared.map((p) => p.id));
    const removed = [...live.keys()].filter((id) => !pushedIds.has(id));
    const oldBodies = new Map((await repo.liveBodiesOf(trx, [...changedIds, ...removed])).map((r) => [r.row_id, JSON.parse(r.body) as StoredDipRow]));

    await repo.insertVersion(trx, { version, parent: reg.head, authorId: user.id, message: req.message, contentHash, rowCount: rows.length });
    await repo.closeRows(trx, [...changedIds, ...removed], version);
    await repo.insertRows(trx, version, toInsert);
    await repo.setHead(trx, version);
    await recordAudit(trx, {
      actor: user.username,
      action: 'register.push',
      subject: `version:${version}`,
      details: { parent: reg.head, contentHash, rows: rows.length, inserted: toInsert.length, removed: removed.length },
    });

    const byId = new Map(rows.map((r) => [r.id, r]));
    const d = diff(
      [...oldBodies.values()],
      [...changedIds.map((id) => byId.get(id)!), ...toInsert.filter((p) => !live.has(p.id)).map((p) => byId.get(p.id)!)],
    );
    const meta = toVersionMeta((await repo.findVersion(trx, version))!);
    const response: PushResponse = { version: meta, diff: d, issues: validateRows(rows, { knownUnits }), ids: rows.map((r) => r.id) };
    const stored = { status: 201, body: JSON.stringify(response) };
    if (ctx.idempotencyKey) await rememberResponse(trx, user.id, ctx.idempotencyKey, ctx.requestHash, stored);
    return { ...stored, etag: etagOf({ version, content_hash: contentHash }) };
  });
}

export const listVersionMetas = (db: Db) => repo.listVersions(db);
