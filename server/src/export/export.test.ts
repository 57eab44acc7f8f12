import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, readCsvFile, readCsvStrict } from '../public/testing.csv.js';
import { csvField, toCsv } from './csv.js';
import { escapeFormula } from './escape.js';
import { parseCsv } from './testing.js';
import { toXlsx } from './xlsx.js';

// Every leading character that makes a spreadsheet evaluate a cell, with a payload behind it.
const DANGEROUS = ['=HYPERLINK("http://evil.example","klik")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', '\n=1+1', "=cmd|' /C calc'!A0", '='];
const HARMLESS = ['Laporan Keuangan 2024', 'a=b', '1+1', 'e-mail', ' =1', '\u2212 1', '', '(=1)', "'sudah"];

describe('escapeFormula', () => {
  it.each(DANGEROUS)('prefixes %j with an apostrophe', (s) => {
    expect(escapeFormula(s)).toBe(`'${s}`);
  });
  it.each(HARMLESS)('leaves %j as it is', (s) => {
    expect(escapeFormula(s)).toBe(s);
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks after escaping', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('kata "kunci"')).toBe('"kata ""kunci"""');
    expect(csvField('\n=1+1')).toBe(`"'\n=1+1"`);
    expect(csvField('-5')).toBe("'-5");
  });

  it('starts with a UTF-8 BOM, ends records with CRLF, and reads back escaped', () => {
    const buf = toCsv({ name: 'T', headers: ['Judul', 'Catatan'], rows: [...DANGEROUS, ...HARMLESS].map((s, i) => [s, `Baris ${i} — ringkasan, "kutip"`]) });
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['Judul', 'Catatan']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([...DANGEROUS.map((s) => `'${s}`), ...HARMLESS]);
    expect(rows[1]![1]).toBe('Baris 0 — ringkasan, "kutip"');
    // No record of the file begins a cell with a formula character.
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
  });
});

describe('CSV with semicolons (Excel set to Indonesian)', () => {
  // What an Indonesian DIP holds: separators of both kinds, quotes, line breaks, text Excel would run.
  const AWKWARD = ['Rp 1.500,00; dibayar 2 kali', 'SK "Kepala Dinas"', 'baris satu\nbaris dua', 'CR LF\r\nlagi', '=1;2', '"', ';', ',', '', 'Perda No. 5/2023 — ringkasan “resmi”'];

  it('quotes semicolons instead of commas, and escapes formulas the same way', () => {
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a,b', ';')).toBe('a,b');
    expect(csvField('kata "kunci"', ';')).toBe('"kata ""kunci"""');
    expect(csvField('=SUM(A1;A2)', ';')).toBe(`"'=SUM(A1;A2)"`);
    expect(csvField('-5', ';')).toBe("'-5");
    // The comma file is as it was: a semicolon needs no quotes there.
    expect(csvField('a;b')).toBe('a;b');
  });

  it('reads back, with a strict reader, to the escaped cells of the table', () => {
    const cells = [...AWKWARD, ...DANGEROUS, ...HARMLESS];
    const table = { name: 'T', headers: ['Judul; isi', 'No'], rows: cells.map((s, i) => [s, String(i)]) };
    const buf = toCsv(table, ';');
    const rows = readCsvFile(buf, ';');
    expect(rows).toEqual([['Judul; isi', 'No'], ...cells.map((s, i) => [escapeFormula(s), String(i)])]);
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
    // The same table with commas holds the same cells.
    expect(readCsvFile(toCsv(table), ',')).toEqual(rows);
    expect(buf.toString('utf8').split('\r\n')[0]).toBe('\uFEFF"Judul; isi";No');
  });

  it('the strict reader refuses what RFC 4180 does not allow (so the tests above can fail)', () => {
    for (const bad of ['a"b;c\r\n', '"a"b;c\r\n', '"abc\r\n', 'a;b\nc;d\r\n', 'a;b', 'a;b\r\nc\r\n', 'a;\r']) {
      expect(() => readCsvStrict(bad, ';'), JSON.stringify(bad)).toThrow(CsvSyntaxError);
    }
    expect(readCsvStrict('a;"b;""c""\r\nd";\r\n', ';')).toEqual([['a', 'b;"c"\r\nd', '']]);
    expect(() => readCsvFile(Buffer.from('a;b\r\n'), ';')).toThrow('byte-order mark');
    expect(() => readCsvFile(Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0x0d, 0x0a]), ';')).toThrow();
  });
});

describe('XLSX', () => {
  it('writes no formula cell, and every dangerous text reads back escaped', async () => {
    const buf = await toXlsx([
      { name: 'DIP', headers: ['=Judul', 'Ringkasan'], rows: DANGEROUS.map((s) => [s, `isi ${s}`]) },
      { name: 'DIK', headers: ['Judul'], rows: HARMLESS.map((s) => [s]) },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    let formulas = 0;
    const dip: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas++;
          if (ws.name === 'DIP' && /^A[0-9]+$/.test(cell.address)) dip.push(String(cell.value));
        }),
      ),
    );
    expect(formulas).toBe(0);
    // XML normalises a CR in text to LF on reading (exceljs writes it raw), so compare with line ends folded.
    const lf = (s: string) => s.replace(/\r\n?/g, '\n');
    expect(dip).toEqual(["'=Judul", ...DANGEROUS.map((s) => lf(`'${s}`))]);
    expect(wb.getWorksheet('DIK')!.getColumn(1).values.slice(2)).toEqual(HARMLESS);
  });
});
