import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalRow } from './canonical.js';
import { DIP_HEADERS } from './columns.js';
import { findHeaderRow, parseDipGrid, toDipGrid } from './grid.js';
import type { DipRow } from './row.js';
import { dipRowArb } from './testing/arbitraries.js';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const row: DipRow = {
  id: ID,
  category: 'dikecualikan',
  title: 'Data pribadi pegawai',
  summary: 'NIK dan alamat',
  owningUnit: 'BKD',
  responsible: 'Kepala BKD',
  createdWhen: '2023',
  createdWhere: 'Jambi',
  formats: ['softcopy', 'hardcopy'],
  retention: 'Selama berlaku',
  link: null,
  exemption: { article17: 'h', clause: '2', otherLaw: 'UU No. 27 Tahun 2022', consequence: 'Melanggar privasi', publicInterest: 'Privasi lebih besar', period: '5 tahun' },
};

describe('toDipGrid', () => {
  it('writes the header and one line per row in sheet layout', () => {
    const grid = toDipGrid([row, { ...row, id: undefined, category: null, formats: ['hardcopy'], exemption: undefined, link: 'https://x.go.id', notes: 'n' }]);
    expect(grid[0]).toEqual(DIP_HEADERS);
    expect(grid[1]).toEqual([
      ID, 'Dikecualikan', 'Data pribadi pegawai', 'NIK dan alamat', 'BKD', 'Kepala BKD', '2023', 'Jambi', 'Hardcopy & Softcopy',
      'Selama berlaku', '', 'Pasal 17 huruf h angka 2; UU No. 27 Tahun 2022', 'Melanggar privasi', 'Privasi lebih besar', '5 tahun', '',
    ]);
    expect(grid[2]!.slice(0, 2)).toEqual(['', '']);
    expect(grid[2]![8]).toBe('Hardcopy');
    expect(grid[2]!.slice(10, 16)).toEqual(['https://x.go.id', '', '', '', '', 'n']);
    expect(grid.every((line) => line.length === DIP_HEADERS.length)).toBe(true);
  });

  it('writes formula-like text as it is (writers escape for their medium) and reads an export\'s escape back', () => {
    const risky = { ...row, title: '=HYPERLINK("http://evil","klik")', summary: '- poin satu\n- poin dua', responsible: '@SUM(A1)', notes: "'kutip'" };
    const grid = toDipGrid([risky]);
    expect(grid[1]![2]).toBe('=HYPERLINK("http://evil","klik")');
    expect(parseDipGrid(grid).rows[0]).toEqual(canonicalRow(risky));
    // What server/src/export/escape.ts writes for those cells, as exceljs reads it back from the .xlsx.
    const exported = grid.map((line) => line.map((c) => (/^[=+\-@\t\r\n]/.test(c) ? `'${c}` : c)));
    expect(exported[1]![3]).toBe("'- poin satu\n- poin dua");
    expect(parseDipGrid(exported).rows[0]).toEqual(canonicalRow(risky));
  });
});

