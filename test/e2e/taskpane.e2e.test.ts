/**
 * The task pane end to end: the built pane (addin/dist) and Office.js from its npm package, served by the real
 * server over a real database on a loopback port, in Debian's Chromium — with Excel replaced by the in-page
 * workbook stand-in (workbookStandIn.ts), which models only the Office.js calls the adapter makes.
 *
 * Where the stand-in goes in (officeStandIn.ts explains it in full): Office.js overwrites an Office stand-in put in
 * before it, and outside a host redefines Office.context once more from a script it loads itself; it never defines
 * window.Excel there. So Excel is set at once, and Office.onReady / Office.context are patched on the load event of
 * each script from /office-js/ — after Office.js ran, before the pane's module script asks Office.onReady.
 *
 * The story: a PPID officer signs in, creates the DIP sheet, types rows, validates (an error is marked on its cell
 * and the issue leads to it), fixes it and pushes version 1; while they review their next push, a colleague (plain
 * fetch, another ppid user) pushes version 2; the officer's push gets 412, the pane lists the row both touched, the
 * officer pulls and re-applies, pushes version 3, and the server's head holds both people's changes.
 * Screenshots of each pane go to test/artifacts/ at 1280×800 and 350 px wide.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VersionWithRows } from '../../shared/api.js';
import { DIP_HEADERS, columnIndex } from '../../shared/columns.js';
import { parseDipGrid, toDipGrid } from '../../shared/grid.js';
import type { DipRow, StoredDipRow } from '../../shared/row.js';
import { sampleRows } from '../../shared/testing/sample-rows.js';
import { validateRows } from '../../shared/validate.js';
import { knownUnitNames } from '../../server/src/auth/auth.service.js';
import { id as t } from '../../addin/src/i18n/id.js';
import { launchChromium, type Browsing } from '../../server/src/public/testing.browser.js';
import { serveOnLoopback, type Listening } from '../../server/src/public/testing.js';
import { testBackends } from '../../server/src/testing/backends.js';
import { TEST_PASSWORD, startTestServer, type TestServer } from '../../server/src/testing/server.js';
import { ensureTaskpaneBuilt } from './buildTaskpane.js';
import { SIZES, recordConsoleErrors, screenshots, see, seeText, standInStats, workbook } from './pane.js';
import { suppressOfficeTelemetryFrame } from './officeTelemetry.js';
import { createBatch } from './officeObjects.js';
import { installOfficeStandIn, type OfficeStandInOptions } from './officeStandIn.js';
import { installWorkbookStandIn } from './workbookStandIn.js';

const header = (key: Parameters<typeof columnIndex>[0]) => DIP_HEADERS[columnIndex(key)] ?? '';
const BAD_LINK = 'ppid.contoh.go.id/dokumen/2';
const OFFICE_BASE = '/office-js/';

/** What the pane's validation says about a grid: the same shared/ rules, run here. */
/** What "Periksa lembar" should say of `grid`, owning units matched against the server's (`knownUnits`), as the pane does. */
function expectedSummary(grid: string[][], knownUnits: string[] | undefined): string {
  const parsed = parseDipGrid(grid);
  const issues = [...parsed.issues, ...validateRows(parsed.rows, { knownUnits })];
  const errors = issues.filter((i) => i.severity === 'error').length;
  return issues.length === 0 ? t.validate.clean(parsed.rows.length) : t.validate.summary(parsed.rows.length, errors, issues.length - errors);
}

