import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv, type CsvSeparator } from './csv.js';
import { escapeCsvField, escapeFormula } from './escape.js';
import { CsvSyntaxError, misreadCells, parseCsv, readCsvFile, readCsvStrict } from './testing.js';
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
    // The LF inside is a record end to a reader that misses the quotes: the text after it is guarded too.
    expect(csvField('\n=1+1')).toBe(`"'\n'=1+1"`);
    expect(csvField('-5')).toBe("'-5");
  });

  it('starts with a UTF-8 BOM, ends records with CRLF, and reads back escaped', () => {
    const buf = toCsv({ name: 'T', headers: ['Judul', 'Catatan'], rows: [...DANGEROUS, ...HARMLESS].map((s, i) => [s, `Baris ${i} — ringkasan, "kutip"`]) });
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['Judul', 'Catatan']);
    // An apostrophe in front; the three with a tab or line break first also get one after it (see escapeCsvField).
    expect(rows.slice(1).map((r) => r[0])).toEqual([...DANGEROUS.map((s) => `'${s}`.replace(/^'([\t\r\n])=/, "'$1'=")), ...HARMLESS]);
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
    expect(rows).toEqual([['Judul; isi', 'No'], ...cells.map((s, i) => [escapeCsvField(s), String(i)])]);
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

describe('escapeCsvField: safe whichever separator the file is split on', () => {
  // Text an Indonesian DIP holds that must reach the CSV as typed: a separator followed by a space or by plain text.
  const KEPT = [
    'Pasal 17 huruf b; c',
    'suhu turun ke -5 derajat',
    'a@x.id; b@y.id',
    'a@x.id;b@y.id',
    'Rp 1.500,00; dibayar 2 kali',
    'huruf a;\nhuruf b;\r\nhuruf c',
    'UU 43/2009; Pasal 44',
    'Kota Jambi, Provinsi Jambi',
    'https://ppid.example.go.id/dip?a=1;b=2,3',
    'SK "Kepala Dinas", 2024; "salinan"',
    '2019–2021',
    'a; =1',
    'Baris satu.\n"Baris dua", dikutip.',
    // A quoted cell a misreading Excel opens here starts with a line break: not a formula, and the text after it is guarded.
    'a;"\r\nb"',
  ];
  it.each(KEPT)('leaves %j as it is', (s) => {
    expect(escapeCsvField(s)).toBe(s);
  });

  it('puts an apostrophe after a separator or line break that a formula trigger follows, past any quotes', () => {
    const cases: [string, string][] = [
      ['x;=HYPERLINK("http://evil.example";"klik")', `x;'=HYPERLINK("http://evil.example";"klik")`],
      ["a;+cmd|' /C calc'!A0", "a;'+cmd|' /C calc'!A0"],
      ['a,-2+3', "a,'-2+3"],
      ['Rp 10.000,-', "Rp 10.000,'-"],
      ['a\t@SUM(A1:A2)', "a\t'@SUM(A1:A2)"],
      ['a,\tb', "a,'\tb"],
      ['baris satu\n=1+1', "baris satu\n'=1+1"],
      ['baris satu\r\n-1+1', "baris satu\r\n'-1+1"],
      ['a;"=1+1"', `a;'"=1+1"`],
      ['a,""@x', `a,'""@x`],
      ['=1;=2,=3\t=4', "'=1;'=2,'=3\t'=4"],
      ['\t=1', "'\t'=1"],
    ];
    for (const [text, want] of cases) expect(escapeCsvField(text), JSON.stringify(text)).toBe(want);
  });
});

describe('CSV opened with the other separator (Excel in another locale, or a tab importer)', () => {
  // Hostile fields: a formula trigger after a separator, a line break, or a quote that opens a cell there.
  const HOSTILE = [
    'x;=HYPERLINK("http://evil.example";"klik")',
    "a;+cmd|' /C calc'!A0",
    'x,=HYPERLINK("http://evil.example","klik")',
    "a,-2+3+cmd|' /C calc'!A0",
    'a\t@SUM(A1:A2)',
    'a;"=1+1"',
    'a,"=1+1"',
    'a;"\r\n=1+1"',
    'baris satu\n=1+1',
    'baris satu\r\n@SUM(A1)',
    'baris\r-1+1',
    'Rp 10.000,-',
    'a;\t=1',
    'a,\tb',
    'a,;=1',
    'x;"";=1',
    '=1;=2,=3\t=4',
  ];
  const SEPARATORS = [',', ';', '\t'] as const;
  const NAIVE_TRIGGER = /^[=+\-@\t]/;
  // A quoted cell may start with line breaks (a field's closing quote, taken for an opening one, before the record's
  // CRLF: no escaping can move that); no spreadsheet evaluates it, and past them, where a reader that strips them
  // would start, there must be no trigger either.
  const TRIGGER = /^[=+\-@\t]|^[\r\n][\t\r\n]*[=+\-@]/;

  /** The cells starting with a trigger, in a CSV text (BOM removed) split on each of , ; and tab. */
  function triggersIn(text: string): string[] {
    const found: string[] = [];
    for (const by of SEPARATORS) {
      // The naive split (lines on any line break, then pieces on the separator) ...
      const pieces = text.split(/\r\n|\r|\n/).flatMap((line) => line.split(by));
      found.push(...pieces.filter((p) => NAIVE_TRIGGER.test(p)).map((p) => `${JSON.stringify(by)}: ${JSON.stringify(p)}`));
      // ... and a quote at a piece's start read as Excel reads a quoted cell.
      found.push(...misreadCells(text, by).filter((c) => TRIGGER.test(c)).map((c) => `${JSON.stringify(by)} quoted: ${JSON.stringify(c)}`));
    }
    return found;
  }
  const fileText = (buf: Buffer) => buf.toString('utf8').replace(/^\uFEFF/, '');

  it.each([',', ';'] as const)('the %j file starts no cell with a formula trigger, split on , ; or tab', (separator: CsvSeparator) => {
    // Each hostile field next to every other, so the file's own separators and quotes sit around it too.
    const rows = HOSTILE.flatMap((a) => HOSTILE.map((b) => [a, b, 'biasa']));
    const text = fileText(toCsv({ name: 'T', headers: ['Judul', 'Ringkasan', 'Unit'], rows }, separator));
    expect(triggersIn(text)).toEqual([]);
    // Read with its own separator, strictly, each field is the escaped text.
    expect(readCsvStrict(text, separator).slice(1)).toEqual(rows.map((r) => r.map(escapeCsvField)));
  });

  it('holds for random text made of separators, quotes, line breaks and triggers', () => {
    // mulberry32: the same fields on every run, so a failure can be replayed.
    let seed = 0x5eed;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const alphabet = [',', ';', '\t', '\r', '\n', '\r\n', '"', '""', '=', '+', '-', '@', ' ', 'a', "'"];
    const field = () => Array.from({ length: Math.floor(random() * 10) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const rows = Array.from({ length: 3000 }, () => [field(), field(), field()]);
    for (const separator of [',', ';'] as const) {
      const text = fileText(toCsv({ name: 'T', headers: ['a', 'b', 'c'], rows }, separator));
      expect(triggersIn(text), separator).toEqual([]);
      expect(readCsvStrict(text, separator).slice(1)).toEqual(rows.map((r) => r.map(escapeCsvField)));
    }
  });

  it('finds the triggers that escaping only the start of a field leaves (so the tests above can fail)', () => {
    // The files as they were written before: escapeFormula, then RFC 4180 quoting.
    const before = (s: string, separator: CsvSeparator) => {
      const safe = escapeFormula(s);
      return (separator === ',' ? /[",\r\n]/ : /[";\r\n]/).test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    for (const s of HOSTILE) {
      const text = [',', ';'].map((sep) => `biasa${sep}${before(s, sep as CsvSeparator)}${sep}biasa\r\n`).join('');
      expect(triggersIn(text), JSON.stringify(s)).not.toEqual([]);
    }
    // A quote opening the misread cell: the naive split sees a quote first, Excel a formula.
    const quoted = `biasa,${before('a;"=1+1"', ',')}\r\n`;
    expect(quoted.split(';').some((p) => NAIVE_TRIGGER.test(p))).toBe(false);
    expect(misreadCells(quoted, ';')).toContain('=1+1"""');
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