describe('parseDipGrid', () => {
  it('reads our own layout back into the same rows, with no issues (property)', () => {
    fc.assert(
      fc.property(fc.array(dipRowArb(), { maxLength: 12 }), (rows) => {
        const parsed = parseDipGrid(toDipGrid(rows));
        expect(parsed.issues).toEqual([]);
        expect(parsed.rows).toStrictEqual(rows.map(canonicalRow));
      }),
      { numRuns: 300 },
    );
  });

  it('imports a DIP published in another layout: title lines, aliases, merged time-and-place, No. column', () => {
    const grid: unknown[][] = [
      ['DAFTAR INFORMASI PUBLIK', null, null],
      ['PPID KOTA JAMBI TAHUN 2024'],
      [],
      ['No.', 'Jenis Informasi', 'Judul Informasi', 'Ringkasan Isi', 'Pejabat yang Menguasai Informasi', 'Penanggung Jawab',
        'Waktu dan Tempat Pembuatan', 'Bentuk Informasi yang Tersedia', 'Jangka Waktu Penyimpanan', 'Keterangan'],
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)'],
      [1, 'Informasi Berkala', '  Profil  PPID ', 'Struktur\r\norganisasi', 'Bagian Umum', 'Kabag Umum', '2023, Jambi', 'Hard & Soft File', '5 Thn', null],
      ['', '', '', '', '', '', '', '', '', ''],
      [2, 'serta-merta', 'Peringatan banjir', 'Peta rawan banjir', 'BPBD', 'Kepala BPBD', 'Jambi, Januari 2024', 'Website', 'Selama Beralku', ' - '],
    ];
    const parsed = parseDipGrid(grid);
    expect(parsed.issues).toEqual([]);
    expect(parsed.headerRow).toBe(3);
    expect(parsed.sourceRows).toEqual([5, 7]);
    expect(parsed.columns).toMatchObject({ category: 1, title: 2, createdWhenWhere: 6, notes: 9 });
    expect(parsed.rows).toStrictEqual([
      { category: 'berkala', title: 'Profil PPID', summary: 'Struktur\norganisasi', owningUnit: 'Bagian Umum', responsible: 'Kabag Umum',
        createdWhen: '2023', createdWhere: 'Jambi', formats: ['hardcopy', 'softcopy'], retention: '5 tahun' },
      { category: 'serta_merta', title: 'Peringatan banjir', summary: 'Peta rawan banjir', owningUnit: 'BPBD', responsible: 'Kepala BPBD',
        createdWhen: 'Januari 2024', createdWhere: 'Jambi', formats: ['softcopy'], retention: 'Selama berlaku' },
    ]);
  });

  it('takes section rows ("A. INFORMASI BERKALA") as the kategori of the rows under them', () => {
    const header = ['No', 'Judul Informasi', 'Ringkasan Isi Informasi', 'Pejabat/Unit yang Menguasai Informasi'];
    const parsed = parseDipGrid([header, ['A.', 'INFORMASI YANG WAJIB DISEDIAKAN DAN DIUMUMKAN SECARA BERKALA'], [1, 'Renstra', 'r', 'Bappeda'],
      ['B', 'Informasi Setiap Saat'], [1, 'SOP', 's', 'Bappeda']]);
    expect(parsed.rows.map((r) => [r.title, r.category])).toEqual([['Renstra', 'berkala'], ['SOP', 'setiap_saat']]);
    // The kategori came from the sections, so only the columns this layout really lacks are reported.
    expect(parsed.issues.map((i) => [i.code, i.message.split('"')[1]])).toEqual(
      ['Penanggung Jawab Pembuatan/Penerbitan', 'Waktu Pembuatan', 'Tempat Pembuatan', 'Bentuk Informasi', 'Jangka Waktu Penyimpanan / Retensi'].map(
        (h) => ['missing_column', h],
      ),
    );
  });

  it('does not take a row with only its kategori filled for a section', () => {
    const parsed = parseDipGrid([[...DIP_HEADERS], ['', 'Berkala']]);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]!.category).toBe('berkala');
  });

  it('reads two-row headers (the Uji Konsekuensi group over its four columns)', () => {
    const grid = [
      ['Judul Informasi', 'Ringkasan Isi Informasi', 'Pejabat yang Menguasai Informasi', 'Uji Konsekuensi', null, null, null],
      [null, null, null, 'Dasar Hukum', 'Konsekuensi', 'Kepentingan Publik', 'Jangka Waktu Pengecualian'],
      ['Data pasien', 'Rekam medis', 'RSUD', 'Pasal 17 huruf h angka 2', 'Membuka rahasia medis', 'Privasi', 'permanent'],
    ];
    const parsed = parseDipGrid(grid, { lang: 'en' });
    expect(parsed.rows[0]!.exemption).toEqual({ article17: 'h', clause: '2', consequence: 'Membuka rahasia medis', publicInterest: 'Privasi', period: 'Permanen' });
    expect(parsed.issues.every((i) => i.code === 'missing_column' && i.rowIndex === -1)).toBe(true);
    expect(parsed.issues[0]!.message).toMatch(/^Column ".+" was not found/);
  });

  it('never drops a row it cannot understand: it returns what it read and says what it did not', () => {
    const grid = [
      [...DIP_HEADERS, 'Kolom Tambahan'],
      ['bukan-uuid', 'Terbuka', 'Judul', 'r', 'u', 'p', 2023, 'Jambi', 'Lisan', '5', 'x', 'Pasal 17 huruf z', '', '', '', '', 'abc'],
    ];
    const parsed = parseDipGrid(grid);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]).toMatchObject({ category: null, title: 'Judul', createdWhen: '2023', formats: [], retention: '5 tahun', link: 'x' });
    expect(parsed.rows[0]!.id).toBeUndefined();
    expect(parsed.rows[0]!.exemption).toEqual({ article17: null, otherLaw: 'Pasal 17 huruf z', consequence: '', publicInterest: '', period: '' });
    expect(parsed.issues.map((i) => [i.code, i.rowIndex, i.field, i.severity])).toEqual([
      ['unknown_column', -1, null, 'warning'],
      ['invalid_id', 0, null, 'error'],
      ['unrecognised_category', 0, 'category', 'error'],
      ['unrecognised_format', 0, 'formats', 'error'],
      ['unrecognised_basis', 0, 'exemption', 'warning'],
    ]);
    expect(parsed.issues[0]!.message).toContain('Kolom Tambahan');
    expect(parsed.issues[2]!.message).toContain('"Terbuka"');
  });

  it('reads Excel values of every type: numbers, booleans, dates, serials, exceljs objects', () => {
    const grid: unknown[][] = [
      ['Kategori', 'Judul Informasi', 'Waktu Pembuatan', 'Tempat Pembuatan', 'Tautan', 'Catatan', 'Bentuk Informasi'],
      [{ richText: [{ text: 'Ber' }, { text: 'kala' }] }, 2024, 45292, { formula: 'X', result: 'Jambi' },
        { text: 'situs PPID', hyperlink: 'https://ppid.jambikota.go.id' }, true, 'Hardcopy'],
      ['Berkala', new Date(Date.UTC(2024, 1, 29)), new Date(Date.UTC(2024, 1, 29)), undefined, null, false, 'PDF'],
    ];
    const parsed = parseDipGrid(grid);
    expect(parsed.rows[0]).toMatchObject({ category: 'berkala', title: '2024', createdWhen: '1 Januari 2024', createdWhere: 'Jambi',
      link: 'https://ppid.jambikota.go.id', notes: 'TRUE', formats: ['hardcopy'] });
    expect(parsed.rows[1]).toMatchObject({ title: '29 Februari 2024', createdWhen: '29 Februari 2024', notes: 'FALSE' });
  });

  it('copes with ragged, sparse and malformed lines', () => {
    const sparse: unknown[] = [];
    sparse[1] = 'Berkala';
    sparse[2] = 'Judul jarang';
    const grid = [[...DIP_HEADERS], null, 'not a line', ['', 'Setiap Saat', 'Pendek'], sparse] as unknown as unknown[][];
    const parsed = parseDipGrid(grid);
    expect(parsed.rows.map((r) => [r.category, r.title])).toEqual([['setiap_saat', 'Pendek'], ['berkala', 'Judul jarang']]);
    expect(parsed.sourceRows).toEqual([3, 4]);
  });

  it('reports a grid without a recognisable header instead of guessing', () => {
    const parsed = parseDipGrid([['a', 'b'], ['c', 'd']], { lang: 'en' });
    expect(parsed.rows).toEqual([]);
    expect(parsed.headerRow).toBe(-1);
    expect(parsed.issues).toMatchObject([{ code: 'header_not_found', rowIndex: -1, severity: 'error' }]);
    expect(parseDipGrid([]).issues[0]!.code).toBe('header_not_found');
    // The header must be within the first 10 rows.
    expect(parseDipGrid([...Array.from({ length: 10 }, () => ['']), [...DIP_HEADERS]]).headerRow).toBe(-1);
  });

  it('flags repeated columns and data under a column without a header', () => {
    const parsed = parseDipGrid([
      ['Judul Informasi', 'Kategori', 'Judul', null, 'Ringkasan Isi'],
      ['A', 'Berkala', 'B', 'isi tanpa judul kolom', 'r'],
    ]);
    expect(parsed.rows[0]!.title).toBe('A');
    const codes = parsed.issues.filter((i) => i.code !== 'missing_column').map((i) => [i.code, i.message]);
    expect(codes).toEqual([
      ['duplicate_column', 'Kolom "Judul" muncul lebih dari sekali; hanya kolom pertama yang dibaca.'],
      ['unknown_column', 'Kolom "kolom D" tidak dikenali dan tidak dibaca.'],
    ]);
  });

  it('reads 10,000 rows in linear time', () => {
    const rows = fc.sample(dipRowArb(), 10_000);
    const grid = toDipGrid(rows);
    parseDipGrid(grid.slice(0, 500)); // warm-up
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      expect(parseDipGrid(grid).rows).toHaveLength(10_000);
      times.push(performance.now() - t0);
    }
    // ~0.2–0.4 s on a busy 2-core box; anything quadratic would take minutes.
    expect(Math.min(...times)).toBeLessThan(2_000);
  });
});

