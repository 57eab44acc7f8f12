import type { VersionState } from '../../../shared/api.js';
import type { Db } from '../db/database.js';
import type { ApprovalsTable } from './approval.table.js';

/** What a workflow step needs to know about a version (read under the register lock). */
export async function findVersionForUpdate(trx: Db, version: number) {
  return trx
    .selectFrom('register_versions')
    .select(['version', 'state', 'author_id', 'content_hash'])
    .where('version', '=', version)
    .forUpdate()
    .executeTakeFirst();
}

export async function versionsInState(trx: Db, state: VersionState) {
  return trx.selectFrom('register_versions').select(['version']).where('state', '=', state).orderBy('version').execute();
}

export async function setVersionState(trx: Db, version: number, state: VersionState) {
  await trx.updateTable('register_versions').set({ state }).where('version', '=', version).execute();
}

export async function setPublished(trx: Db, version: number) {
  await trx.updateTable('register').set({ published: version }).where('id', '=', 1).execute();
}

export async function insertSubmission(trx: Db, version: number, userId: number) {
  await trx.insertInto('version_submissions').values({ version, submitted_by: userId }).execute();
}

export async function findSubmission(db: Db, version: number) {
  return db
    .selectFrom('version_submissions as s')
    .innerJoin('users as u', 'u.id', 's.submitted_by')
    .select(['s.submitted_by', 'u.username', 's.submitted_at'])
    .where('s.version', '=', version)
    .executeTakeFirst();
}

export async function insertMeeting(trx: Db, m: { version: number; heldOn: string; participants: string; decision: string; recordedBy: number }) {
  return trx
    .insertInto('version_meetings')
    .values({ version: m.version, held_on: m.heldOn, participants: m.participants, decision: m.decision, recorded_by: m.recordedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function listMeetings(db: Db, version: number) {
  return db
    .selectFrom('version_meetings as m')
    .innerJoin('users as u', 'u.id', 'm.recorded_by')
    .select(['m.id', 'm.held_on', 'm.participants', 'm.decision', 'u.username', 'm.recorded_at'])
    .where('m.version', '=', version)
    .orderBy('m.id')
    .execute();
}

export async function insertApproval(trx: Db, a: ApprovalsTable) {
  await trx.insertInto('approvals').values(a).execute();
}

export async function findApproval(db: Db, version: number) {
  return db.selectFrom('approvals').selectAll().where('version', '=', version).executeTakeFirst();
}

export async function insertRejection(trx: Db, r: { version: number; rejectedBy: number; reason: string; supersededBy: number | null }) {
  await trx.insertInto('version_rejections').values({ version: r.version, rejected_by: r.rejectedBy, reason: r.reason, superseded_by: r.supersededBy }).execute();
}

export async function findRejection(db: Db, version: number) {
  return db
    .selectFrom('version_rejections as r')
    .innerJoin('users as u', 'u.id', 'r.rejected_by')
    .select(['u.username', 'r.reason', 'r.superseded_by', 'r.rejected_at'])
    .where('r.version', '=', version)
    .executeTakeFirst();
}

export async function insertPublication(trx: Db, version: number, userId: number) {
  await trx.insertInto('version_publications').values({ version, published_by: userId }).execute();
}

export async function findPublication(db: Db, version: number) {
  return db
    .selectFrom('version_publications as p')
    .innerJoin('users as u', 'u.id', 'p.published_by')
    .select(['u.username', 'p.published_at'])
    .where('p.version', '=', version)
    .executeTakeFirst();
}

/** The audit entries about one subject, oldest first: verify cross-checks the workflow records against them. */
export async function auditEntriesAbout(db: Db, subject: string) {
  return db.selectFrom('audit_log').select(['seq', 'actor', 'action', 'details']).where('subject', '=', subject).orderBy('seq').execute();
}
