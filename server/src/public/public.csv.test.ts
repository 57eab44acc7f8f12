/**
 * /dip.csv?pemisah=titik-koma, the CSV for Excel set to Indonesian (list separator ';'): it reads back, with a strict
 * reader, to the published rows; awkward text survives; it is cached like the other downloads; /dip.csv without the
 * parameter is the comma file it always was; the page links both and says which one to take. Either file, split on
 * the other separator (or on tab), starts no cell with a formula trigger.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_LABELS } from '../../../shared/columns.js';
import type { Category, DipRow, Format } from '../../../shared/row.js';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { escapeCsvField } from '../export/escape.js';
import { misreadCells, parseCsv, readCsvFile } from '../export/testing.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { formatsLabel } from './public.model.js';
import { publishRows, type Pushed } from './testing.js';

const SEMI = '/dip.csv?pemisah=titik-koma';
const HEADERS = ['Kategori', 'Judul Informasi', 'Ringkasan Isi Informasi', 'Pejabat/Unit yang Menguasai Informasi', 'Penanggung Jawab Pembuatan/Penerbitan', 'Waktu Pembuatan', 'Tempat Pembuatan', 'Bentuk Informasi', 'Jangka Waktu Penyimpanan / Retensi', 'Tautan / Jenis Media', 'Dasar Hukum Pengecualian', 'Konsekuensi', 'Jangka Waktu Pengecualian', 'ID'];

// Rows whose text breaks a careless CSV: both separators, quotes, line breaks, and text a spreadsheet would run.
const base = sampleRows(4, 500);
const AWKWARD: DipRow[] = [
  {
    ...base[0]!,
    title: 'Anggaran; Realisasi "APBD" 2024',
    summary: 'Baris pertama; berisi ringkasan.\nBaris kedua, "dikutip".\r\nBaris ketiga.',
    owningUnit: 'Bidang Keuangan; Sub-bagian "Anggaran"',
    createdWhere: 'Kota Jambi, Provinsi Jambi',
    retention: '=1+1;2',
  },
  { ...base[1]!, title: '=HYPERLINK("http://evil.example";"klik")', summary: '@pejabat;=cmd|\' /C calc\'!A0', responsible: '+62 811 0000; -5%' },
  {
    ...base[2]!,
    title: 'Peraturan “Wali Kota” — naskah résmi',
    summary: ';',
    createdWhen: '2019–2021',
    // Formulas behind a separator: cells of their own to an Excel that splits on the other one.
    owningUnit: 'Bagian Umum,=HYPERLINK("http://evil.example","klik")',
    createdWhere: "Jambi;+cmd|' /C calc'!A0",
    retention: 'Rp 10.000,-',
  },
  {
    ...base[3]!,
    category: 'dikecualikan',
    title: '-Dokumen; "rahasia"\nlampiran',
    exemption: { article17: 'b', otherLaw: 'UU 43/2009; Pasal 44', consequence: '=Dapat menghambat; penyidikan\r\n"lanjutan"', publicInterest: 'Kepentingan umum.', period: '5 tahun; dapat diperpanjang' },
  },
];

interface JsonDip {
  version: number;
  dip: { id: string; category: Category; title: string; summary: string; owningUnit: string; responsible: string; createdWhen: string; createdWhere: string; formats: Format[]; retention: string; link: string | null }[];
  dik: { id: string; title: string; legalBasis: { text: string }; consequence: string; period: string }[];
}

/**
 * The records the CSV must hold, built from /dip.json (the published rows as the site serves them) rather than from
 * the exporter's own table: every cell formula-escaped for CSV (at its start and after separators inside it), an
 * excluded row filling only its DIK columns.
 */
function expectedRecords(j: JsonDip): string[][] {
  const none = ['', '', ''];
  return [
    HEADERS,
    ...j.dip.map((e) => [CATEGORY_LABELS[e.category], e.title, e.summary, e.owningUnit, e.responsible, e.createdWhen, e.createdWhere, formatsLabel(e.formats), e.retention, e.link ?? '', ...none, e.id]),
    ...j.dik.map((d) => [CATEGORY_LABELS.dikecualikan, d.title, '', '', '', '', '', '', '', '', d.legalBasis.text, d.consequence, d.period, d.id]),
  ].map((r) => r.map(escapeCsvField));
}

