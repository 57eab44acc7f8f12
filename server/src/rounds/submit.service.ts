/**
 * A unit's submission (SOP "menyerahkan daftar informasi … tanda terima dan kartu kontrol"): its full list of rows
 * for the round, stored with a receipt. Rows of its template it left out become proposed removals. A decision the
 * PPID made on an earlier submission carries over to a row only when the row's content is unchanged.
 */
import { randomUUID } from 'node:crypto';
import { canonicalRow, canonicalRowJson, contentHashFromRowHashes } from '../../../shared/canonical.js';
import type { ValidationIssue } from '../../../shared/issues.js';
import type { DipRow, StoredDipRow } from '../../../shared/row.js';
import { summarizeIssues, validateRows } from '../../../shared/validate.js';
import { recordAudit } from '../audit/audit.service.js';
import { knownUnitNames } from '../auth/auth.service.js';
import { nodeSha256 } from '../crypto.js';
import type { Db } from '../db/database.js';
import { AppError, forbidden, unprocessable } from '../http/errors.js';
import type { AuthUser } from '../http/env.js';
import { rememberResponse, replayIfSeen, type StoredResponse } from '../idempotency/idempotency.service.js';
import { lockRegister } from '../register/register.repository.js';
import { baseRows } from './base-rows.js';
import type { SubmitResponse } from './rounds.contract.js';
import * as repo from './rounds.repository.js';
import { getRound, getRoundForUnit } from './rounds.service.js';
import { rowsOfUnit } from './unit-rows.js';

export interface SubmitInput {
  rows: DipRow[];
  source: 'json' | 'xlsx';
  fileName: string | null;
  /** Issues found reading the uploaded file (rowIndex indexes `rows`). */
  readIssues: ValidationIssue[];
  /** The sheet row of each row, for messages (default: index + 2, under a header). */
  rowNumbers?: number[];
  idempotencyKey?: string | undefined;
  requestHash: string;
}

export const receiptNumber = (roundId: number, unitCode: string, seq: number) => `TT-${roundId}-${unitCode}-${String(seq).padStart(3, '0')}`;

/** The rows of the round's base version that are this unit's: what its first template held. */
export async function baseRowsOfUnit(db: Db, round: repo.RoundRow, unit: { code: string; name: string }): Promise<StoredDipRow[]> {
  return round.base_version === null ? [] : rowsOfUnit(await baseRows(db, round.base_version), unit);
}

export function unitOf(user: AuthUser): string {
  if (user.role !== 'unit' || !user.unitCode) throw forbidden('Hanya akun unit kerja yang mengirim data putaran.', 'Only unit accounts submit round data.');
  return user.unitCode;
}

