/**
 * The approval workflow (DESIGN.md steps 6–9): draft → submitted → approved → published, or submitted → rejected.
 *
 * Every step is one transaction under the register lock (then the audit head, the lock order pushes use too), so two
 * approvers racing on one version are serialised and the second finds it no longer `submitted`.
 *
 * At most one version waits for approval. Submitting a newer version sets the waiting one aside (it becomes
 * `rejected`, its rejection naming the version that superseded it): the PPID fixed something and the approver should
 * look at the fix, not at the stale version. Submitting an older version than the one waiting is refused, as is
 * submitting or publishing a version older than the published one.
 */
import type { ApproveRequest, MeetingRequest, RejectRequest, VersionApprovalInfo, VersionState } from '../../../shared/api.js';
import { hasErrors, summarizeIssues, validateRows } from '../../../shared/validate.js';
import { recordAudit } from '../audit/audit.service.js';
import { knownUnitNames } from '../auth/auth.service.js';
import type { Db } from '../db/database.js';
import { AppError, conflict, notFound, unprocessable } from '../http/errors.js';
import type { AuthUser } from '../http/env.js';
import { lockRegister } from '../register/register.repository.js';
import { rowsOf } from '../register/register.service.js';
import type { KeyRing } from '../signing/signing.service.js';
import { getApprovalInfo, signedPayload } from './approval.records.js';
import * as repo from './approval.repository.js';
import { verifyVersionRecords } from './verify.js';

const STATE_ID: Record<VersionState, string> = {
  draft: 'draf',
  submitted: 'diajukan',
  approved: 'disetujui',
  published: 'terbit',
  rejected: 'ditolak',
};

const wrongState = (n: number, state: VersionState, expected: VersionState, code: string) =>
  conflict(
    code,
    `Versi ${n} berstatus ${STATE_ID[state]}; langkah ini hanya untuk versi berstatus ${STATE_ID[expected]}.`,
    `Version ${n} is ${state}; this step needs a ${expected} version.`,
  );

type Trx = Db;

/** Runs one workflow step on version `n` under the register lock, and answers with the version's records. */
async function step(
  db: Db,
  n: number,
  work: (trx: Trx, v: NonNullable<Awaited<ReturnType<typeof repo.findVersionForUpdate>>>, reg: { head: number | null; published: number | null }) => Promise<void>,
): Promise<VersionApprovalInfo> {
  return db.transaction().execute(async (trx) => {
    const reg = await lockRegister(trx);
    const v = await repo.findVersionForUpdate(trx, n);
    if (!v) throw notFound(`Versi ${n}`, `Version ${n}`);
    await work(trx, v, reg);
    return getApprovalInfo(trx, n);
  });
}

const subject = (n: number) => `version:${n}`;

export function submitVersion(db: Db, user: AuthUser, n: number): Promise<VersionApprovalInfo> {
  return step(db, n, async (trx, v, reg) => {
    if (v.state !== 'draft') throw wrongState(n, v.state, 'draft', 'version_not_draft');
    if (reg.published !== null && n <= reg.published) {
      throw conflict(
        'older_than_published',
        `Versi ${n} tidak lebih baru dari versi terbit (${reg.published}); dorong versi baru terlebih dahulu.`,
        `Version ${n} is not newer than the published version (${reg.published}); push a new version first.`,
      );
    }
    const waiting = (await repo.versionsInState(trx, 'submitted')).map((w) => w.version);
    const newer = waiting.find((w) => w > n);
    if (newer !== undefined) {
      throw conflict(
        'newer_version_submitted',
        `Versi ${newer} yang lebih baru sedang menunggu persetujuan.`,
        `Newer version ${newer} is already waiting for approval.`,
      );
    }
    for (const older of waiting) {
      const reason = `Digantikan oleh versi ${n} / Superseded by version ${n}`;
      await repo.setVersionState(trx, older, 'rejected');
      await repo.insertRejection(trx, { version: older, rejectedBy: user.id, reason, supersededBy: n });
      await recordAudit(trx, { actor: user.username, action: 'approval.supersede', subject: subject(older), details: { reason, supersededBy: n } });
    }
    await repo.insertSubmission(trx, n, user.id);
    await repo.setVersionState(trx, n, 'submitted');
    await recordAudit(trx, { actor: user.username, action: 'approval.submit', subject: subject(n), details: { contentHash: v.content_hash, supersedes: waiting } });
  });
}

export function recordMeeting(db: Db, user: AuthUser, n: number, req: MeetingRequest): Promise<VersionApprovalInfo> {
  return step(db, n, async (trx, v) => {
    if (v.state !== 'submitted') throw wrongState(n, v.state, 'submitted', 'version_not_submitted');
    const participants = JSON.stringify(req.participants);
    const { id } = await repo.insertMeeting(trx, { version: n, heldOn: req.date, participants, decision: req.decision, recordedBy: user.id });
    await recordAudit(trx, {
      actor: user.username,
      action: 'approval.meeting',
      subject: subject(n),
      details: { meetingId: id, date: req.date, participants: req.participants, decision: req.decision },
    });
  });
}

