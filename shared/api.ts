/**
 * Request and response shapes of the HTTP API, shared by the server (which validates the requests with these
 * schemas) and the task pane (which sends them). See ../shared/DESIGN.md, "HTTP contract".
 */
import { z } from 'zod';
import { canonicalRowJson } from './canonical.js';
import type { RowDiff } from './diff.js';
import type { ValidationIssue } from './issues.js';
import { plainText } from './plain-text.js';
import { dipRowsSchema, MAX_ROWS, type StoredDipRow } from './row.js';

export const ROLES = ['admin', 'ppid', 'approver', 'unit'] as const;
export type Role = (typeof ROLES)[number];

export const VERSION_STATES = ['draft', 'submitted', 'approved', 'published', 'rejected'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

export interface ApiErrorBody {
  error: { code: string; message: string; messageEn?: string; details?: unknown };
}

export const loginRequestSchema = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export interface UserInfo {
  id: number;
  username: string;
  role: Role;
  unitCode: string | null;
}
export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: UserInfo;
}

export const unitCodeSchema = z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'kode unit: huruf, angka, . _ - (maks. 40)');
export const createUnitSchema = z.strictObject({ code: unitCodeSchema, name: plainText().trim().min(1).max(300) });
export type CreateUnitRequest = z.infer<typeof createUnitSchema>;
export interface Unit {
  code: string;
  name: string;
}

export const createUserSchema = z
  .strictObject({
    username: z.string().regex(/^[A-Za-z0-9._@-]{3,100}$/, 'nama pengguna: 3–100 huruf, angka, . _ @ -'),
    password: z.string().min(10, 'kata sandi minimal 10 karakter').max(200),
    role: z.enum(ROLES),
    unitCode: unitCodeSchema.optional(),
  })
  .refine((u) => (u.role === 'unit') === (u.unitCode !== undefined), {
    message: 'unitCode wajib untuk peran unit, dan hanya untuk peran unit',
    path: ['unitCode'],
  });
export type CreateUserRequest = z.infer<typeof createUserSchema>;

export interface VersionMeta {
  version: number;
  parent: number | null;
  author: string;
  message: string;
  contentHash: string;
  rowCount: number;
  state: VersionState;
  createdAt: string;
}

export interface RegisterInfo {
  head: number | null;
  published: number | null;
}

const pushMessageSchema = plainText().trim().min(1, 'pesan versi wajib diisi').max(1000);

export const pushRequestSchema = z.strictObject({
  message: pushMessageSchema,
  rows: dipRowsSchema,
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * A push body as the task pane sends it: each row in its canonical form (keys sorted, absent fields left out),
 * which is also the form the server stores, so the server can take each row's bytes as they are
 * (canonical.ts). Any other JSON with the same content is accepted the same way, only a little slower.
 */
export function pushRequestJson(req: PushRequest): string {
  return `{"message":${JSON.stringify(req.message)},"rows":[${req.rows.map((r) => canonicalRowJson(r)).join(',')}]}`;
}

/**
 * The push body as the server first checks it: the message and the row count. Each row is then checked against
 * `dipRowSchema` in the same pass that stores it, so the database takes the first rows while later ones are still
 * being checked; a row that fails rolls the whole push back. Together the two checks are `pushRequestSchema`.
 */
export const pushEnvelopeSchema = z.strictObject({
  message: pushMessageSchema,
  rows: z.array(z.unknown()).max(MAX_ROWS),
});
export type PushEnvelope = z.infer<typeof pushEnvelopeSchema>;

export interface PushResponse {
  version: VersionMeta;
  diff: RowDiff;
  issues: ValidationIssue[];
  /** The stored id of each pushed row, in the order the rows were sent (new rows get theirs here). */
  ids: string[];
}

export interface VersionWithRows {
  version: VersionMeta;
  rows: StoredDipRow[];
}

/** Body of a 412 on a stale push: what changed on the server since the client's base. */
export interface StaleBaseBody extends ApiErrorBody {
  base: number | null;
  head: number | null;
  diff: RowDiff;
}

// ---- Approval workflow (DESIGN.md steps 7–9): meeting, approval with SK, rejection, publication ----

/** A calendar date `YYYY-MM-DD` that exists (no 2024-02-30). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal: YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'tanggal tidak ada di kalender');

export const meetingRequestSchema = z.strictObject({
  date: isoDateSchema,
  participants: z.array(plainText().trim().min(1).max(200)).min(1, 'peserta rapat wajib diisi').max(200),
  decision: plainText().trim().min(1, 'keputusan rapat wajib diisi').max(10_000),
});
export type MeetingRequest = z.infer<typeof meetingRequestSchema>;

export const approveRequestSchema = z.strictObject({
  /** The content hash the approver saw: approval binds exactly that content. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'hash isi: 64 digit heksadesimal'),
  decreeNumber: plainText().trim().min(1, 'nomor SK wajib diisi').max(200),
  decreeDate: isoDateSchema,
});
export type ApproveRequest = z.infer<typeof approveRequestSchema>;

export const rejectRequestSchema = z.strictObject({
  reason: plainText().trim().min(1, 'alasan penolakan wajib diisi').max(10_000),
});
export type RejectRequest = z.infer<typeof rejectRequestSchema>;

export interface MeetingRecord {
  id: number;
  date: string;
  participants: string[];
  decision: string;
  recordedBy: string;
  recordedAt: string;
}

/** A signed approval. `signature` is Ed25519 (base64url) by key `keyId` of GET /api/keys over `payload`. */
export interface ApprovalRecord {
  version: number;
  contentHash: string;
  decreeNumber: string;
  decreeDate: string;
  approver: string;
  approvedAt: string;
  keyId: string;
  signature: string;
  /** The exact text that was signed (canonical JSON of the six fields above it). */
  payload: string;
}

export interface RejectionRecord {
  rejectedBy: string;
  rejectedAt: string;
  reason: string;
  /** Set when the version was set aside because a newer version was submitted. */
  supersededBy: number | null;
}

/** GET /api/register/versions/:n/approval, and the answer of each workflow step. */
export interface VersionApprovalInfo {
  version: VersionMeta;
  submission: { submittedBy: string; submittedAt: string } | null;
  meetings: MeetingRecord[];
  approval: ApprovalRecord | null;
  rejection: RejectionRecord | null;
  publication: { publishedBy: string; publishedAt: string } | null;
}

export type VerifyFindingKind = 'row' | 'version' | 'approval' | 'submission' | 'meeting' | 'rejection' | 'publication';

/** GET /api/register/versions/:n/verify */
export interface VersionVerifyReport {
  ok: boolean;
  version: number;
  state: VersionState;
  /** As stored on the version. */
  contentHash: string;
  /** Recomputed from the stored row bodies. */
  recomputedHash: string;
  rowCount: number;
  /** The approval signature, when the version has an approval. */
  signature?: 'valid' | 'invalid' | 'unknown_key';
  /** The first row or record that does not match, and why. */
  firstBad?: { kind: VerifyFindingKind; id: string; reason: string };
}