describe('parseDipGrid: the closing block under the list', () => {
  const HEADER = ['No', 'Judul Informasi', 'Ringkasan Isi', 'Pejabat yang Menguasai', 'Penanggung Jawab', 'Waktu Pembuatan', 'Tempat',
    'Bentuk Informasi', 'Jangka Waktu Penyimpanan'];
  const LIST = [
    HEADER,
    ['A.', 'INFORMASI BERKALA'],
    ['1', 'Rencana Strategis', 'Renstra 2021-2026', 'Bagian Umum', 'Kepala Bagian Umum', '2021', 'Jambi', 'Hardcopy', '5 tahun'],
    ['2', 'Laporan Keuangan', 'LKPD 2023', 'BPKAD', 'Kepala BPKAD', '2024', 'Jambi', 'Softcopy', '10 tahun'],
  ];
  /** A line with `text` in column `c` (0-based) and nothing else, as a signature block is typed under a DIP. */
  const at = (c: number, ...text: string[]) => [...Array.from({ length: c }, () => ''), ...text];
  // Right-aligned under Bentuk Informasi (H), as most DIPs sign.
  const SIGNATURE = [
    at(7, 'Ditetapkan di Jambi'),
    at(7, 'pada tanggal 2 Januari 2025'),
    at(7, 'KEPALA DINAS KOMUNIKASI DAN INFORMATIKA'),
    at(7, 'ttd'),
    at(7, 'Drs. H. AHMAD SUBAGIO, M.Si'),
    at(7, 'Pembina Utama Muda'),
    at(7, 'NIP 19700101 199503 1 002'),
  ];
  const closing = (p: ReturnType<typeof parseDipGrid>) => p.issues.filter((i) => i.code === 'closing_block_skipped');

  it('leaves a signature block after a blank line out of the rows, and says so once, in Indonesian and English', () => {
    const grid = [...LIST, [], ...SIGNATURE, [], []];
    const parsed = parseDipGrid(grid);
    expect(parsed.rows.map((r) => r.title)).toEqual(['Rencana Strategis', 'Laporan Keuangan']);
    expect(parsed.sourceRows).toEqual([2, 3]);
    expect(parsed.issues).toEqual([{
      rowId: null, rowIndex: -1, field: null, severity: 'warning', code: 'closing_block_skipped',
      message: '7 baris di bawah daftar (mis. blok tanda tangan), mulai dari "Ditetapkan di Jambi", tidak diimpor.',
    }]);
    expect(closing(parseDipGrid(grid, { lang: 'en' }))[0]!.message).toBe(
      'Lines under the list (e.g. a signature block) were not imported: 7, starting with "Ditetapkan di Jambi".',
    );
  });

  it('cuts a block dated straight under the last row, with two signatures side by side and a note, in and beyond the columns', () => {
    const grid = [
      ...LIST,
      at(7, 'Jambi, 2 Januari 2025'),
      [...at(3, 'Mengetahui,'), ...at(3, 'KEPALA DINAS')],
      [...at(3, 'PPID Utama'), ...at(3, 'ttd')],
      [...at(3, 'SEKRETARIS DAERAH'), ...at(3, 'NAMA KEPALA DINAS')],
      [...at(3, 'NIP 19680202 199003 1 001'), ...at(3, 'NIP 19700101 199503 1 002')],
      [],
      // Under "No", which is not read.
      ['Keterangan:'],
      ['Daftar ini dimutakhirkan setiap tahun.'],
      // Beyond the header's nine columns: not a DIP column, but part of the same block, not an unnamed column.
      at(10, 'Paraf'),
    ];
    const parsed = parseDipGrid(grid);
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.issues.map((i) => i.code)).toEqual(['closing_block_skipped']);
    expect(parsed.issues[0]!.message).toMatch(/^8 baris .* mulai dari "Jambi, 2 Januari 2025"/);
  });

  it('cuts a block under a trailing section row that has no rows, and under a list with no rows at all', () => {
    const trailingSection = parseDipGrid([...LIST, ['D.', 'INFORMASI YANG DIKECUALIKAN'], [], ...SIGNATURE]);
    expect(trailingSection.rows).toHaveLength(2);
    expect(closing(trailingSection)).toHaveLength(1);
    const empty = parseDipGrid([HEADER, [], ...SIGNATURE.slice(0, 3)]);
    expect(empty.rows).toEqual([]);
    expect(closing(empty)[0]!.message).toMatch(/^3 baris/);
  });

  it('never cuts a line with a title or summary (a signature typed under Judul stays a row), nor lines followed by another DIP row', () => {
    const withSummary = parseDipGrid([...LIST, [], at(2, 'Ditetapkan setiap tahun oleh Kepala Dinas'), [], ...SIGNATURE.slice(3)]);
    // The summary line is data; the lines under it are then the block.
    expect(withSummary.rows.map((r) => r.summary)).toEqual(['Renstra 2021-2026', 'LKPD 2023', 'Ditetapkan setiap tahun oleh Kepala Dinas']);
    expect(closing(withSummary)[0]!.message).toMatch(/^4 baris .* "ttd"/);

    const middle = parseDipGrid([...LIST, [], ...SIGNATURE, ['3', 'SOP Pelayanan', 'SOP', 'Bagian Umum', 'Kepala', '2024', 'Jambi', 'Hardcopy', '5 tahun']]);
    expect(middle.rows).toHaveLength(3 + SIGNATURE.length);
    expect(middle.rows.at(-1)!.title).toBe('SOP Pelayanan');
    const underTitle = parseDipGrid([...LIST, [], at(1, 'Mengetahui,'), at(1, 'KEPALA DINAS')]);
    expect(underTitle.rows.map((r) => r.title).slice(2)).toEqual(['Mengetahui,', 'KEPALA DINAS']);
    expect(closing(underTitle)).toEqual([]);
    expect(closing(middle)).toEqual([]);

    const beforeSection = parseDipGrid([...LIST, [], ...SIGNATURE.slice(0, 2), ['B.', 'INFORMASI SETIAP SAAT']]);
    expect(beforeSection.rows).toHaveLength(4);
    expect(closing(beforeSection)).toEqual([]);
  });

  it('keeps what looks like a row someone began to fill: no blank line and no opening phrase, no closing phrase, many cells, a kategori, an ID', () => {
    const kept = (tail: unknown[][], header: unknown[] = HEADER) => {
      const parsed = parseDipGrid([header, ...LIST.slice(1), ...tail]);
      expect(closing(parsed)).toEqual([]);
      return parsed.rows.length - 2;
    };
    // Straight under the list, "Kepala …" is a Penanggung Jawab, not a signature (no "Ditetapkan", no dated place).
    expect(kept([[...at(3, 'Bagian Umum', 'Kepala Bagian Umum')]])).toBe(1);
    expect(kept([at(5, '2 Januari 2025')])).toBe(1);
    // After a blank line, but nothing reads like a closing block.
    expect(kept([[], at(3, 'Bagian Umum')])).toBe(1);
    // More cells than a signature line has.
    expect(kept([[], at(7, 'Ditetapkan di Jambi'), ['4', '', '', 'Bagian Umum', 'Kepala Bagian Umum', '2024', 'Jambi', 'Hardcopy']])).toBe(2);
    // A kategori is a row's.
    expect(kept([[], at(7, 'Ditetapkan di Jambi'), ['', '', '', '', '', '', '', '', '', 'x'], ['Berkala', '', '', 'Kepala Bagian Umum']],
      ['Kategori', ...HEADER.slice(1), 'Catatan'])).toBe(3);
    // An ID is a row of the register: cutting it would drop that row from the version.
    const ID_HEADER = [...DIP_HEADERS];
    const idRow = Array.from(DIP_HEADERS, () => '');
    idRow[0] = ID;
    idRow[5] = 'Kepala BKD';
    expect(parseDipGrid([ID_HEADER, toDipGrid([row])[1]!, [], at(8, 'Ditetapkan di Jambi'), idRow]).rows).toHaveLength(3);
  });
});

