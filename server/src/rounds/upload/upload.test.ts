import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, decodeText } from './csv.js';
import { buildZip, plainWorkbook, withPart, XXE_DOCTYPE, zipBomb } from './hostile-files.js';
import { UPLOAD_LIMITS } from './limits.js';
import { UploadRefused } from './refusal.js';
import { readXlsxGrids } from './xlsx-read.js';
import { readGrids, withParseSlot } from './upload.js';

async function refusal(p: Promise<unknown>): Promise<UploadRefused> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UploadRefused);
  return err as UploadRefused;
}

describe('reading an uploaded .xlsx', () => {
  it('reads values, cached formula results and hyperlinks; skips blank rows but keeps sheet row numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DIP');
    ws.addRow(['Judul', 'Tahun', 'Tautan']);
    ws.getCell('A3').value = { formula: 'UPPER("renstra")', result: 'RENSTRA' };
    ws.getCell('B3').value = 2024;
    ws.getCell('C3').value = { text: 'Lihat', hyperlink: 'https://ppid.example.go.id/a' };
    const grids = await readXlsxGrids(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(grids).toHaveLength(1);
    expect(grids[0]!.grid).toEqual([['Judul', 'Tahun', 'Tautan'], ['RENSTRA', 2024, { text: 'Lihat', hyperlink: 'https://ppid.example.go.id/a' }]]);
    expect(grids[0]!.sheetRows).toEqual([1, 3]);
  });

  it('refuses a formula without a cached value, naming the cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DIP');
    ws.getCell('A1').value = 'Judul';
    ws.getCell('B2').value = { formula: 'A1&"x"' } as ExcelJS.CellFormulaValue;
    const err = await refusal(readXlsxGrids(Buffer.from(await wb.xlsx.writeBuffer())));
    expect(err.code).toBe('formula_without_value');
    expect(err.message).toContain('DIP!B2');
  });

  it('refuses things that are not an .xlsx with a clear code', async () => {
    expect((await refusal(readXlsxGrids(Buffer.from('Judul;Kategori\n')))).code).toBe('not_xlsx');
    const ole = Buffer.alloc(512);
    ole.writeUInt32BE(0xd0cf11e0, 0);
    expect((await refusal(readXlsxGrids(ole))).code).toBe('xls_or_encrypted');
    const good = await plainWorkbook();
    expect((await refusal(readXlsxGrids(good.subarray(0, good.length - 30)))).code).toBe('corrupt_file');
  });

  it('refuses a zip bomb that declares its size, before inflating anything', async () => {
    const started = performance.now();
    const err = await refusal(readXlsxGrids(zipBomb({ lie: false })));
    expect(err.code).toBe('zip_bomb');
    expect(err.status).toBe(422);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses a zip bomb that lies about its size, stopping the inflate at the declared size', async () => {
    const before = process.memoryUsage().rss;
    const err = await refusal(readXlsxGrids(zipBomb({ lie: true })));
    expect(err.code).toBe('zip_bomb');
    // The 100 MB of zeros was never held: the inflate stopped at 1,000 bytes.
    expect(process.memoryUsage().rss - before).toBeLessThan(80 * 1024 * 1024);
  });

  it('refuses too many entries, and a high compression ratio', async () => {
    const many = buildZip(Array.from({ length: UPLOAD_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `x/${i}.bin`, data: Buffer.from('x') })));
    expect((await refusal(readXlsxGrids(many))).code).toBe('zip_bomb');
    const dense = buildZip([{ name: 'xl/workbook.xml', data: Buffer.alloc(5 * 1024 * 1024, 0x20) }]);
    expect((await refusal(readXlsxGrids(dense))).message).toMatch(/rasio kompresi/);
  });

  it('refuses XML with a DTD or entities (XXE, billion laughs), even in a part exceljs would not read', async () => {
    const good = await plainWorkbook();
    const xxe = await withPart(good, 'xl/sharedStrings.xml', (xml) => xml.replace(/^<\?xml[^>]*\?>/, XXE_DOCTYPE));
    expect((await refusal(readXlsxGrids(xxe))).code).toBe('xml_dtd_refused');
    const inProps = await withPart(good, 'docProps/app.xml', (xml) => xml.replace(/^<\?xml[^>]*\?>/, XXE_DOCTYPE));
    expect((await refusal(readXlsxGrids(inProps))).code).toBe('xml_dtd_refused');
  });

  it('refuses a UTF-16 part (a DTD could hide in it from a byte scan)', async () => {
    const good = await plainWorkbook();
    const files = await import('./hostile-files.js').then((m) => m.unpack(good));
    const ss = files.find((f) => f.name === 'xl/sharedStrings.xml')!;
    ss.data = Buffer.from(`\ufeff${XXE_DOCTYPE}<sst/>`, 'utf16le');
    const { storeZip } = await import('./zip-writer.js');
    expect((await refusal(readXlsxGrids(storeZip(files)))).code).toBe('unsupported_encoding');
  });

  it('loads workbooks whose ranges exceljs would expand cell by cell, quickly and with their values', async () => {
    const good = await plainWorkbook();
    let wb = await withPart(good, 'xl/workbook.xml', (xml) =>
      xml.replace('</sheets>', '</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">DIP!$A$1:$XFD$1048576</definedName><definedName name="big">DIP!$A:$XFD</definedName></definedNames>'),
    );
    wb = await withPart(wb, 'xl/worksheets/sheet1.xml', (xml) =>
      xml
        .replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="C5:XFD1048576"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="A2:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>')
        .replace('<sheetData>', '<cols><col min="1" max="2000000000" width="9"/></cols><sheetData>'),
    );
    const started = performance.now();
    const grids = await readXlsxGrids(wb);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(grids[0]!.grid).toEqual([['Judul Informasi', 'Kategori'], ['Renstra', 'Berkala']]);
  });

  it('refuses more cells or rows than the caps before exceljs builds them', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`r${i}`, 'x']);
    const err = await refusal(readXlsxGrids(await plainWorkbook(rows), { ...UPLOAD_LIMITS, maxCells: 60 }));
    expect(err.code).toBe('workbook_too_large');
  });

  it('never crashes on a damaged workbook: every outcome is a grid or an UploadRefused', async () => {
    const good = await plainWorkbook();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (flips) => {
        const bad = Buffer.from(good);
        for (const [at, byte] of flips) bad[at] = byte;
        const outcome = await readXlsxGrids(bad).then(
          () => 'ok',
          (e: unknown) => (e instanceof UploadRefused ? 'refused' : e),
        );
        expect(['ok', 'refused']).toContain(outcome);
      }),
      { numRuns: 150 },
    );
  });
});

