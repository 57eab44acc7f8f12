/**
 * The workflow records of a version as the API shows them, and the exact text an approval signs.
 */
import type { ApprovalRecord, MeetingRecord, VersionApprovalInfo } from '../../../shared/api.js';
import { stableStringify } from '../../../shared/canonical.js';
import type { Db } from '../db/database.js';
import { getVersionMeta, toVersionMeta } from '../register/register.service.js';
import * as repo from './approval.repository.js';
import type { ApprovalsTable } from './approval.table.js';

export type SignedFields = Pick<ApprovalRecord, 'version' | 'contentHash' | 'decreeNumber' | 'decreeDate' | 'approver' | 'approvedAt'>;

/**
 * The signed text: canonical JSON (keys sorted, no whitespace) of the six fields, so anyone can rebuild it from the
 * record and check the signature with the published key.
 */
export function signedPayload(f: SignedFields): string {
  return stableStringify({
    version: f.version,
    contentHash: f.contentHash,
    decreeNumber: f.decreeNumber,
    decreeDate: f.decreeDate,
    approver: f.approver,
    approvedAt: f.approvedAt,
  });
}

export function toApprovalRecord(a: ApprovalsTable): ApprovalRecord {
  const fields: SignedFields = {
    version: a.version,
    contentHash: a.content_hash,
    decreeNumber: a.decree_number,
    decreeDate: a.decree_date,
    approver: a.approver,
    approvedAt: a.approved_at,
  };
  return { ...fields, keyId: a.key_id, signature: a.signature, payload: signedPayload(fields) };
}

function parseParticipants(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return []; // only reachable through an edit behind the application's back; verify names that meeting
  }
}

export const toMeetingRecord = (m: Awaited<ReturnType<typeof repo.listMeetings>>[number]): MeetingRecord => ({
  id: m.id,
  date: m.held_on,
  participants: parseParticipants(m.participants),
  decision: m.decision,
  recordedBy: m.username,
  recordedAt: m.recorded_at.toISOString(),
});

/** Everything the approval workflow recorded about version `n` (404 when there is no such version). */
export async function getApprovalInfo(db: Db, n: number): Promise<VersionApprovalInfo> {
  const meta = await getVersionMeta(db, n);
  const [submission, meetings, approval, rejection, publication] = await Promise.all([
    repo.findSubmission(db, n),
    repo.listMeetings(db, n),
    repo.findApproval(db, n),
    repo.findRejection(db, n),
    repo.findPublication(db, n),
  ]);
  return {
    version: toVersionMeta(meta),
    submission: submission ? { submittedBy: submission.username, submittedAt: submission.submitted_at.toISOString() } : null,
    meetings: meetings.map(toMeetingRecord),
    approval: approval ? toApprovalRecord(approval) : null,
    rejection: rejection
      ? { rejectedBy: rejection.username, rejectedAt: rejection.rejected_at.toISOString(), reason: rejection.reason, supersededBy: rejection.superseded_by }
      : null,
    publication: publication ? { publishedBy: publication.username, publishedAt: publication.published_at.toISOString() } : null,
  };
}
