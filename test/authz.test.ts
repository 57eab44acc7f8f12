/**
 * Authorisation matrix: every endpoint the app serves × every role (admin, ppid, approver, unit) and no token, an
 * expired, a revoked and a made-up token. The table (helpers/routes.ts) is checked against `app.routes`, so an endpoint
 * added without an entry fails here. Then: a unit never sees another unit's rows, through any endpoint it may call.
 */
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../server/src/auth/auth.service.js';
import { testBackends } from '../server/src/testing/backends.js';
import { TEST_PASSWORD } from '../server/src/testing/server.js';
import { appEndpoints, ROLES, ROUTES, type Role, type RouteSpec } from './helpers/routes.js';
import { buildWorld, type World } from './helpers/world.js';

const IDENTITIES = ['none', 'expired', 'revoked', 'forged', ...ROLES] as const;
type Identity = (typeof IDENTITIES)[number];
const USER_OF: Record<Role, 'admin' | 'ppid' | 'approver' | 'unitA'> = { admin: 'admin', ppid: 'ppid', approver: 'approver', unit: 'unitA' };

function expected(spec: RouteSpec, who: Identity): number {
  if (spec.access === 'public') return spec.ok;
  if (who === 'none' || who === 'expired' || who === 'revoked' || who === 'forged') return 401;
  return spec.access.includes(who) ? spec.ok : 403;
}

/** Every string cell of a workbook, one per line. */
async function workbookText(bytes: ArrayBuffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return cells.join('\n');
}

describe.each(testBackends)('authorisation on $name', (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
  });
  afterAll(() => w.s.database.dispose());

  async function tokenOf(who: Identity, spec: RouteSpec): Promise<string | undefined> {
    switch (who) {
      case 'none':
        return undefined;
      case 'expired':
        return w.expiredToken;
      case 'revoked':
        return w.revokedToken;
      case 'forged':
        return randomBytes(32).toString('base64url');
      default:
        return spec.spendsToken ? (await login(w.s.db, USER_OF[who], TEST_PASSWORD, w.s.config.tokenTtlMs)).token : w.s.tokens[USER_OF[who]];
    }
  }

  it('the table lists exactly the endpoints the app serves', () => {
    expect(appEndpoints(w.s.app).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it.each(Object.keys(ROUTES))('%s', async (key) => {
    const spec = ROUTES[key]!;
    const method = key.split(' ')[0]!;
    const want: Record<string, number> = {};
    const got: Record<string, number> = {};
    for (const who of IDENTITIES) {
      const req = spec.request(w);
      const token = await tokenOf(who, spec);
      const res = await w.s.request(req.path, { method, ...(token ? { token } : {}), ...(req.json !== undefined ? { json: req.json } : {}), ...(req.body ? { body: req.body } : {}) });
      await res.arrayBuffer();
      want[who] = expected(spec, who);
      got[who] = res.status;
    }
    expect(got).toEqual(want);
  });

  describe('a unit never sees another unit’s rows', () => {
    const round = () => `/api/rounds/${w.roundId}`;

    it('not its submission, its receipts, or its template', async () => {
      const other = await w.s.request(`${round()}/submissions/${w.submissions.UA}`, { token: w.s.tokens.unitB });
      expect(other.status).toBe(404);
      const receipts = (await (await w.s.request(`${round()}/submissions?unit=UA`, { token: w.s.tokens.unitB })).json()) as { receipts: { unitCode: string }[] };
      expect(receipts.receipts.length).toBeGreaterThan(0);
      expect(receipts.receipts.every((r) => r.unitCode === 'UB')).toBe(true);
      expect((await w.s.request(`${round()}/template.xlsx?unit=UA`, { token: w.s.tokens.unitB })).status).toBe(403);
    });

    it('no endpoint a unit may call carries the other unit’s submitted or published rows', async () => {
      const publishedUA = w.publishedTitles.UA;
      expect(publishedUA.length).toBeGreaterThan(0);
      const own = await workbookText(await (await w.s.request(`${round()}/template.xlsx`, { token: w.s.tokens.unitA })).arrayBuffer());
      // The check below can see what it is looking for: unit A's own template does hold what unit A sent.
      expect(w.titles.UA.every((t) => own.includes(t))).toBe(true);

      const unitRoutes = Object.entries(ROUTES).filter(([key, spec]) => key.startsWith('GET ') && spec.access !== 'public' && spec.access.includes('unit'));
      expect(unitRoutes.length).toBeGreaterThan(3);
      for (const [key, spec] of unitRoutes) {
        const path = spec.request(w).path.replace(`submissions/${w.submissions.UA}`, `submissions/${w.submissions.UB}`).replace('unit=UA', 'unit=UB');
        const res = await w.s.request(path, { token: w.s.tokens.unitB });
        expect(res.status, key).toBe(200);
        const text = key.endsWith('.xlsx') ? await workbookText(await res.arrayBuffer()) : await res.text();
        for (const title of [...w.titles.UA, ...publishedUA]) expect(text, `${key} shows "${title}" to unit UB`).not.toContain(title);
        // Sanity: unit B does see its own submission where it should.
        if (key === 'GET /api/rounds/:id/submissions/:sid') expect(text).toContain(w.titles.UB[0]);
      }
    });

    it('unpublished submissions never reach the public site', async () => {
      for (const path of ['/dip', '/dip.json', '/dip.csv', '/riwayat']) {
        const text = await (await w.s.request(path)).text();
        for (const title of [...w.titles.UA, ...w.titles.UB]) expect(text, path).not.toContain(title);
      }
    });
  });
});