const byId = (rows: readonly StoredDipRow[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe('task pane in Chromium against the real server', () => {
  let s: TestServer;
  let web: Listening;
  let b: Browsing;
  const pageErrors: string[] = [];

  const api = async <T>(path: string, token: string, init: RequestInit = {}): Promise<{ status: number; etag: string | null; body: T }> => {
    const res = await fetch(`${web.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });
    return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as T };
  };

  async function openPane(withExcel: boolean): Promise<Page> {
    const page = await b.context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    recordConsoleErrors(page);
    await page.addInitScript({ content: `(${suppressOfficeTelemetryFrame.toString()})(${JSON.stringify(OFFICE_BASE)});` });
    if (withExcel) {
      const opts: OfficeStandInOptions = { apiVersion: '1.18', partitionKey: 'e2e-partisi', officeBase: OFFICE_BASE };
      await page.addInitScript({ content: `(${installOfficeStandIn.toString()})(${JSON.stringify(opts)});` });
      await page.addInitScript({ content: `(${installWorkbookStandIn.toString()})(${createBatch.toString()});` });
    }
    await page.goto(`${web.url}/taskpane.html`);
    return page;
  }

  beforeAll(async () => {
    await ensureTaskpaneBuilt(); // before the app is created: it decides at start whether addin/dist exists
    s = await startTestServer(testBackends.at(-1)!); // Postgres when DATABASE_URL is set, else PGlite
    web = await serveOnLoopback(s.app.fetch);
    b = await launchChromium({ viewport: { width: SIZES[0].width, height: SIZES[0].height } });
  });
  afterAll(async () => {
    await b?.close();
    await web?.close();
    await s?.database.dispose();
  });

  it('signs in, validates, pushes, meets a 412 from a second client, pulls and re-applies, pushes both changes', async () => {
    const page = await openPane(true);

    // Sign in (the server address defaults to the page's own origin).
    await see(page, page.getByRole('heading', { name: t.auth.title }));
    expect(await page.getByLabel(t.auth.serverUrl).inputValue()).toBe(web.url);
    await screenshots(page, 'masuk');
    await page.getByLabel(t.auth.username).fill('ppid');
    await page.getByLabel(t.auth.password).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: t.auth.signIn, exact: true }).click();
    await see(page, page.getByRole('tab', { name: t.tabs.sheet }));

    // Lembar DIP: create the sheet, type six rows (one with a link that is not a URL), validate.
    await page.getByRole('button', { name: t.sheet.ensure }).click();
    await seeText(page, t.sheet.created);
    const typed = toDipGrid(sampleRows(6));
    typed[3]![columnIndex('link')] = BAD_LINK;
    typed[5]![columnIndex('category')] = typed[5]![columnIndex('category')]!.toLowerCase(); // read as the same kategori
    await workbook(page, 'typeRows', [0, typed.slice(1)]);
    await page.getByRole('button', { name: t.validate.run }).click();
    await seeText(page, expectedSummary(typed, await knownUnitNames(s.db)));
    expect(await workbook(page, 'fill', [2, header('link')])).toBe('#FFC7CE');
    expect(await workbook(page, 'note', [2, header('link')])).toMatch(/^\[DIP Sync\]\n• .*ppid\.contoh\.go\.id/);
    await page.getByRole('button', { name: new RegExp(`^Baris 4 · ${header('link')}`) }).click();
    await expect.poll(() => workbook(page, 'selection', [])).toBe('DIP!K4');
    await screenshots(page, 'lembar-dip');

    // The officer fixes the cell; validating again clears the mark.
    const fixedLink = 'https://ppid.contoh.go.id/dokumen/2';
    await workbook(page, 'typeCell', [2, header('link'), fixedLink]);
    typed[3]![columnIndex('link')] = fixedLink;
    await page.getByRole('button', { name: t.validate.run }).click();
    await seeText(page, expectedSummary(typed, await knownUnitNames(s.db)));
    expect(await workbook(page, 'fill', [2, header('link')])).toBeNull();

    // Sinkron: the first version of the register.
    await page.getByRole('tab', { name: t.tabs.sync }).click();
    await page.getByRole('button', { name: t.sync.preparePush }).click();
    await see(page, page.getByRole('heading', { name: t.push.headingFirst }));
    await page.getByLabel(t.push.message).fill('DIP awal tahun 2024');
    const [firstPush] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/api/register/versions') && r.method() === 'POST'),
      page.getByRole('button', { name: t.push.submit }).click(),
    ]);
    await seeText(page, t.sync.pushed(1, 6));
    // The browser compressed the body (CompressionStream) and the server read it as sent: the rows below are the push's.
    expect((await firstPush.allHeaders())['content-encoding']).toBe('gzip');
    const v1 = await api<VersionWithRows>('/api/register/versions/1', s.tokens.ppid);
    const afterPush = await workbook<string[][]>(page, 'tableGrid', []);
    // Only the hidden ID column was written: the ids the server gave, every other cell as typed (the lower-case
    // kategori too, which a rewrite of the rows would have normalised).
    expect(afterPush.slice(1).map((r) => r[0])).toEqual(v1.body.rows.map((r) => r.id));
    expect(afterPush.map((r) => r.slice(1))).toEqual(typed.map((r) => r.slice(1)));

    // The officer edits two rows in Excel and asks to push; the review shows the changes against version 1.
    await workbook(page, 'typeCell', [0, header('summary'), 'Ringkasan diperbarui oleh PPID di Excel.']);
    await workbook(page, 'typeCell', [3, header('notes'), 'Diperiksa ulang bulan Maret']);
    await page.getByRole('button', { name: t.sync.preparePush }).click();
    await see(page, page.getByRole('heading', { name: t.push.heading(1) }));

    // Meanwhile a colleague pushes version 2 from another client: a new title on row 0 and a new row.
    const head = await api<VersionWithRows>('/api/register/versions/head', s.tokens.ppid2);
    const theirs: DipRow[] = head.body.rows.map((r, i) => (i === 0 ? { ...r, title: 'Rencana Strategis 2015–2019 (revisi)' } : r));
    theirs.push(sampleRows(1, 100)[0]!);
    const v2 = await api<{ version: { version: number } }>('/api/register/versions', s.tokens.ppid2, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-match': head.etag ?? '', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ message: 'Revisi judul renstra dan tambahan dari Bidang Umum', rows: theirs }),
    });
    expect(v2.status).toBe(201);
    expect(v2.body.version.version).toBe(2);

    // The officer's push is now stale: the server answers 412 and the pane shows the row both of them touched.
    await page.getByLabel(t.push.message).fill('Ringkasan dan catatan diperbarui');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/register/versions') && r.request().method() === 'POST'),
      page.getByRole('button', { name: t.push.submit }).click(),
    ]);
    expect(refused.status()).toBe(412);
    await see(page, page.getByRole('heading', { name: t.conflict.title }));
    await seeText(page, t.conflict.staleTitle(1, 2));
    await seeText(page, t.conflict.overlapHeading(1));
    const both = page.getByRole('listitem').filter({ hasText: sampleRows(1)[0]!.title });
    await see(page, both.filter({ hasText: `${t.conflict.you}: ${header('summary')}` }).filter({ hasText: `${t.conflict.server}: ${header('title')}` }));
    await screenshots(page, 'sinkron-konflik');

    // Pull and re-apply: no field was changed by both, so it is clean; the sheet then holds 7 rows on version 2.
    await page.getByRole('button', { name: t.conflict.reapply }).click();
    await see(page, page.getByRole('heading', { name: t.reapply.heading(2) }));
    await seeText(page, t.reapply.clean);
    await page.getByRole('button', { name: t.reapply.apply(7) }).click();
    await seeText(page, t.sync.reapplied(2, 7));

    // Push again: version 3.
    await page.getByRole('button', { name: t.sync.preparePush }).click();
    await see(page, page.getByRole('heading', { name: t.push.heading(2) }));
    await page.getByLabel(t.push.message).fill('Ringkasan dan catatan diperbarui');
    await page.getByRole('button', { name: t.push.submit }).click();
    await seeText(page, t.sync.pushed(3, 7));

    // The head holds the colleague's version 2 with the officer's two edits on top, nothing else changed.
    const register = await api<{ head: number }>('/api/register', s.tokens.ppid);
    expect(register.body.head).toBe(3);
    const v2rows = (await api<VersionWithRows>('/api/register/versions/2', s.tokens.ppid)).body.rows;
    const v3rows = (await api<VersionWithRows>('/api/register/versions/3', s.tokens.ppid)).body.rows;
    const expected = v2rows.map((r) =>
      r.id === v1.body.rows[0]!.id ? { ...r, summary: 'Ringkasan diperbarui oleh PPID di Excel.' } : r.id === v1.body.rows[3]!.id ? { ...r, notes: 'Diperiksa ulang bulan Maret' } : r,
    );
    expect(byId(v3rows)).toEqual(byId(expected));
    expect(v3rows.find((r) => r.id === v1.body.rows[0]!.id)?.title).toBe('Rencana Strategis 2015–2019 (revisi)');
    // The colleague's new row reached the sheet with its id.
    const finalGrid = await workbook<string[][]>(page, 'tableGrid', []);
    expect(finalGrid.slice(1).map((r) => r[0]).sort()).toEqual(v3rows.map((r) => r.id).sort());

    // Riwayat: the three versions, and the diff of the last one against its parent.
    await page.getByRole('tab', { name: t.tabs.history }).click();
    await see(page, page.getByRole('button', { name: t.history.compareWithParent(2) }));
    await see(page, page.getByRole('button', { name: t.history.compareWithParent(1) })); // on version 2's entry
    await page.getByRole('button', { name: t.history.compareWithParent(2) }).click();
    await seeText(page, t.history.diffHeading(2, 3));
    await screenshots(page, 'riwayat');

    const stats = await standInStats(page);
    expect(stats.misses).toEqual([]);
    expect(stats.syncs).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    expect(b.blocked).toEqual([]);
  }, 90_000);

  it('says politely that it must be opened from Excel when Office.js finds no host', async () => {
    const page = await openPane(false);
    await see(page, page.getByRole('heading', { name: t.outside.title }));
    await seeText(page, t.outside.thanks);
    await screenshots(page, 'di-luar-excel');
    expect(pageErrors).toEqual([]);
    expect(b.blocked).toEqual([]);
  });
});