describe('findHeaderRow', () => {
  const OLD_HEADER = ['No.', 'Jenis Informasi', 'Judul Informasi', 'Ringkasan Isi', 'Pejabat yang Menguasai Informasi', 'Penanggung Jawab',
    'Waktu dan Tempat Pembuatan', 'Bentuk Informasi yang Tersedia', 'Jangka Waktu Penyimpanan', 'Keterangan'];
  const TITLE_LINES = [['DAFTAR INFORMASI PUBLIK'], ['PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI KOTA JAMBI'], []];
  const DATA = [1, 'Informasi Berkala', 'Profil PPID', 'Struktur organisasi', 'Bagian Umum', 'Kabag Umum', '2023, Jambi', 'Hardcopy', '5 tahun', ''];

  it('passes over the title lines, the body\'s name and a blank line to the header under them', () => {
    expect(findHeaderRow([...TITLE_LINES, OLD_HEADER, DATA])).toBe(3);
    expect(findHeaderRow([OLD_HEADER, DATA])).toBe(0);
    expect(findHeaderRow([[...DIP_HEADERS], DATA])).toBe(0);
    // Fewer than three named columns is not a header; nor is anything under the first 10 rows.
    expect(findHeaderRow([['Judul Informasi', 'Ringkasan'], DATA])).toBe(-1);
    expect(findHeaderRow([...Array.from({ length: 10 }, () => ['Judul', 'Catatan']), OLD_HEADER])).toBe(-1);
  });

  it('takes the old header over the add-in\'s own headers left beside a title line pasted over them', () => {
    // The add-in made its DIP table (A1:P1 headers), then a person pasted an old DIP of 10 columns at A1.
    const leftover = [...DIP_HEADERS] as string[];
    leftover.splice(0, OLD_HEADER.length, 'DAFTAR INFORMASI PUBLIK', ...Array.from({ length: OLD_HEADER.length - 1 }, () => ''));
    const grid = [leftover, ...TITLE_LINES.slice(1), OLD_HEADER, DATA];
    expect(findHeaderRow(grid)).toBe(3);
    const parsed = parseDipGrid(grid);
    expect(parsed.rows.map((r) => [r.title, r.category, r.createdWhere])).toEqual([['Profil PPID', 'berkala', 'Jambi']]);
    expect(parsed.issues).toEqual([]);
  });

  it('keeps the first header when a later line only looks like one, and never takes a sub-header for it', () => {
    // Our header with one column renamed to something unknown, then a data row whose cells all happen to be header words.
    const renamed = DIP_HEADERS.map((h, i) => (i === 2 ? 'Judulnya' : h));
    expect(findHeaderRow([renamed, DATA, ['', '', 'Keterangan', 'Bidang Umum', 'Website']])).toBe(0);
    const twoRows = [
      ['Judul Informasi', 'Ringkasan Isi Informasi', 'Pejabat yang Menguasai Informasi', 'Paraf', 'Uji Konsekuensi', null, null, null],
      [null, null, null, null, 'Dasar Hukum', 'Konsekuensi', 'Kepentingan Publik', 'Jangka Waktu Pengecualian'],
      ['Data pasien', 'Rekam medis', 'RSUD', '', 'Pasal 17 huruf h', 'Membuka rahasia medis', 'Privasi', '5 tahun'],
    ];
    expect(findHeaderRow(twoRows)).toBe(0);
    expect(parseDipGrid(twoRows).rows[0]!.exemption).toMatchObject({ article17: 'h', period: '5 tahun' });
  });
});