export async function approveVersion(db: Db, ring: KeyRing, user: AuthUser, n: number, req: ApproveRequest): Promise<VersionApprovalInfo> {
  // Loaded before the transaction: the key may have to be generated and stored first (and PGlite has one connection).
  await ring.activeKeyId();
  const knownUnits = await knownUnitNames(db);
  return step(db, n, async (trx, v) => {
    if (v.state !== 'submitted') throw wrongState(n, v.state, 'submitted', 'version_not_submitted');
    const submission = await repo.findSubmission(trx, n);
    if (user.id === v.author_id || user.id === submission?.submitted_by) {
      throw conflict(
        'four_eyes_violation',
        `Anda mendorong atau mengajukan versi ${n}; persetujuan harus oleh orang lain (prinsip empat mata).`,
        `You pushed or submitted version ${n}; someone else must approve it (four-eyes rule).`,
      );
    }
    if (req.contentHash !== v.content_hash) {
      throw conflict(
        'content_hash_mismatch',
        `Hash isi yang Anda lihat bukan hash versi ${n}: muat ulang versi lalu periksa kembali.`,
        `The content hash you saw is not version ${n}'s: reload the version and review it again.`,
      );
    }
    const issues = validateRows(await rowsOf(trx, n), { knownUnits });
    if (hasErrors(issues)) {
      const summary = summarizeIssues(issues);
      throw unprocessable(
        'version_has_errors',
        `Versi ${n} masih memiliki kesalahan validasi; perbaiki, dorong versi baru, lalu ajukan kembali.`,
        `Version ${n} still has validation errors; fix them, push a new version and submit it.`,
        { summary, issues: issues.filter((i) => i.severity === 'error').slice(0, 50) },
      );
    }
    const fields = { version: n, contentHash: v.content_hash, decreeNumber: req.decreeNumber, decreeDate: req.decreeDate, approver: user.username, approvedAt: new Date().toISOString() };
    const { keyId, signature } = await ring.sign(signedPayload(fields));
    await repo.insertApproval(trx, {
      version: n,
      content_hash: fields.contentHash,
      decree_number: fields.decreeNumber,
      decree_date: fields.decreeDate,
      approver_id: user.id,
      approver: fields.approver,
      approved_at: fields.approvedAt,
      key_id: keyId,
      signature,
    });
    await repo.setVersionState(trx, n, 'approved');
    await recordAudit(trx, { actor: user.username, action: 'approval.approve', subject: subject(n), details: { ...fields, keyId, signature } });
  });
}

export function rejectVersion(db: Db, user: AuthUser, n: number, req: RejectRequest): Promise<VersionApprovalInfo> {
  return step(db, n, async (trx, v) => {
    if (v.state !== 'submitted') throw wrongState(n, v.state, 'submitted', 'version_not_submitted');
    await repo.insertRejection(trx, { version: n, rejectedBy: user.id, reason: req.reason, supersededBy: null });
    await repo.setVersionState(trx, n, 'rejected');
    await recordAudit(trx, { actor: user.username, action: 'approval.reject', subject: subject(n), details: { reason: req.reason } });
  });
}

export function publishVersion(db: Db, user: AuthUser, n: number): Promise<VersionApprovalInfo> {
  return step(db, n, async (trx, v, reg) => {
    if (v.state !== 'approved') throw wrongState(n, v.state, 'approved', 'version_not_approved');
    if (reg.published !== null && n < reg.published) {
      throw conflict(
        'older_than_published',
        `Versi ${n} lebih lama dari versi terbit (${reg.published}).`,
        `Version ${n} is older than the published version (${reg.published}).`,
      );
    }
    // What citizens will read must be exactly what was approved: check it once more before it goes out.
    const check = await verifyVersionRecords(trx, n);
    if (!check.ok) {
      throw new AppError(
        409,
        'version_integrity_failed',
        `Versi ${n} tidak lolos pemeriksaan integritas (${check.firstBad?.kind ?? '?'} ${check.firstBad?.id ?? ''}: ${check.firstBad?.reason ?? '?'}); tidak diterbitkan.`,
        `Version ${n} failed the integrity check; not published.`,
        undefined,
        check,
      );
    }
    await repo.setVersionState(trx, n, 'published');
    await repo.insertPublication(trx, n, user.id);
    await repo.setPublished(trx, n);
    await recordAudit(trx, { actor: user.username, action: 'approval.publish', subject: subject(n), details: { contentHash: v.content_hash, previous: reg.published } });
  });
}