describe('parsing in a worker thread', () => {
  const asUpload = (bytes: Buffer) => ({ name: 'dip.xlsx', bytes, kind: 'xlsx' as const });

  it('gives the same grids as parsing in-process, and passes refusals through', async () => {
    const good = await plainWorkbook([['Judul', 'Tahun'], ['Renstra', 2024]]);
    expect(await readGrids(asUpload(good))).toEqual(await readXlsxGrids(good));
    const err = await readGrids(asUpload(zipBomb({ lie: true }))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UploadRefused);
    expect(err).toMatchObject({ status: 422, code: 'zip_bomb' });
  });

  it('a workbook that needs more memory than the worker may have kills the worker, not the server', async () => {
    const rows = Array.from({ length: 8_000 }, (_, i) => Array.from({ length: 8 }, (_, c) => `sel ${i} ${c} dengan teks yang cukup panjang`));
    const big = await plainWorkbook(rows);
    const err = await readGrids(asUpload(big), { ...UPLOAD_LIMITS, workerHeapMb: 16 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 422, code: 'workbook_too_complex' });
    expect((err as Error).message).toMatch(/memori/);
    // The next upload gets a fresh worker.
    expect((await readGrids(asUpload(await plainWorkbook())))[0]!.grid).toHaveLength(2);
  });

  it('a parse that takes too long is stopped', async () => {
    const err = await readGrids(asUpload(await plainWorkbook()), { ...UPLOAD_LIMITS, parseTimeoutMs: 1 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 422, code: 'workbook_too_complex' });
  });
});

describe('parse slots', () => {
  it('runs at most `concurrentParses` at once and refuses beyond the queue with 503', async () => {
    const limits = { ...UPLOAD_LIMITS, concurrentParses: 1, maxQueued: 1 };
    let running = 0;
    let peak = 0;
    const job = () =>
      withParseSlot(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
        return 'done';
      }, limits);
    const results = await Promise.allSettled([job(), job(), job()]);
    expect(peak).toBe(1);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ status: 503, code: 'server_busy' });
    expect(await job()).toBe('done');
  });
});

describe('CSV', () => {
  it('detects ; , and tab, honours quotes, keeps blank rows for numbering', () => {
    expect(parseCsv('Judul;Kategori\r\n"Renstra; 2024";Berkala\n\n"Kata ""kutip""\nbaris dua";x', 100, 10)).toEqual([
      ['Judul', 'Kategori'],
      ['Renstra; 2024', 'Berkala'],
      [''],
      ['Kata "kutip"\nbaris dua', 'x'],
    ]);
    expect(parseCsv('a,b\n1,2', 100, 10)).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a\tb', 100, 10)).toEqual([['a', 'b']]);
  });

  it('reads Windows-1252 when the bytes are not UTF-8, and drops a BOM', () => {
    expect(decodeText(Buffer.from([0x4b, 0x6f, 0x64, 0x65, 0x20, 0xe9]))).toBe('Kode é');
    expect(decodeText(Buffer.from('\ufeffJudul', 'utf8'))).toBe('Judul');
  });

  it('refuses files over the row or column caps', () => {
    expect(() => parseCsv('a\nb\nc\nd', 2, 10)).toThrow(UploadRefused);
    expect(() => parseCsv('a,b,c', 10, 2)).toThrow(UploadRefused);
  });
});
