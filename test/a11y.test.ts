/**
 * WCAG 2.2 AA of the public site in a real browser: axe-core in Debian's Chromium on the empty, default and filtered
 * views (and riwayat, no-results and a phone-width view) reports no violation, and a keyboard alone reaches the
 * search, every filter and every download, with a visible focus indicator on each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRows } from '../shared/testing/sample-rows.js';
import { launchChromium, runAxe, type AxeViolation, type Browsing } from '../server/src/public/testing.browser.js';
import { publishRows, serveOnLoopback, type Listening } from '../server/src/public/testing.js';
import { testBackends } from '../server/src/testing/backends.js';
import { startTestServer, type TestServer } from '../server/src/testing/server.js';

const backend = testBackends[0]!;

/** Violations as short lines, so a failure says what and where without a wall of JSON. */
const describeViolations = (vs: AxeViolation[]) => vs.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);

describe('public site accessibility (axe-core, keyboard) in Chromium', () => {
  let s: TestServer;
  let web: Listening;
  let browser: Browsing;
  let page: Page;
  const addinDist = mkdtempSync(path.join(tmpdir(), 'dip-a11y-addin-'));

  beforeAll(async () => {
    s = await startTestServer(backend, { config: { addinDist } });
    web = await serveOnLoopback(s.app.fetch);
    browser = await launchChromium();
    page = await browser.context.newPage();
    // Everything is local and server-rendered: a missing element is a failure, not something to wait for.
    page.setDefaultTimeout(5_000);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await s?.database.dispose();
    rmSync(addinDist, { recursive: true, force: true });
  });

  const audit = async (pathAndQuery: string) => {
    const res = await page.goto(`${web.url}${pathAndQuery}`);
    expect(res?.status(), pathAndQuery).toBeLessThan(500);
    return describeViolations(await runAxe(page));
  };

  it('the empty view (nothing published) has no violation', async () => {
    expect(await audit('/dip')).toEqual([]);
    expect(await page.locator('h1').textContent()).toBe('Daftar Informasi Publik');
    expect(await audit('/riwayat')).toEqual([]);
  });

  describe('with a published DIP', () => {
    beforeAll(async () => {
      await publishRows(s, sampleRows(240));
    });

    it('the default view has no violation, on a desktop and on a phone', async () => {
      expect(await audit('/dip')).toEqual([]);
      expect(await page.locator('tr[data-row-id]').count()).toBe(50);
      await page.setViewportSize({ width: 375, height: 740 });
      try {
        expect(await audit('/dip')).toEqual([]);
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    });

    it('the filtered, last-page (DIK), no-results and riwayat views have no violation', async () => {
      expect(await audit('/dip?q=laporan&kategori=berkala&unit=Bidang+Perencanaan&tahun=2017')).toEqual([]);
      expect(Number(await page.locator('[data-total]').textContent())).toBeGreaterThan(0);
      expect(await audit('/dip?halaman=5')).toEqual([]);
      expect(await page.locator('tr[data-dik-id]').count()).toBeGreaterThan(0);
      expect(await audit('/dip?q=tidak-ada-yang-cocok')).toEqual([]);
      expect(await audit('/riwayat')).toEqual([]);
      expect(browser.blocked).toEqual([]);
    });

    it('the audit can fail: an input without its label is reported', async () => {
      await page.goto(`${web.url}/dip`);
      await page.evaluate(() => document.querySelector('label[for="q"]')?.remove());
      expect((await runAxe(page)).map((v) => v.id)).toContain('label');
    });

    it('a keyboard alone reaches the skip link, search, filters and downloads, each with a visible focus', async () => {
      await page.goto(`${web.url}/dip`);
      const reached: string[] = [];
      const unfocusedLook: string[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const key = el.id ? `#${el.id}` : el.getAttribute('href') ?? `${el.tagName.toLowerCase()}:${el.textContent?.trim()}`;
          return { key, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
        });
        if (!f) continue;
        reached.push(f.key);
        if (f.outline === 'none' || f.width < 2) unfocusedLook.push(f.key);
      }
      expect(reached[0]).toBe('#isi');
      for (const want of ['#q', '#kategori', '#unit', '#tahun', 'button:Cari', '/dip.xlsx', '/dip.csv', '/dip.json']) expect(reached, want).toContain(want);
      expect(unfocusedLook).toEqual([]);

      // And searching works from the keyboard: type, Enter, a new page with the results (no script involved).
      await page.focus('#q');
      await page.keyboard.type('laporan keuangan');
      await Promise.all([page.waitForURL(/\/dip\?q=laporan\+keuangan/), page.keyboard.press('Enter')]);
      expect(await page.locator('#q').inputValue()).toBe('laporan keuangan');
      expect(await page.locator('tr[data-row-id]').count()).toBeGreaterThan(0);
    });
  });
});
