import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { testConfig } from '../config.js';
import { testBackends, type TestDatabase } from '../testing/backends.js';
import { CACHE_HASHED, CACHE_OFFICE_JS, CACHE_REVALIDATE } from './static-files.js';

/** The task pane's files and Office.js as a slow office line gets them: cached, revalidated by ETag, compressed. */
describe('static files', () => {
  let database: TestDatabase;
  let dist: string;
  let app: ReturnType<typeof createApp>;
  const bundle = `console.log(${JSON.stringify('panel tugas '.repeat(5000))});`;

  beforeAll(async () => {
    database = await testBackends[0]!.create({});
    // A build as Vite lays it out: the page, and its script under a hashed name.
    dist = mkdtempSync(path.join(tmpdir(), 'dip-static-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'taskpane.html'), '<!doctype html><title>DIP Sync</title><script src="/assets/taskpane-DequWOQv.js"></script>');
    writeFileSync(path.join(dist, 'assets', 'taskpane-DequWOQv.js'), bundle);
    app = createApp({ db: database.handle.db, config: testConfig({ addinDist: dist }) });
  });
  afterAll(async () => {
    await database.dispose();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends Office.js compressed to a browser that asks, kept for a day, and answers a revalidation with 304', async () => {
    const file = readFileSync(path.join(testConfig().officeJsDist, 'office.js'));
    const plain = await app.request('/office-js/office.js');
    expect(plain.status).toBe(200);
    expect(Buffer.from(await plain.arrayBuffer()).equals(file)).toBe(true);
    expect(plain.headers.get('cache-control')).toBe(CACHE_OFFICE_JS);
    const tag = plain.headers.get('etag')!;
    expect(tag).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);

    const gz = await app.request('/office-js/office.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toBe('Accept-Encoding');
    const wire = Buffer.from(await gz.arrayBuffer());
    expect(wire.length).toBeLessThan(file.length / 2);
    expect(gunzipSync(wire).equals(file)).toBe(true);

    // The tag as the browser kept it from the compressed answer (weakened) still names the file.
    const again = await app.request('/office-js/office.js', { headers: { 'accept-encoding': 'gzip', 'if-none-match': gz.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await app.request('/office-js/office.js', { headers: { 'if-none-match': '"lain"' } })).status).toBe(200);
  });

  it('keeps the hashed bundle for a year and revalidates the page, whose tag changes with the file', async () => {
    const script = await app.request('/assets/taskpane-DequWOQv.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(script.headers.get('cache-control')).toBe(CACHE_HASHED);
    expect(gunzipSync(Buffer.from(await script.arrayBuffer())).toString()).toBe(bundle);

    const page = await app.request('/taskpane.html');
    expect(page.headers.get('cache-control')).toBe(CACHE_REVALIDATE);
    const tag = page.headers.get('etag')!;
    expect((await app.request('/taskpane.html', { headers: { 'if-none-match': tag } })).status).toBe(304);
    // A new build of the page: the old tag no longer matches.
    writeFileSync(path.join(dist, 'taskpane.html'), '<!doctype html><title>DIP Sync</title><script src="/assets/taskpane-NewHash99.js"></script>');
    const rebuilt = await app.request('/taskpane.html', { headers: { 'if-none-match': tag } });
    expect(rebuilt.status).toBe(200);
    expect(await rebuilt.text()).toContain('NewHash99');
  });

  it('leaves a path with no file to the JSON 404', async () => {
    const res = await app.request('/office-js/tidak-ada.js');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
