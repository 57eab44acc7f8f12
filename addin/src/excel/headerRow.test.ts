import { describe, expect, it } from 'vitest';
import { DIP_HEADERS, columnIndex } from '../../../shared/columns.js';
import { columnPositions, missingHeaders, repairHeaders, strictHeaders } from './headerRow.js';

const swap = (row: readonly string[], a: number, b: number) => {
  const out = [...row];
  [out[a], out[b]] = [row[b] ?? '', row[a] ?? ''];
  return out;
};

describe('header row', () => {
  it('finds DIP columns by header, wherever they stand', () => {
    const moved = swap(DIP_HEADERS, 2, 3);
    const positions = columnPositions(moved);
    expect(positions[2]).toBe(3);
    expect(positions[3]).toBe(2);
    expect(columnPositions(['x'])[1]).toBe(-1);
  });

  it('finds another layout\'s columns by what their header means, as parseDipGrid reads them', () => {
    const old = ['No.', 'Jenis Informasi', 'Judul', 'Ringkasan Isi', 'Waktu dan Tempat Pembuatan'];
    const positions = columnPositions(old);
    expect(positions[columnIndex('id')]).toBe(-1);
    expect(positions[columnIndex('category')]).toBe(1);
    expect(positions[columnIndex('summary')]).toBe(3);
    // Time and place are both read from the combined column.
    expect(positions[columnIndex('createdWhen')]).toBe(4);
    expect(positions[columnIndex('createdWhere')]).toBe(4);
  });

  it('restores blank and renamed headers, fixes drift, keeps moved columns and extras', () => {
    const current = [...DIP_HEADERS];
    current[1] = '  kategori ';
    current[2] = 'Judulnya';
    current[5] = '';
    const swapped = swap(current, 6, 7);
    const restored = repairHeaders([...swapped, 'Kolom Saya'], 'restore');
    expect(restored.slice(0, 6)).toEqual(DIP_HEADERS.slice(0, 6));
    expect(restored[6]).toBe(DIP_HEADERS[7]);
    expect(restored[7]).toBe(DIP_HEADERS[6]);
    expect(restored[16]).toBe('Kolom Saya');
    expect(restored).toHaveLength(17);
  });

  it('keeps an unknown header when adopting a person\'s data, and adds the column it did not hold', () => {
    const current = ['ID', 'Kategori', 'Judulnya', ''];
    const adopted = repairHeaders(current, 'adopt');
    expect(adopted.slice(0, 4)).toEqual(['ID', 'Kategori', 'Judulnya', DIP_HEADERS[3]]);
    expect(adopted.slice(4)).toEqual([DIP_HEADERS[2], ...DIP_HEADERS.slice(4)]);
  });

  it('never renames a header of another layout: "No." stays, our missing columns are added at the end', () => {
    const old = ['No.', 'Jenis Informasi', 'Judul Informasi', 'Ringkasan Isi', '', 'Jumlah Halaman'];
    for (const mode of ['restore', 'adopt'] as const) {
      const repaired = repairHeaders(old, mode);
      // Not by position: "No." is not the ID, the blank and the unknown column are not Pejabat / Penanggung Jawab.
      expect(repaired.slice(0, 6)).toEqual(old);
      expect(repaired.slice(6)).toEqual(['ID', ...DIP_HEADERS.slice(columnIndex('owningUnit'))]);
      expect(missingHeaders(repaired)).toEqual([]);
      expect(repairHeaders(repaired, 'restore')).toEqual(repaired);
    }
  });

  it('adds neither Waktu nor Tempat next to a combined "Waktu dan Tempat Pembuatan"', () => {
    const repaired = repairHeaders(['Judul', 'Waktu dan Tempat Pembuatan'], 'restore');
    expect(repaired).not.toContain('Waktu Pembuatan');
    expect(repaired).not.toContain('Tempat Pembuatan');
    expect(repaired).toContain('ID');
  });

  it('is a fixed point on our own header row, moved columns included', () => {
    const moved = swap(DIP_HEADERS, 1, 9);
    expect(repairHeaders(moved, 'restore')).toEqual(moved);
    expect(repairHeaders([], 'restore')).toEqual(DIP_HEADERS);
  });

  it('makes the header exactly DIP_HEADERS before a write, renaming clashing extras', () => {
    const current = [...swap(DIP_HEADERS, 2, 3), 'Judul Informasi', 'Lain'];
    expect(strictHeaders(current)).toEqual([...DIP_HEADERS, 'Judul Informasi (lama)', 'Lain']);
  });

  it('lists what is missing, by meaning', () => {
    expect(missingHeaders(DIP_HEADERS)).toEqual([]);
    expect(missingHeaders(DIP_HEADERS.slice(0, 14))).toEqual(DIP_HEADERS.slice(14));
    expect(missingHeaders(['Jenis Informasi', ...DIP_HEADERS.slice(2)])).toEqual(['ID']);
  });
});
