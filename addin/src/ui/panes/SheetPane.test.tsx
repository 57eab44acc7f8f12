import '../testing/dom.js';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleRow, sampleRows } from '../../../../shared/testing/sample-rows.js';
import { MARK_FILLS } from '../../excel/marks.js';
import { I18nProvider } from '../../i18n/index.js';
import { memoryStorage } from '../../office/storage.js';
import { openWorkbook, type Workbook } from '../testing/harness.js';
import { SheetPane } from './SheetPane.js';

afterEach(cleanup);

function show(wb: Workbook) {
  const onError = vi.fn();
  render(
    <I18nProvider store={memoryStorage()}>
      <SheetPane adapter={wb.adapter} onError={onError} />
    </I18nProvider>,
  );
  return { user: userEvent.setup(), onError };
}

describe('Lembar DIP pane (real adapter over mock Excel)', () => {
  it('creates the DIP sheet in an empty workbook and says so', async () => {
    const wb = await openWorkbook([], { empty: true });
    const { user } = show(wb);
    await user.click(screen.getByRole('button', { name: 'Buat / perbaiki lembar DIP' }));
    expect(await screen.findByText('Lembar DIP dibuat dan siap diisi.')).toBeTruthy();
    expect(wb.grid()[0]).toContain('Judul Informasi');
  });

  it('over an old DIP with a signature block under it, says the block was left outside the table', async () => {
    const wb = await openWorkbook([], { empty: true });
    const sheet = wb.mock.model.addSheet('DIP');
    sheet.put(0, 0, [
      ['No.', 'Jenis Informasi', 'Judul Informasi', 'Ringkasan Isi Informasi', 'Pejabat yang Menguasai Informasi'],
      ['1', 'Berkala', 'Profil PPID', 'Struktur organisasi', 'Bagian Umum'],
      ['', '', '', '', ''],
      ['', '', '', '', 'Ditetapkan di Jambi'],
      ['', '', '', '', 'KEPALA DINAS KOMUNIKASI DAN INFORMATIKA'],
      ['', '', '', '', 'NIP. 19700101 199003 1 001'],
    ]);
    const { user } = show(wb);
    await user.click(screen.getByRole('button', { name: 'Buat / perbaiki lembar DIP' }));
    expect(await screen.findByText(/blok penutup di bawah daftar \(tanda tangan, keterangan\) dibiarkan di luar tabel/)).toBeTruthy();
  });

  it('validates: issues grouped by severity, cells marked, and a click selects the cell', async () => {
    const wb = await openWorkbook([{ ...sampleRow(0), title: '' }, { ...sampleRow(1), retention: 'entah kapan' }, sampleRow(2)]);
    const { user } = show(wb);
    await user.click(screen.getByRole('button', { name: 'Periksa lembar' }));
    expect(await screen.findByText('3 baris diperiksa: 1 kesalahan, 1 peringatan.')).toBeTruthy();
    const errors = screen.getByRole('heading', { name: 'Kesalahan (1)' });
    const warnings = screen.getByRole('heading', { name: 'Peringatan (1)' });
    // Errors come before warnings.
    expect(errors.compareDocumentPosition(warnings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(wb.fill(0, 'title')).toBe(MARK_FILLS.error);
    expect(wb.fill(1, 'retention')).toBe(MARK_FILLS.warning);

    await user.click(screen.getByRole('button', { name: /Baris 2 · Judul Informasi/ }));
    expect(wb.selection()).toBe('DIP!C2');

    await user.click(screen.getByRole('button', { name: 'Hapus tanda' }));
    // The list goes once the clear has finished, which the click does not wait for (it failed on a slow machine).
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Kesalahan (1)' })).toBeNull());
    expect(wb.fill(0, 'title')).toBeUndefined();
  });

  it('classifies the selected rows in bulk; asks for a selection first', async () => {
    const wb = await openWorkbook(sampleRows(4));
    const { user } = show(wb);
    wb.mock.model.selection = '';
    await user.click(screen.getByRole('button', { name: 'Terapkan ke baris terpilih' }));
    expect(await screen.findByText('Pilih dulu baris data di lembar DIP.')).toBeTruthy();

    wb.selectRows(1, 2);
    await user.selectOptions(screen.getByLabelText('Kategori'), 'setiap_saat');
    await user.click(screen.getByRole('button', { name: 'Terapkan ke baris terpilih' }));
    expect(await screen.findByText('Kategori Setiap Saat diterapkan ke 2 baris.')).toBeTruthy();
    expect([0, 1, 2, 3].map((i) => wb.cell(i, 'category'))).toEqual(['Berkala', 'Setiap Saat', 'Setiap Saat', 'Dikecualikan']);
  });

  it('fills the uji konsekuensi of one selected row, shows the shared rules’ findings, and writes it back', async () => {
    const wb = await openWorkbook(sampleRows(3));
    const { user } = show(wb);
    wb.selectRows(0, 2);
    await user.click(screen.getByRole('button', { name: 'Ambil baris terpilih' }));
    expect(await screen.findByText('Pilih satu baris saja untuk uji konsekuensi.')).toBeTruthy();

    wb.selectRows(1);
    await user.click(screen.getByRole('button', { name: 'Ambil baris terpilih' }));
    const form = await screen.findByText(`Baris 3: ${sampleRow(1).title}`);
    expect(form).toBeTruthy();
    expect(screen.getByText(/menyimpan akan mengubah kategorinya menjadi Dikecualikan/)).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Pasal 17 UU 14/2008, huruf'), 'c');
    await user.type(screen.getByLabelText(/^Konsekuensi/), 'Membahayakan keamanan fasilitas');
    await user.type(screen.getByLabelText(/^Pertimbangan kepentingan publik/), 'Keselamatan publik lebih utama');
    await user.type(screen.getByLabelText(/^Jangka waktu pengecualian/), 'Permanen');
    expect(screen.getByText(/Pasal 17 huruf c tidak boleh permanen/)).toBeTruthy();
    await user.clear(screen.getByLabelText(/^Jangka waktu pengecualian/));
    await user.type(screen.getByLabelText(/^Jangka waktu pengecualian/), '5 tahun');
    expect(screen.queryByText(/Pasal 17 huruf c tidak boleh permanen/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Simpan ke baris' }));
    expect(await screen.findByText('Uji konsekuensi disimpan ke baris 3.')).toBeTruthy();
    expect(wb.cell(1, 'category')).toBe('Dikecualikan');
    expect(wb.cell(1, 'exemption.basis')).toMatch(/Pasal 17 huruf c/);
    expect(wb.cell(1, 'exemption.consequence')).toBe('Membahayakan keamanan fasilitas');
    expect(wb.cell(1, 'exemption.period')).toBe('5 tahun');
    // The other rows are untouched.
    expect(wb.cell(0, 'title')).toBe(sampleRow(0).title);
    expect(within(document.body).queryByText('Belum disimpan')).toBeNull();
  });
});
