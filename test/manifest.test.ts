/**
 * The add-in manifest: valid against Microsoft's XSDs (offline, with xmllint and the copy in schemas/), for the
 * development origin and for a generated deployment; Indonesian first with English overrides; a Home-tab button;
 * icons that exist at the sizes the manifest names.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ICON_DIR, ICON_SIZES, iconFile, iconPng } from '../scripts/icons.js';
import { MANIFEST_PATH, checkOrigin, idForOrigin, manifestForOrigin } from '../scripts/manifest.js';

const ROOT = path.dirname(MANIFEST_PATH);
const SCHEMA = path.join(ROOT, 'schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd');
const work = mkdtempSync(path.join(tmpdir(), 'dip-manifest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const xml = readFileSync(MANIFEST_PATH, 'utf8');

function xmllint(args: string[]): { status: number; output: string } {
  const run = spawnSync('xmllint', args, { encoding: 'utf8' });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error('xmllint is not installed: install libxml2-utils (Debian/Ubuntu: apt-get install -y libxml2-utils) to validate the manifest');
  }
  return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}

function validate(file: string) {
  return xmllint(['--noout', '--schema', SCHEMA, file]);
}

function writeTemp(name: string, text: string): string {
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
}

/** XPath over the manifest, namespace-agnostic (local-name()), via xmllint. */
function xpath(file: string, expression: string): string {
  const run = xmllint(['--xpath', expression, file]);
  return run.status === 0 ? run.output.trim() : '';
}
// `//${el('Hosts')}/${el('Host')}`: an element by its local name, whatever its namespace.
const el = (name: string) => `*[local-name()='${name}']`;

describe('manifest.xml', () => {
  it('validates against the Office add-in manifest schema', () => {
    const run = validate(MANIFEST_PATH);
    expect(run.output).toContain('validates');
    expect(run.status).toBe(0);
  });

  it('is checked for real: a manifest without its Id does not validate', () => {
    const broken = writeTemp('broken.xml', xml.replace(/<Id>[^<]*<\/Id>/, ''));
    expect(validate(broken).status).not.toBe(0);
  });

  it('is an Excel task pane add-in on the server origin, Indonesian first with English overrides', () => {
    expect(xpath(MANIFEST_PATH, `string(/*[local-name()='OfficeApp']/@*[local-name()='type'])`)).toBe('TaskPaneApp');
    expect(xpath(MANIFEST_PATH, `string(//${el('Hosts')}/${el('Host')}/@Name)`)).toBe('Workbook');
    expect(xpath(MANIFEST_PATH, `string(//${el('DefaultLocale')})`)).toBe('id-ID');
    expect(xpath(MANIFEST_PATH, `string(//${el('DefaultSettings')}/${el('SourceLocation')}/@DefaultValue)`)).toBe('https://localhost:3000/taskpane.html');
    for (const name of ['DisplayName', 'Description']) {
      expect(xpath(MANIFEST_PATH, `string(//${el(name)}/${el('Override')}[@Locale='en-US']/@Value)`)).not.toBe('');
    }
    expect(xpath(MANIFEST_PATH, `string(//${el('Description')}/@DefaultValue)`)).toMatch(/Daftar Informasi Publik/);
    // Every ribbon string has an English override.
    const strings = Number(xpath(MANIFEST_PATH, `count(//${el('String')})`));
    expect(strings).toBeGreaterThan(0);
    expect(Number(xpath(MANIFEST_PATH, `count(//${el('String')}/${el('Override')}[@Locale='en-US'])`))).toBe(strings);
  });

  it('puts a button that opens the task pane in a group on the Home tab', () => {
    expect(xpath(MANIFEST_PATH, `string(//${el('OfficeTab')}/@id)`)).toBe('TabHome');
    const action = `//${el('OfficeTab')}/${el('Group')}/${el('Control')}/${el('Action')}`;
    expect(xpath(MANIFEST_PATH, `string(${action}/@*[local-name()='type'])`)).toBe('ShowTaskpane');
    const resid = xpath(MANIFEST_PATH, `string(${action}/${el('SourceLocation')}/@resid)`);
    expect(xpath(MANIFEST_PATH, `string(//${el('Url')}[@id='${resid}']/@DefaultValue)`)).toBe('https://localhost:3000/taskpane.html');
  });

  it('names icons that exist under /assets/ at the size their name says', () => {
    const urls = [...xml.matchAll(/https:\/\/localhost:3000\/assets\/([\w-]+\.png)/g)].map((m) => m[1] ?? '');
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const file of new Set(urls)) {
      const png = readFileSync(path.join(ICON_DIR, file));
      const size = Number(/icon-(\d+)\.png/.exec(file)?.[1]);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});

describe('icons', () => {
  it('are committed exactly as scripts/icons.ts draws them', () => {
    for (const size of ICON_SIZES) {
      const file = path.join(ICON_DIR, iconFile(size));
      expect(existsSync(file), `${file} (run npx tsx scripts/icons.ts)`).toBe(true);
      expect(readFileSync(file).equals(iconPng(size))).toBe(true);
    }
  });
});

describe('npm run manifest', () => {
  const origin = 'https://dip.example.go.id';

  it('moves every localhost URL to the origin and gives a stable Id of its own', () => {
    const out = manifestForOrigin(xml, { origin: `${origin}/` });
    expect(out).not.toMatch(/localhost/);
    const urls = [...out.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(`${origin}/`)).toBe(true);
    expect(out).toContain(`<Id>${idForOrigin(origin)}</Id>`);
    expect(idForOrigin(origin)).not.toBe(xpath(MANIFEST_PATH, `string(//${el('Id')})`));
    expect(idForOrigin(origin)).toBe(idForOrigin(origin));
    expect(idForOrigin('https://other.go.id')).not.toBe(idForOrigin(origin));
    expect(manifestForOrigin(xml, { origin, id: '00000000-0000-4000-8000-000000000001' })).toContain('<Id>00000000-0000-4000-8000-000000000001</Id>');
  });

  it('writes a manifest that validates too', () => {
    const file = writeTemp('generated.xml', manifestForOrigin(xml, { origin }));
    const run = validate(file);
    expect(run.output).toContain('validates');
    expect(run.status).toBe(0);
  });

  it('refuses origins Office cannot load from, and bad Ids', () => {
    expect(() => checkOrigin('http://dip.example.go.id')).toThrow(/https/);
    expect(() => checkOrigin('https://dip.example.go.id/addin')).toThrow(/without path/);
    expect(() => checkOrigin('dip.example.go.id')).toThrow(/not a URL/);
    expect(() => manifestForOrigin(xml, { origin, id: 'nope' })).toThrow(/UUID/);
    expect(checkOrigin('https://DIP.example.go.id:8443/')).toBe('https://dip.example.go.id:8443');
  });

  it('runs from the command line: --out writes a file, a bad origin exits non-zero', () => {
    const script = path.join(ROOT, 'scripts/manifest.ts');
    const out = path.join(work, 'cli.xml');
    const ok = spawnSync(process.execPath, ['--import', 'tsx', script, '--origin', origin, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(manifestForOrigin(xml, { origin }));
    const bad = spawnSync(process.execPath, ['--import', 'tsx', script, '--origin', 'http://x.go.id'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/https only/);
  });
});
