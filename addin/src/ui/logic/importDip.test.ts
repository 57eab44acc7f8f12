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
