/**
 * Every route of the app, who may call it, and what a caller who may gets for the request the matrix sends.
 * test/authz.test.ts checks this table against `app.routes` both ways, so a new endpoint without an entry here (or
 * an entry whose endpoint is gone) fails the suite; test/hostile.test.ts fuzzes the writes listed here.
 *
 * Requests for writes are chosen to stop right after the permission check without changing anything (an empty body
 * → 422, a version or round that does not exist → 404), so the matrix can run every identity against one world.
 */
import { sampleRows } from '../../shared/testing/sample-rows.js';
import type { World } from './world.js';

export const ROLES = ['admin', 'ppid', 'approver', 'unit'] as const;
export type Role = (typeof ROLES)[number];

export interface MatrixRequest {
  path: string;
  json?: unknown;
  body?: FormData;
}

export interface RouteSpec {
  /** `public`: no login, a token (valid or not) changes nothing. Otherwise the roles that pass. */
  access: 'public' | readonly Role[];
  request: (w: World) => MatrixRequest;
  /** The status a caller who passes gets for `request`. */
  ok: number;
  /** A well-formed body (the hostile test mutates it). Routes without one take no body. */
  sample?: (w: World) => unknown;
  /** The call revokes the token it is made with (logout): the matrix spends a fresh one. */
  spendsToken?: true;
}

const ANY: readonly Role[] = ROLES;
const READERS: readonly Role[] = ['ppid', 'approver', 'admin'];
const NO_VERSION = 999_999;
const NO_ROUND = 999_999;
/** A request to a fixed path with no body. */
const at = (path: string) => () => ({ path });

const pushBody = () => ({ message: 'uji', rows: sampleRows(2) });
const hash = '0'.repeat(64);

