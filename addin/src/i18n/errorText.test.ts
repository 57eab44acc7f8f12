/** What a person reads when the DIP table cannot widen (columns_blocked): where, and what to do, in both languages. */
import { describe, expect, it } from 'vitest';
import { AdapterError, type ColumnsBlocked } from '../excel/runner.js';
import { errorText } from './errorText.js';
import { CATALOGUES } from './index.js';

const blocked: ColumnsBlocked = { sheet: 'DIP', columns: ['ID', 'Kategori', 'Waktu Pembuatan', 'Tempat Pembuatan', 'Catatan'], first: 'E', last: 'I', cells: 'E3:F7' };

describe('errorText for columns_blocked', () => {
  it('names the cells in the way, the columns needed and the way out, Indonesian first', () => {
    const err = new AdapterError('columns_blocked', 'internal', undefined, blocked);
    const id = errorText(CATALOGUES.id, err);
    expect(id).toMatch(/^Lembar DIP tidak diubah/);
    expect(id).toContain('ada isi di E3:F7');
    expect(id).toContain('kolom E–I lembar DIP');
    expect(id).toContain('5 kolom lagi di kanannya (ID, Kategori, Waktu Pembuatan dan 2 lainnya)');
    expect(id).toContain('sisipkan 5 kolom kosong');
    expect(id).toContain('pilih huruf kolom E sampai I, klik kanan → Sisipkan');
    const en = errorText(CATALOGUES.en, err);
    expect(en).toMatch(/^The DIP sheet was not changed/);
    expect(en).toContain('E3:F7 holds something');
    expect(en).toContain('columns E–I of sheet DIP');
    expect(en).toContain('insert 5 empty columns');
    expect(en).not.toContain('internal');
  });

  it('speaks of one column as one', () => {
    const one = new AdapterError('columns_blocked', 'internal', undefined, { ...blocked, columns: ['ID'], last: 'E', cells: 'E2' });
    expect(errorText(CATALOGUES.id, one)).toContain('1 kolom lagi di kanannya (ID), yaitu di kolom E lembar DIP, tetapi ada isi di E2');
    expect(errorText(CATALOGUES.id, one)).toContain('klik huruf kolom E, klik kanan');
    expect(errorText(CATALOGUES.en, one)).toContain('1 more column on its right (ID), in column E of sheet DIP');
  });

  it('still says what happened when the place is unknown', () => {
    const err = new AdapterError('columns_blocked', 'internal');
    expect(errorText(CATALOGUES.id, err)).toBe(CATALOGUES.id.errors.adapter.columns_blocked);
    expect(errorText(CATALOGUES.en, err)).toBe(CATALOGUES.en.errors.adapter.columns_blocked);
  });
});

describe('errorText when Excel refuses the rows a write inserts or deletes under the DIP table', () => {
  it('says what was refused and what to do, Indonesian first', () => {
    const err = Object.assign(new Error('The insert or delete operation resulted in a conflict.'), { name: 'RichApi.Error', code: 'InsertDeleteConflict' });
    expect(errorText(CATALOGUES.id, err)).toMatch(/^Excel menolak menyisipkan atau menghapus baris di bawah tabel DIP/);
    expect(errorText(CATALOGUES.en, err)).toMatch(/^Excel refused to insert or delete rows under the DIP table/);
  });
});
