/**
 * Request and response shapes of the HTTP API, shared by the server (which validates the requests with these
 * schemas) and the task pane (which sends them). See ../shared/DESIGN.md, "HTTP contract".
 */
import { z } from 'zod';
import type { RowDiff } from './diff.js';
import type { ValidationIssue } from './issues.js';
import { dipRowsSchema, type StoredDipRow } from './row.js';

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
export const createUnitSchema = z.strictObject({ code: unitCodeSchema, name: z.string().trim().min(1).max(300) });
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

export const pushRequestSchema = z.strictObject({
  message: z.string().trim().min(1, 'pesan versi wajib diisi').max(1000),
  rows: dipRowsSchema,
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

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
