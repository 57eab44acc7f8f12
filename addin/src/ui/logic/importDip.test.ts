import { describe, expect, it } from 'vitest';
import { importMarks, previewImport } from './importDip.js';

// An office's own layout: a title line, its own header names, a section row, messy values.
const OLD_DIP = [
  ['DAFTAR INFORMASI PUBLIK DINAS KOMINFO 2023', '', '', '', '', '', '', '', ''],
  ['No', 'Judul Informasi', 'Ringkasan Isi', 'Pejabat yang Menguasai', 'Penanggung Jawab', 'Waktu Pembuatan', 'Tempat', 'Bentuk Informasi', 'Jangka Waktu Penyimpanan'],
  ['A. Informasi Berkala', '', '', '', '', '', '', '', ''],
  ['1', 'Rencana Strategis', 'Renstra 2021-2026', 'Bagian Umum', 'Kepala Bagian Umum', '2021', 'Jambi', 'Hard & Soft File', 'Selama Beralku'],
  ['2', '', 'Ringkasan tanpa judul', 'Bagian Umum', 'Kepala Bagian Umum', '2022', 'Jambi', 'Softcopy', '5 tahun'],
];

describe('previewImport', () => {
  it('reads another layout, normalises values and reports problems by source sheet row', () => {
    const p = previewImport(OLD_DIP, 'id', ['Bagian Umum']);
    expect(p.headerFound).toBe(true);
    expect(p.rows).toHaveLength(2);
    expect(p.rows[0]).toMatchObject({ category: 'berkala', title: 'Rencana Strategis', formats: ['hardcopy', 'softcopy'] });
    expect(p.columns).toContain('title');
    // The row without a title is sheet row 5 (the grid starts at row 1).
    const row5 = p.problems.find((x) => x.sheetRow === 5);
    expect(row5?.severity).toBe('error');
    expect(p.problems.every((x) => x.sheetRow >= 4)).toBe(true);
    // Marks point at the imported rows' positions in the DIP sheet.
    expect(importMarks(p).some((m) => m.rowIndex === 1 && m.severity === 'error')).toBe(true);
  });

  it('flags an unknown owning unit only against a unit list it was given', () => {
    const unitIssues = (units?: readonly string[]) =>
      previewImport(OLD_DIP, 'id', units).issues.filter((i) => i.code === 'unknown_unit').map((i) => i.rowIndex);
    // No list (the Lembar DIP pane does not know the server's units): no row's unit is called unknown.
    expect(unitIssues()).toEqual([]);
    expect(previewImport(OLD_DIP, 'id').problems.find((x) => x.sheetRow === 4)).toBeUndefined();
    expect(unitIssues(['Bagian Umum'])).toEqual([]);
    expect(unitIssues(['Bagian Keuangan'])).toEqual([0, 1]);
  });

  it('says so when no header can be found', () => {
    const p = previewImport([['apa'], ['ini']], 'id');
    expect(p.headerFound).toBe(false);
    expect(p.rows).toEqual([]);
    expect(p.sheetIssues.length).toBeGreaterThan(0);
  });
});

describe('previewImport: what the import takes as the old DIP', () => {
  it('takes the title lines, header, section and data rows, up to the header\'s last column — not what lies under or right of it', () => {
    const grid = [
      ...OLD_DIP.map((line, r) => (r === 3 ? [...line, '', 'catatan di samping'] : line)),
      [],
      // Under the "No" column and right of the header: cells parseDipGrid does not read as a row.
      ['Ditetapkan di Jambi'],
      ['', '', '', '', '', '', '', '', '', '', 'NIP 1234'],
    ];
    // Nine columns named on the header row (A–I); the note in K on a data row and the lines under row 5 are not taken.
    expect(previewImport(grid, 'id')).toMatchObject({ taken: { rows: 5, cols: 9 }, beyondTaken: true });
    expect(previewImport(OLD_DIP, 'id')).toMatchObject({ taken: { rows: 5, cols: 9 }, beyondTaken: false });
  });

  it('leaves a signature block in a DIP column under the list out: not a row, not taken, said once', () => {
    const grid = [...OLD_DIP, [], ['', '', '', '', '', '', '', 'Ditetapkan di Jambi'], ['', '', '', '', '', '', '', 'NIP 19700101 199503 1 002']];
    const p = previewImport(grid, 'id');
    expect(p.rows).toHaveLength(2);
    expect(p.problems.every((x) => x.sheetRow <= 5)).toBe(true);
    expect(p).toMatchObject({ taken: { rows: 5, cols: 9 }, beyondTaken: true });
    expect(p.sheetIssues).toContain('2 baris di bawah daftar (mis. blok tanda tangan), mulai dari "Ditetapkan di Jambi", tidak diimpor.');
  });

  it('still takes a line under the list that does not read as a closing block (text in a DIP column): it is imported as a row', () => {
    const grid = [...OLD_DIP, [], ['', '', '', 'Bagian Umum', '', '2024']];
    const p = previewImport(grid, 'id');
    expect(p.rows).toHaveLength(3);
    expect(p.taken).toEqual({ rows: 7, cols: 9 });
  });

  it('counts columns named by a sub-header under a merged group header, and a header row with no data under it', () => {
    const grid = [
      ['No', 'Judul Informasi', 'Ringkasan Isi', 'Pejabat', 'Uji Konsekuensi'],
      ['', '', '', '', 'Dasar Hukum Pengecualian', 'Konsekuensi', 'Pertimbangan Kepentingan Publik'],
      ['1', 'Rencana Strategis', 'Renstra', 'Bagian Umum', 'Pasal 17', 'Menghambat', 'Lebih kecil'],
    ];
    expect(previewImport(grid, 'id').taken).toEqual({ rows: 3, cols: 7 });
    expect(previewImport(grid.slice(0, 1), 'id').taken).toEqual({ rows: 1, cols: 5 });
    expect(previewImport([['apa'], ['ini']], 'id')).toMatchObject({ taken: null, beyondTaken: false });
  });
});
