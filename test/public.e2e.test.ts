/**
 * The public site end to end: the real server on a loopback port, a 5,000-row DIP published through the real
 * workflow, Debian's Chromium as the citizen — with JavaScript off (the site must not need it), printing,
 * downloading, and being framed (refused) next to the task pane (allowed, Office frames it).
 */
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRows } from '../shared/testing/sample-rows.js';
import { launchChromium, type Browsing } from '../server/src/public/testing.browser.js';
import { publishRows, serveOnLoopback, type Listening, type Pushed } from '../server/src/public/testing.js';
import { testBackends } from '../server/src/testing/backends.js';
import { startTestServer, type TestServer } from '../server/src/testing/server.js';

const N = 5_000;
const TASKPANE_MARK = 'PANEL-TUGAS-UJI';

describe('public site in Chromium', () => {
  let s: TestServer;
  let web: Listening;
  let pushed: Pushed;
  const addinDist = mkdtempSync(path.join(tmpdir(), 'dip-e2e-addin-'));
  const downloads = mkdtempSync(path.join(tmpdir(), 'dip-e2e-dl-'));

  beforeAll(async () => {
    // A stand-in task pane build: what matters is how the server serves it, not what it shows.
    mkdirSync(path.join(addinDist, 'assets'));
    writeFileSync(path.join(addinDist, 'taskpane.html'), `<!doctype html><html lang="id"><title>${TASKPANE_MARK}</title><p>${TASKPANE_MARK}</p></html>`);
    s = await startTestServer(testBackends[0]!, { config: { addinDist } });
    pushed = await publishRows(s, sampleRows(N));
    web = await serveOnLoopback(s.app.fetch);
  });
  afterAll(async () => {
    await web?.close();
    await s?.database.dispose();
    rmSync(addinDist, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
  });

  describe('with JavaScript switched off', () => {
    let b: Browsing;
    let page: Page;
    beforeAll(async () => {
      b = await launchChromium({ javaScriptEnabled: false });
      page = await b.context.newPage();
      page.setDefaultTimeout(10_000);
    });
    afterAll(async () => b?.close());

    it('renders the 5,000-row DIP, searches, filters and pages with the plain form and links', async () => {
      await page.goto(`${web.url}/`);
      expect(await page.locator('h1').textContent()).toBe('Daftar Informasi Publik');
      expect(await page.locator('tr[data-row-id]').count()).toBe(50);
      expect(await page.locator('[data-total]').textContent()).toBe('5.000');
      expect(await page.locator('code.hash').textContent()).toBe(pushed.contentHash);

      await page.locator('#q').fill('laporan keuangan');
      await page.locator('#kategori').selectOption('berkala');
      await Promise.all([page.waitForURL(/\/dip\?/), page.getByRole('button', { name: 'Cari' }).click()]);
      const url = new URL(page.url());
      expect(url.searchParams.get('q')).toBe('laporan keuangan');
      expect(url.searchParams.get('kategori')).toBe('berkala');
      // Titles carry the topic; "Laporan Keuangan" is topic 1 of 7 and berkala is every 4th row.
      const expected = sampleRows(N).filter((r) => r.category === 'berkala' && `${r.title}\n${r.summary}\n${r.owningUnit}`.toLowerCase().includes('laporan') && `${r.title}\n${r.summary}\n${r.owningUnit}`.toLowerCase().includes('keuangan')).length;
      expect(await page.locator('[data-total]').textContent()).toBe(expected.toLocaleString('id-ID'));
      expect(await page.locator('section.group').count()).toBe(1);
      expect(await page.locator('section.group-berkala').count()).toBe(1);
      expect(await page.locator('#q').inputValue()).toBe('laporan keuangan');

      await Promise.all([page.waitForURL(/halaman=2/), page.getByRole('link', { name: 'Berikutnya' }).click()]);
      const next = new URL(page.url());
      expect(next.searchParams.get('q')).toBe('laporan keuangan');
      expect(next.searchParams.get('kategori')).toBe('berkala');
      expect(await page.locator('nav.pager a[aria-current="page"]').textContent()).toBe('2');

      await Promise.all([page.waitForURL(`${web.url}/dip`), page.getByRole('link', { name: 'Hapus pencarian' }).click()]);
      expect(await page.locator('[data-total]').textContent()).toBe('5.000');
      expect(b.blocked).toEqual([]);
    });

    it('downloads the XLSX and CSV from the page links', async () => {
      await page.goto(`${web.url}/dip`);
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel (.xlsx)' }).click()]);
      expect(xlsx.suggestedFilename()).toBe(`dip-versi-${pushed.version}.xlsx`);
      const file = path.join(downloads, 'dip.xlsx');
      await xlsx.saveAs(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(wb.getWorksheet('DIP')!.actualRowCount).toBe(1 + N * 0.75);
      expect(wb.getWorksheet('DIK')!.actualRowCount).toBe(1 + N * 0.25);
      let formulas = 0;
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (c.formula && formulas++))));
      expect(formulas).toBe(0);

      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV (UTF-8)' }).click()]);
      const csvFile = path.join(downloads, 'dip.csv');
      await csv.saveAs(csvFile);
      const bytes = readFileSync(csvFile);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(1 + N);
    });
  });

  describe('with JavaScript on (as most browsers are)', () => {
    let b: Browsing;
    let page: Page;
    const consoleErrors: string[] = [];
    beforeAll(async () => {
      b = await launchChromium();
      page = await b.context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    });
    afterAll(async () => b?.close());

    it('loads every page without a CSP violation or console error', async () => {
      for (const p of ['/dip', '/dip?kategori=dikecualikan', '/riwayat', '/dip?q=xyz']) {
        const res = await page.goto(`${web.url}${p}`);
        expect(res?.status(), p).toBe(200);
      }
      expect(consoleErrors).toEqual([]);
    });

    it('prints on A4 landscape: header row on every page, no navigation, search or pager', async () => {
      await page.goto(`${web.url}/dip`);
      await page.emulateMedia({ media: 'print' });
      try {
        const display = await page.evaluate(() =>
          Object.fromEntries(
            ['.site-header', 'form.search', '.downloads', 'nav.pager', '.skip-link', 'thead'].map((sel) => [sel, getComputedStyle(document.querySelector(sel)!).display]),
          ),
        );
        expect(display).toEqual({ '.site-header': 'none', 'form.search': 'none', '.downloads': 'none', 'nav.pager': 'none', '.skip-link': 'none', thead: 'table-header-group' });
        const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
        const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
        expect(boxes.length).toBeGreaterThan(1);
        // A4 landscape is 842 × 595 points.
        for (const box of boxes) expect(box).toEqual([842, 595]);
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    });

    it('refuses to be framed on the public pages, while the task pane stays frameable', async () => {
      // Another origin (another port) framing both, as Office on the web frames the task pane from its own.
      const host = await serveOnLoopback(
        () =>
          new Response(`<!doctype html><html lang="id"><title>bingkai</title><iframe name="dip" src="${web.url}/dip"></iframe><iframe name="pane" src="${web.url}/taskpane.html"></iframe></html>`, {
            headers: { 'content-type': 'text/html; charset=utf-8' },
          }),
      );
      try {
        await page.goto(host.url);
        await page.waitForLoadState('load');
        const pane = page.frame({ name: 'pane' })!;
        expect(await pane.locator('p').textContent()).toBe(TASKPANE_MARK);
        const dip = page.frame({ name: 'dip' })!;
        // A frame refused by frame-ancestors / X-Frame-Options is left on Chromium's error page: none of the DIP.
        expect(dip.url()).toMatch(/^chrome-error:/);
        expect(await dip.locator('[data-row-id]').count()).toBe(0);
      } finally {
        await host.close();
      }
    });
  });
});
