import { describe, expect, it } from 'vitest';
import { DIP_HEADERS } from '../../../shared/columns.js';
import { columnPositions, missingHeaders, restoreHeaders, strictHeaders } from './headerRow.js';

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

  it('restores blank and renamed headers, fixes drift, keeps moved columns and extras', () => {
    const current = [...DIP_HEADERS];
    current[1] = '  kategori ';
    current[2] = 'Judulnya';
    current[5] = '';
    const swapped = swap(current, 6, 7);
    const restored = restoreHeaders([...swapped, 'Kolom Saya'], false);
    expect(restored.slice(0, 6)).toEqual(DIP_HEADERS.slice(0, 6));
    expect(restored[6]).toBe(DIP_HEADERS[7]);
    expect(restored[7]).toBe(DIP_HEADERS[6]);
    expect(restored[16]).toBe('Kolom Saya');
  });

  it('keeps another layout\'s headers when adopting a person\'s data, filling only blanks', () => {
    const current = ['No.', 'Ringkasan Isi', ''];
    const restored = restoreHeaders(current, true);
    expect(restored.slice(0, 3)).toEqual(['No.', 'Ringkasan Isi', DIP_HEADERS[2]]);
    expect(restored).toHaveLength(DIP_HEADERS.length);
  });

  it('makes the header exactly DIP_HEADERS before a write, renaming clashing extras', () => {
    const current = [...swap(DIP_HEADERS, 2, 3), 'Judul Informasi', 'Lain'];
    expect(strictHeaders(current)).toEqual([...DIP_HEADERS, 'Judul Informasi (lama)', 'Lain']);
  });

  it('lists what is missing', () => {
    expect(missingHeaders(DIP_HEADERS)).toEqual([]);
    expect(missingHeaders(DIP_HEADERS.slice(0, 14))).toEqual(DIP_HEADERS.slice(14));
  });
});
