/**
 * Full check of one version: its rows and content hash (register.verify.ts), then the approval workflow's records —
 * the approval's binding to the content hash and its Ed25519 signature, the records each state requires, and every
 * record against the audit entry written with it. Names the first row or record that does not match.
 *
 * Records that are neither signed nor hashed themselves (meetings, submission, rejection, publication) are caught
 * through the hash-chained audit log: an edit to the record no longer matches its entry, and an edit to the entry
 * breaks the chain (GET /api/audit/verify).
 */
import type { VerifyFindingKind, VersionState, VersionVerifyReport } from '../../../shared/api.js';
import { stableStringify } from '../../../shared/canonical.js';
import type { Db } from '../db/database.js';
import { getVersionMeta } from '../register/register.service.js';
import { verifyVersion } from '../register/register.verify.js';
import { verifySignature } from '../signing/signing.service.js';
import { toApprovalRecord } from './approval.records.js';
import * as repo from './approval.repository.js';

type Finding = NonNullable<VersionVerifyReport['firstBad']>;
type AuditEntry = Awaited<ReturnType<typeof repo.auditEntriesAbout>>[number];

const finding = (kind: VerifyFindingKind, id: string | number, reason: string): Finding => ({ kind, id: String(id), reason });

const AFTER_SUBMIT: VersionState[] = ['submitted', 'approved', 'published', 'rejected'];

function detailsOf(e: AuditEntry): Record<string, unknown> {
  try {
    return JSON.parse(e.details) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Whether some audit entry of `action` by `actor` carries exactly `details` (compared canonically). */
function audited(entries: AuditEntry[], action: string, actor: string, details: Record<string, unknown>, pick?: string[]): boolean {
  const want = stableStringify(details);
  return entries.some((e) => {
    if (e.action !== action || e.actor !== actor) return false;
    const d = detailsOf(e);
    const got = pick ? Object.fromEntries(pick.map((k) => [k, d[k]])) : d;
    return stableStringify(got) === want;
  });
}

export async function verifyVersionRecords(db: Db, n: number): Promise<VersionVerifyReport> {
  const base = await verifyVersion(db, n);
  const meta = await getVersionMeta(db, n);
  const report: VersionVerifyReport = {
    ok: false,
    version: n,
    state: meta.state,
    contentHash: base.contentHash,
    recomputedHash: base.recomputedHash,
    rowCount: base.rowCount,
  };
  const bad = (f: Finding): VersionVerifyReport => ({ ...report, firstBad: f });

  if (base.firstBadRow) return bad(finding('row', base.firstBadRow.rowId, base.firstBadRow.reason));
  if (base.countMismatch) return bad(finding('version', n, 'row_count_mismatch'));
  if (base.recomputedHash !== base.contentHash) return bad(finding('version', n, 'content_hash_mismatch'));

  const [submission, meetings, approval, rejection, publication, entries] = await Promise.all([
    repo.findSubmission(db, n),
    repo.listMeetings(db, n),
    repo.findApproval(db, n),
    repo.findRejection(db, n),
    repo.findPublication(db, n),
    repo.auditEntriesAbout(db, `version:${n}`),
  ]);
  const state = meta.state;

  // Each state has exactly the records its path through the workflow leaves behind.
  const expected: [VerifyFindingKind, boolean, boolean][] = [
    ['submission', AFTER_SUBMIT.includes(state), submission !== undefined],
    ['approval', state === 'approved' || state === 'published', approval !== undefined],
    ['rejection', state === 'rejected', rejection !== undefined],
    ['publication', state === 'published', publication !== undefined],
  ];
  for (const [kind, needed, present] of expected) {
    if (needed && !present) return bad(finding(kind, n, 'missing'));
    if (!needed && present) return bad(finding('version', n, 'state_mismatch'));
  }

  if (approval) {
    const record = toApprovalRecord(approval);
    if (record.contentHash !== meta.content_hash) return bad(finding('approval', n, 'content_hash_binding'));
    const signature = await verifySignature(db, record.keyId, record.payload, record.signature);
    report.signature = signature;
    if (signature !== 'valid') return bad(finding('approval', n, signature === 'unknown_key' ? 'unknown_key' : 'signature_invalid'));
    const { payload: _payload, ...signed } = record;
    if (!audited(entries, 'approval.approve', record.approver, signed)) return bad(finding('approval', n, 'audit_mismatch'));
  }

  if (submission && !audited(entries, 'approval.submit', submission.username, { contentHash: meta.content_hash }, ['contentHash'])) {
    return bad(finding('submission', n, 'audit_mismatch'));
  }

  const meetingIds = new Set<number>();
  for (const m of meetings) {
    meetingIds.add(m.id);
    let participants: unknown;
    try {
      participants = JSON.parse(m.participants);
    } catch {
      return bad(finding('meeting', m.id, 'invalid_participants'));
    }
    const details = { meetingId: m.id, date: m.held_on, participants, decision: m.decision };
    if (!audited(entries, 'approval.meeting', m.username, details)) return bad(finding('meeting', m.id, 'audit_mismatch'));
  }
  // A meeting that was audited but is gone from its table was deleted.
  for (const e of entries) {
    const id = e.action === 'approval.meeting' ? detailsOf(e).meetingId : undefined;
    if (typeof id === 'number' && !meetingIds.has(id)) return bad(finding('meeting', id, 'missing'));
  }

  if (rejection) {
    const action = rejection.superseded_by === null ? 'approval.reject' : 'approval.supersede';
    const details = rejection.superseded_by === null ? { reason: rejection.reason } : { reason: rejection.reason, supersededBy: rejection.superseded_by };
    if (!audited(entries, action, rejection.username, details)) return bad(finding('rejection', n, 'audit_mismatch'));
  }

  if (publication && !audited(entries, 'approval.publish', publication.username, { contentHash: meta.content_hash }, ['contentHash'])) {
    return bad(finding('publication', n, 'audit_mismatch'));
  }

  return { ...report, ok: true };
}