export async function submit(db: Db, user: AuthUser, roundId: number, input: SubmitInput): Promise<StoredResponse> {
  const unitCode = unitOf(user);
  const { round, unit } = await getRoundForUnit(db, roundId, unitCode);
  const seen = new Set<string>();
  input.rows.forEach((r, i) => {
    if (r.id === undefined) return;
    if (seen.has(r.id)) throw unprocessable('duplicate_row_id', `ID baris ${r.id} muncul lebih dari sekali (baris ${i + 1}).`, `Row id ${r.id} appears more than once (row ${i + 1}).`);
    seen.add(r.id);
  });
  const rows: StoredDipRow[] = input.rows.map((r) => canonicalRow({ ...r, id: r.id ?? randomUUID() }));
  const prepared = rows.map((r) => {
    const body = canonicalRowJson(r);
    return { id: r.id, body, hash: nodeSha256(body) };
  });
  const contentHash = contentHashFromRowHashes(prepared, nodeSha256);
  const knownUnits = await knownUnitNames(db);
  const rowNumber = (i: number) => input.rowNumbers?.[i] ?? i + 2;
  const issues = [...input.readIssues, ...validateRows(rows, { knownUnits, rowNumber })];
  const summary = summarizeIssues(issues);
  const unitBase = await baseRowsOfUnit(db, round, unit);

  return db.transaction().execute(async (trx) => {
    await lockRegister(trx);
    if (input.idempotencyKey) {
      const replay = await replayIfSeen(trx, user.id, input.idempotencyKey, input.requestHash);
      if (replay) return replay;
    }
    if ((await getRound(trx, roundId)).closed_at !== null) {
      throw new AppError(409, 'round_closed', 'Putaran sudah ditutup: kiriman tidak diterima lagi.', 'The round is closed: submissions are no longer accepted.');
    }
    // A unit may send ids from its own template or its own earlier submissions, or fresh ones; never ids of rows
    // that belong to the register or to another unit (that would let it edit someone else's rows).
    const allowed = new Set([...unitBase.map((r) => r.id), ...(await repo.idsSubmittedBy(trx, roundId, unitCode))]);
    const foreign = await repo.idsOwnedElsewhere(trx, prepared.map((p) => p.id).filter((id) => !allowed.has(id)), unitCode);
    if (foreign.length > 0) {
      throw unprocessable('foreign_row_id', `Baris dengan ID berikut bukan milik unit Anda: ${foreign.slice(0, 5).join(', ')}.`, `These row ids do not belong to your unit: ${foreign.slice(0, 5).join(', ')}.`, { ids: foreign });
    }

    const seq = (await repo.lastSeq(trx, roundId, unitCode)) + 1;
    const previous = (await repo.listSubmissions(trx, roundId, unitCode)).at(-1);
    const before = new Map((previous ? await repo.itemsOf(trx, previous.id) : []).map((i) => [i.row_id, i]));
    const carry = (rowId: string, kind: 'row' | 'removal', hash: string) => {
      const b = before.get(rowId);
      return b && b.kind === kind && b.row_hash === hash && b.status === 'accepted' ? b : undefined;
    };
    const submitted = new Set(prepared.map((p) => p.id));
    const removals = unitBase.filter((r) => !submitted.has(r.id)).map((r) => {
      const body = canonicalRowJson(r);
      return { id: r.id, body, hash: nodeSha256(body) };
    });
    const items: repo.ItemInsert[] = [
      ...prepared.map((p) => ({ ...p, kind: 'row' as const })),
      ...removals.map((p) => ({ ...p, kind: 'removal' as const })),
    ].map((p, ord) => {
      const kept = carry(p.id, p.kind, p.hash);
      return {
        rowId: p.id,
        kind: p.kind,
        ord,
        hash: p.hash,
        body: p.body,
        status: kept ? 'accepted' : 'pending',
        comment: kept?.comment ?? null,
        decidedBy: kept?.decided_by ?? null,
        decidedAt: kept?.decided_at ?? null,
        carriedOver: kept !== undefined,
      };
    });

    const number = receiptNumber(roundId, unitCode, seq);
    const submissionId = await repo.insertSubmission(trx, {
      roundId,
      unitCode,
      seq,
      receiptNumber: number,
      submittedBy: user.id,
      source: input.source,
      fileName: input.fileName,
      rowCount: rows.length,
      removedCount: removals.length,
      contentHash,
      issues: JSON.stringify(issues),
      summary: JSON.stringify(summary),
    });
    await repo.insertItems(trx, submissionId, items);
    await recordAudit(trx, {
      actor: user.username,
      action: 'round.submit',
      subject: `round:${roundId}`,
      details: { unit: unitCode, receipt: number, rows: rows.length, removed: removals.length, contentHash, source: input.source },
    });

    const stored = (await repo.findSubmission(trx, roundId, submissionId))!;
    const response: SubmitResponse = {
      receipt: {
        number,
        submissionId,
        roundId,
        unitCode,
        seq,
        submittedAt: stored.submitted_at.toISOString(),
        submittedBy: user.username,
        source: input.source,
        fileName: input.fileName,
        rowCount: rows.length,
        removedCount: removals.length,
        contentHash,
        validation: summary,
      },
      issues,
      ids: rows.map((r) => r.id),
      carriedOver: items.filter((i) => i.carriedOver).length,
    };
    const out = { status: 201, body: JSON.stringify(response) };
    if (input.idempotencyKey) await rememberResponse(trx, user.id, input.idempotencyKey, input.requestHash, out);
    return out;
  });
}
