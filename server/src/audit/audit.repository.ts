import type { Db } from '../db/database.js';
import type { AuditLogTable } from './audit.table.js';

/** Locks the chain's head for this transaction: appends are serialised, so the chain never forks. */
export async function lockAuditHead(trx: Db) {
  return trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
}

export async function insertAuditEntry(trx: Db, e: AuditLogTable) {
  await trx.insertInto('audit_log').values(e).execute();
  await trx.updateTable('audit_head').set({ seq: e.seq, hash: e.hash }).where('id', '=', 1).execute();
}

export async function readAuditPage(db: Db, afterSeq: number, limit: number) {
  return db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

export async function readAuditHead(db: Db) {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function listAuditEntries(db: Db, opts: { subject?: string | undefined; limit: number; beforeSeq?: number | undefined }) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(opts.limit);
  if (opts.subject) q = q.where('subject', '=', opts.subject);
  if (opts.beforeSeq !== undefined) q = q.where('seq', '<', opts.beforeSeq);
  return q.execute();
}