export const ROUTES: Record<string, RouteSpec> = {
  'GET /healthz': { access: 'public', request: at('/healthz'), ok: 200 },

  'POST /api/auth/login': { access: 'public', request: () => ({ path: '/api/auth/login', json: {} }), ok: 422, sample: () => ({ username: 'ppid', password: 'bukan-sandinya' }) },
  'POST /api/auth/logout': { access: ANY, request: at('/api/auth/logout'), ok: 200, spendsToken: true },
  'GET /api/me': { access: ANY, request: at('/api/me'), ok: 200 },
  'GET /api/units': { access: ANY, request: at('/api/units'), ok: 200 },
  'POST /api/units': { access: ['admin'], request: () => ({ path: '/api/units', json: {} }), ok: 422, sample: () => ({ code: 'UX', name: 'Unit X' }) },
  'GET /api/users': { access: ['admin'], request: at('/api/users'), ok: 200 },
  'POST /api/users': {
    access: ['admin'],
    request: () => ({ path: '/api/users', json: {} }),
    ok: 422,
    sample: () => ({ username: 'staf.baru', password: 'panjang-sekali-1', role: 'unit', unitCode: 'UA' }),
  },

  'GET /api/register': { access: READERS, request: at('/api/register'), ok: 200 },
  'GET /api/register/versions': { access: READERS, request: at('/api/register/versions'), ok: 200 },
  'GET /api/register/versions/:ref': { access: READERS, request: (w) => ({ path: `/api/register/versions/${w.published}` }), ok: 200 },
  'POST /api/register/versions': { access: ['ppid'], request: () => ({ path: '/api/register/versions', json: {} }), ok: 422, sample: pushBody },
  'GET /api/register/diff': { access: READERS, request: (w) => ({ path: `/api/register/diff?from=${w.published}&to=head` }), ok: 200 },
  'GET /api/audit/verify': { access: READERS, request: at('/api/audit/verify'), ok: 200 },
  'GET /api/register/versions/:ref/approval': { access: READERS, request: (w) => ({ path: `/api/register/versions/${w.published}/approval` }), ok: 200 },
  'GET /api/register/versions/:ref/verify': { access: READERS, request: (w) => ({ path: `/api/register/versions/${w.published}/verify` }), ok: 200 },
  'POST /api/register/versions/:ref/submit': { access: ['ppid'], request: () => ({ path: `/api/register/versions/${NO_VERSION}/submit` }), ok: 404 },
  'POST /api/register/versions/:ref/meeting': {
    access: ['ppid'],
    request: (w) => ({ path: `/api/register/versions/${w.draft}/meeting`, json: {} }),
    ok: 422,
    sample: () => ({ date: '2025-02-01', participants: ['Sekretaris PPID'], decision: 'Disepakati' }),
  },
  'POST /api/register/versions/:ref/approve': {
    access: ['approver'],
    request: (w) => ({ path: `/api/register/versions/${w.draft}/approve`, json: {} }),
    ok: 422,
    sample: () => ({ contentHash: hash, decreeNumber: '188.4/1/KPTS/2025', decreeDate: '2025-02-01' }),
  },
  'POST /api/register/versions/:ref/reject': {
    access: ['approver'],
    request: (w) => ({ path: `/api/register/versions/${w.draft}/reject`, json: {} }),
    ok: 422,
    sample: () => ({ reason: 'Belum lengkap' }),
  },
  'POST /api/register/versions/:ref/publish': { access: ['ppid'], request: () => ({ path: `/api/register/versions/${NO_VERSION}/publish` }), ok: 404 },

  'GET /api/reports/monthly': { access: READERS, request: at('/api/reports/monthly?month=2025-02'), ok: 200 },
  'GET /api/reports/coverage': { access: READERS, request: at('/api/reports/coverage'), ok: 200 },
  'GET /api/reports/checklist': { access: READERS, request: at('/api/reports/checklist'), ok: 200 },
  'PUT /api/reports/checklist': {
    access: ['admin'],
    request: () => ({ path: '/api/reports/checklist', json: {} }),
    ok: 422,
    sample: () => ({ items: [{ key: 'renstra', title: 'Rencana Strategis', titleEn: 'Strategic plan', basis: 'Pasal 9', keywords: ['renstra'], expectedCategory: 'berkala' }] }),
  },
  'GET /api/reports/standards': { access: READERS, request: at('/api/reports/standards'), ok: 200 },
  'PUT /api/reports/standards': {
    access: ['admin'],
    request: () => ({ path: '/api/reports/standards', json: {} }),
    ok: 422,
    sample: () => ({ standards: [{ key: 'receive', minutes: 4320 }] }),
  },
  'GET /api/rounds/:ref/progress': { access: READERS, request: (w) => ({ path: `/api/rounds/${w.roundId}/progress` }), ok: 200 },
  'GET /api/rounds/:ref/reminders': { access: ['ppid', 'admin'], request: (w) => ({ path: `/api/rounds/${w.roundId}/reminders` }), ok: 200 },

  'GET /api/rounds/presets': { access: ANY, request: at('/api/rounds/presets'), ok: 200 },
  'POST /api/rounds': {
    access: ['ppid'],
    request: () => ({ path: '/api/rounds', json: {} }),
    ok: 422,
    sample: () => ({ title: 'Pemutakhiran semester II', dueDate: '2099-06-30', unitCodes: ['UA'] }),
  },
  'GET /api/rounds': { access: ANY, request: at('/api/rounds'), ok: 200 },
  'GET /api/rounds/:id': { access: READERS, request: (w) => ({ path: `/api/rounds/${w.roundId}` }), ok: 200 },
  'POST /api/rounds/:id/close': { access: ['ppid'], request: () => ({ path: `/api/rounds/${NO_ROUND}/close` }), ok: 404 },
  'GET /api/rounds/:id/template.xlsx': { access: ['ppid', 'unit'], request: (w) => ({ path: `/api/rounds/${w.roundId}/template.xlsx?unit=UA` }), ok: 200 },
  'GET /api/rounds/:id/template.json': { access: ['ppid', 'unit'], request: (w) => ({ path: `/api/rounds/${w.roundId}/template.json?unit=UA` }), ok: 200 },
  'POST /api/rounds/:id/submissions': {
    access: ['unit'],
    request: (w) => ({ path: `/api/rounds/${w.roundId}/submissions`, json: {} }),
    ok: 422,
    sample: () => ({ rows: sampleRows(2, 700) }),
  },
  'GET /api/rounds/:id/submissions': { access: ANY, request: (w) => ({ path: `/api/rounds/${w.roundId}/submissions` }), ok: 200 },
  'GET /api/rounds/:id/submissions/:sid': { access: ANY, request: (w) => ({ path: `/api/rounds/${w.roundId}/submissions/${w.submissions.UA}` }), ok: 200 },
  'POST /api/rounds/:id/submissions/:sid/review': {
    access: ['ppid'],
    request: (w) => ({ path: `/api/rounds/${w.roundId}/submissions/${w.submissions.UA}/review`, json: {} }),
    ok: 422,
    sample: () => ({ decisions: [{ rowId: '3f0e8a52-8c1e-4c59-9a43-0c4fb4d0a001', status: 'returned', comment: 'Lengkapi ringkasan' }] }),
  },
  'GET /api/rounds/:id/my': { access: ['unit'], request: (w) => ({ path: `/api/rounds/${w.roundId}/my` }), ok: 200 },
  'GET /api/rounds/:id/consolidated': { access: ['ppid'], request: (w) => ({ path: `/api/rounds/${w.roundId}/consolidated` }), ok: 200 },
  'POST /api/import': { access: ['ppid'], request: () => ({ path: '/api/import', json: {} }), ok: 415 },

  'GET /api/keys': { access: 'public', request: at('/api/keys'), ok: 200 },
  'GET /.well-known/dip-sync-keys.json': { access: 'public', request: at('/.well-known/dip-sync-keys.json'), ok: 200 },
  'GET /': { access: 'public', request: at('/'), ok: 200 },
  'GET /dip': { access: 'public', request: at('/dip'), ok: 200 },
  'GET /riwayat': { access: 'public', request: at('/riwayat'), ok: 200 },
  'GET /dip.json': { access: 'public', request: at('/dip.json'), ok: 200 },
  'GET /dip.csv': { access: 'public', request: at('/dip.csv'), ok: 200 },
  'GET /dip.xlsx': { access: 'public', request: at('/dip.xlsx'), ok: 200 },
  'GET /static/publik.css': { access: 'public', request: at('/static/publik.css'), ok: 200 },
};

/** `METHOD /path` of every endpoint the app serves (middleware and static catch-alls, registered as ALL, left out). */
export function appEndpoints(app: { routes: { method: string; path: string }[] }): string[] {
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
}