describe.each(testBackends)('semicolon CSV for Excel in Indonesian on $name', (backend) => {
  let s: TestServer;
  let v1: Pushed;
  let v2: Pushed;
  let json: JsonDip;

  const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

  beforeAll(async () => {
    s = await startTestServer(backend);
    expect((await s.request(SEMI)).status).toBe(404);
    v1 = await publishRows(s, sampleRows(12), { decreeNumber: 'SK-001/PPID/2026', decreeDate: '2026-01-05' });
    v2 = await publishRows(s, [...sampleRows(30), ...AWKWARD], { decreeNumber: 'SK-002/PPID/2026', decreeDate: '2026-02-10' });
    json = (await (await s.request('/dip.json')).json()) as JsonDip;
  });
  afterAll(async () => {
    await s.database.dispose();
  });

  it('reads back, strictly, to the published rows; separators, quotes, line breaks and formulas survive safely', async () => {
    const res = await s.request(SEMI);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="dip-versi-${v2.version}-titik-koma.csv"`);
    const buf = await bytes(res);
    // The BOM, then the header row separated by semicolons: what Excel in Indonesian splits into columns.
    expect(buf.toString('utf8').split('\r\n')[0]).toBe(`\uFEFF${HEADERS.join(';')}`);
    const records = readCsvFile(buf, ';');
    expect(json.version).toBe(v2.version);
    expect(records).toEqual(expectedRecords(json));
    expect(records).toHaveLength(1 + 30 + AWKWARD.length);

    // The awkward text reached the published rows as written (so the comparison above covered it) ...
    const cells = records.flat();
    for (const want of [';', '"', '\n', '\r\n', '“', 'é']) expect(cells.some((c) => c.includes(want)), JSON.stringify(want)).toBe(true);
    const published = [...json.dip.flatMap((e) => [e.title, e.summary, e.responsible, e.retention]), ...json.dik.flatMap((d) => [d.title, d.consequence])];
    for (const start of ['=', '@', '+', '-']) expect(published.some((t) => t.startsWith(start)), `a published value starting with ${start}`).toBe(true);
    expect(published).toContain(AWKWARD[1]!.title);
    expect(published).toContain(AWKWARD[0]!.summary);
    // ... and no cell of the file starts with a character that makes a spreadsheet evaluate it.
    for (const c of cells) expect(c, JSON.stringify(c)).not.toMatch(/^[=+\-@\t\r\n]/);
    expect(cells).toContain(`'${AWKWARD[1]!.title}`);
    expect(cells).toContain(`'${AWKWARD[3]!.exemption!.consequence}`);
    // A formula behind a separator gets its apostrophe there; '; -5%' (a space first) is left as typed.
    expect(cells).toContain("'@pejabat;'=cmd|' /C calc'!A0");
    expect(cells).toContain(`Bagian Umum,'=HYPERLINK("http://evil.example","klik")`);
    expect(cells).toContain("Rp 10.000,'-");
    expect(cells).toContain(`'${AWKWARD[1]!.responsible}`);
    // Fields holding a semicolon are quoted in the file itself.
    expect(buf.toString('utf8')).toContain(`;"Anggaran; Realisasi ""APBD"" 2024";`);
  });

  it('leaves /dip.csv the comma file, holding the same cells; an unknown pemisah is the comma file too', async () => {
    const comma = await s.request('/dip.csv');
    const buf = await bytes(comma);
    expect(comma.headers.get('content-disposition')).toBe(`attachment; filename="dip-versi-${v2.version}.csv"`);
    expect(buf.toString('utf8').split('\r\n')[0]).toBe(`\uFEFF${HEADERS.join(',')}`);
    const semicolon = readCsvFile(await bytes(await s.request(SEMI)), ';');
    expect(readCsvFile(buf, ',')).toEqual(semicolon);
    // The reader the comma file was always tested with agrees.
    expect(parseCsv(buf.toString('utf8').slice(1))).toEqual(semicolon);
    // Quoting in the comma file is as it was: commas and quotes are quoted, a semicolon alone is plain text.
    const text = buf.toString('utf8');
    expect(text).toContain(',"Kota Jambi, Provinsi Jambi",');
    expect(text).toContain(',"Bidang Keuangan; Sub-bagian ""Anggaran""",');
    expect(text).toContain(',5 tahun; dapat diperpanjang,');

    for (const path of ['/dip.csv?pemisah=koma', '/dip.csv?pemisah=TITIK-KOMA', '/dip.csv?pemisah=']) {
      const r = await s.request(path);
      expect(r.headers.get('etag'), path).toBe(comma.headers.get('etag'));
      expect((await bytes(r)).equals(buf), path).toBe(true);
    }
  });

  it('starts no cell with a formula trigger in either file, split on the other separator or on tab', async () => {
    // What Excel in another locale does with the file: split it on its own list separator, quotes or not.
    const hostile = [AWKWARD[1]!.summary, AWKWARD[2]!.owningUnit, AWKWARD[2]!.createdWhere];
    const published = json.dip.flatMap((e) => [e.summary, e.owningUnit, e.createdWhere]);
    for (const h of hostile) expect(published, h).toContain(h);
    for (const path of ['/dip.csv', SEMI]) {
      const text = (await bytes(await s.request(path))).toString('utf8').replace(/^\uFEFF/, '');
      for (const by of [',', ';', '\t'] as const) {
        const pieces = text.split(/\r\n|\r|\n/).flatMap((line) => line.split(by));
        expect(pieces.filter((p) => /^[=+\-@\t]/.test(p)), `${path} split on ${JSON.stringify(by)}`).toEqual([]);
        // A quote at a piece's start opens a quoted cell there (see misreadCells); a line break may begin it.
        const cells = misreadCells(text, by);
        expect(cells.filter((c) => /^[=+\-@\t]|^[\r\n][\t\r\n]*[=+\-@]/.test(c)), `${path} read on ${JSON.stringify(by)}`).toEqual([]);
      }
    }
  });

  it('is cached like the other downloads: its own strong ETag, 304, gzip, the same lifetimes and headers', async () => {
    const plain = await s.request(SEMI);
    const body = await bytes(plain);
    const tag = plain.headers.get('etag')!;
    expect(tag).toMatch(new RegExp(`^"csv-titik-koma-v${v2.version}-${v2.contentHash.slice(0, 16)}-[0-9a-f]{12}"$`));
    const comma = await s.request('/dip.csv');
    expect(comma.headers.get('etag')).toMatch(new RegExp(`^"csv-v${v2.version}-`));
    for (const h of ['cache-control', 'vary', 'content-security-policy', 'x-frame-options', 'x-content-type-options', 'cross-origin-resource-policy']) {
      expect(plain.headers.get(h), h).toBe(comma.headers.get(h));
    }
    expect(plain.headers.get('cache-control')).toBe('public, max-age=60');

    const again = await s.request(SEMI, { headers: { 'If-None-Match': tag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    // The comma file's tag is another resource's: it does not answer for this one.
    expect((await s.request(SEMI, { headers: { 'If-None-Match': comma.headers.get('etag')! } })).status).toBe(200);

    const zipped = await s.request(SEMI, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('etag')).toBe(tag.replace(/"$/, '-gz"'));
    expect(gunzipSync(await bytes(zipped)).equals(body)).toBe(true);
    expect((await s.request(SEMI, { headers: { 'If-None-Match': zipped.headers.get('etag')! } })).status).toBe(304);

    // An archived version: its own file, kept longer, as /dip.csv?versi= is.
    const archive = await s.request(`/dip.csv?versi=${v1.version}&pemisah=titik-koma`);
    expect(archive.status).toBe(200);
    expect(archive.headers.get('cache-control')).toBe((await s.request(`/dip.csv?versi=${v1.version}`)).headers.get('cache-control'));
    expect(archive.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(archive.headers.get('content-disposition')).toBe(`attachment; filename="dip-versi-${v1.version}-titik-koma.csv"`);
    expect(archive.headers.get('etag')).toMatch(new RegExp(`^"csv-titik-koma-v${v1.version}-`));
    const v1Json = (await (await s.request(`/dip.json?versi=${v1.version}`)).json()) as JsonDip;
    expect(readCsvFile(await bytes(archive), ';')).toEqual(expectedRecords(v1Json));
    expect((await s.request('/dip.csv?versi=999999&pemisah=titik-koma')).status).toBe(404);
  });

  it('is linked from the page next to the other downloads, with a word on which CSV to take', async () => {
    const page = await (await s.request('/dip')).text();
    const section = /<section class="downloads"[\s\S]*?<\/section>/.exec(page)![0];
    const links = [...section.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['/dip.xlsx', 'Excel (.xlsx)'],
      [SEMI, 'CSV untuk Excel berbahasa Indonesia (titik koma)'],
      ['/dip.csv', 'CSV (UTF-8), pemisah koma'],
      ['/dip.json', 'JSON'],
    ]);
    expect(section).toContain('<strong>CSV untuk Excel berbahasa Indonesia</strong>');
    expect(section).toContain('<p class="hint" lang="en">Excel with Indonesian regional settings: take the semicolon CSV.');

    const archive = await (await s.request(`/dip?versi=${v1.version}`)).text();
    const href = new RegExp(`href="(/dip\\.csv\\?versi=${v1.version}&amp;pemisah=titik-koma)"`).exec(archive)?.[1];
    expect(href).toBeDefined();
    const res = await s.request(href!.replace(/&amp;/g, '&'));
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="dip-versi-${v1.version}-titik-koma.csv"`);
  });
});
