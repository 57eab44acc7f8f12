import type { Generated } from 'kysely';

/** Who sent a version for approval: the four-eyes rule compares the approver with this user. */
export interface VersionSubmissionsTable {
  version: number;
  submitted_by: number;
  submitted_at: Generated<Date>;
}

/** A rapat koordinasi recorded on a submitted version; a version can have several. */
export interface VersionMeetingsTable {
  id: Generated<number>;
  version: number;
  /** YYYY-MM-DD. */
  held_on: string;
  /** JSON array of names. */
  participants: string;
  decision: string;
  recorded_by: number;
  recorded_at: Generated<Date>;
}

/** The signed approval (penetapan with SK). The signature covers the fields marked (signed). */
export interface ApprovalsTable {
  version: number;
  /** (signed) */
  content_hash: string;
  /** (signed) SK number. */
  decree_number: string;
  /** (signed) SK date, YYYY-MM-DD. */
  decree_date: string;
  approver_id: number;
  /** (signed) the approver's username. */
  approver: string;
  /** (signed) ISO timestamp, text so it re-serialises byte for byte. */
  approved_at: string;
  key_id: string;
  /** Ed25519 signature over the canonical payload, base64url. */
  signature: string;
}

export interface VersionRejectionsTable {
  version: number;
  rejected_by: number;
  reason: string;
  /** Set when the version was set aside because a newer one was submitted. */
  superseded_by: number | null;
  rejected_at: Generated<Date>;
}

export interface VersionPublicationsTable {
  version: number;
  published_by: number;
  published_at: Generated<Date>;
}

export interface ApprovalTables {
  version_submissions: VersionSubmissionsTable;
  version_meetings: VersionMeetingsTable;
  approvals: ApprovalsTable;
  version_rejections: VersionRejectionsTable;
  version_publications: VersionPublicationsTable;
}
