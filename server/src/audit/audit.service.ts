/**
 * The append-only, hash-chained audit log: every state change records who, what, when. Each entry's hash covers
 * the previous entry's hash, so removing, reordering or editing any entry breaks every hash after it.
 */
import { stableStringify } from '../../../shared/canonical.js';
import { nodeSha256 } from '../crypto.js';
import type { Db } from '../db/database.js';
import { insertAuditEntry, lockAuditHead, readAuditHead, readAuditPage } from './audit.repository.js';
import type { AuditLogTable } from './audit.table.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  actor: string;
  action: string;
  subject: string;
  details?: Record<string, unknown>;
}

export function auditEntryHash(e: Omit<AuditLogTable, 'hash'>): string {
  return nodeSha256(`${e.prev_hash}\n${stableStringify({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, details: e.details })}`);
}

/** Appends one entry inside the caller's transaction (so the entry exists iff the change it records does). */
export async function recordAudit(trx: Db, input: AuditInput, now = new Date()): Promise<number> {
  const head = await lockAuditHead(trx);
  const entry = {
    seq: Number(head.seq) + 1,
    at: now.toISOString(),
    actor: input.actor,
    action: input.action,
    subject: input.subject,
    details: stableStringify(input.details ?? {}),
    prev_hash: head.hash,
  };
  await insertAuditEntry(trx, { ...entry, hash: auditEntryHash(entry) });
  return entry.seq;
}

export interface AuditVerifyResult {
  ok: boolean;
  entries: number;
  headHash: string;
  /** The first entry that does not match, and why. */
  firstBad?: { seq: number; reason: 'hash_mismatch' | 'broken_link' | 'gap' | 'head_mismatch' };
}

/** Recomputes the whole chain, page by page, and names the first entry that does not match. */
export async function verifyAuditChain(db: Db): Promise<AuditVerifyResult> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const page = await readAuditPage(db, expectedSeq - 1, 5000);
    for (const e of page) {
      const seq = Number(e.seq);
      if (seq !== expectedSeq) return { ok: false, entries: count, headHash: prev, firstBad: { seq: expectedSeq, reason: 'gap' } };
      if (e.prev_hash !== prev) return { ok: false, entries: count, headHash: prev, firstBad: { seq, reason: 'broken_link' } };
      if (auditEntryHash(e) !== e.hash) return { ok: false, entries: count, headHash: prev, firstBad: { seq, reason: 'hash_mismatch' } };
      prev = e.hash;
      expectedSeq++;
      count++;
    }
    if (page.length < 5000) break;
  }
  const head = await readAuditHead(db);
  if (Number(head.seq) !== count || head.hash !== prev) {
    return { ok: false, entries: count, headHash: prev, firstBad: { seq: count + 1, reason: 'head_mismatch' } };
  }
  return { ok: true, entries: count, headHash: prev };
}
