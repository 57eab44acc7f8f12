import '../testing/dom.js';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestServer } from '../../../../server/src/testing/server.js';
import { sampleRow, sampleRows } from '../../../../shared/testing/sample-rows.js';
import { MARK_FILLS } from '../../excel/marks.js';
import { I18nProvider } from '../../i18n/index.js';
import { memoryStorage } from '../../office/storage.js';
import { ApiClient, newIdempotencyKey } from '../../api/client.js';
import { apiFor, openWorkbook, serverFetch, startServer, type Workbook } from '../testing/harness.js';
import { SheetPane } from './SheetPane.js';

// A real server for the unit list the checks match owning units against: "Bagian Umum" and "Bidang Keuangan".
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.database.dispose());
afterEach(cleanup);

function show(wb: Workbook, api: ApiClient = apiFor(server, 'ppid')) {
  const onError = vi.fn();
  render(
    <I18nProvider store={memoryStorage()}>
      <SheetPane adapter={wb.adapter} api={api} onError={onError} />
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
    // Units as the server knows them ("Bagian Umum", code UB), and one it does not.
    const rows = [{ ...sampleRow(0), title: '' }, { ...sampleRow(1), owningUnit: 'ub', retention: 'entah kapan' }, { ...sampleRow(2), owningUnit: 'Dinas Pariwisata' }];
    const wb = await openWorkbook(rows);
    const { user } = show(wb);
    await user.click(screen.getByRole('button', { name: 'Periksa lembar' }));
    expect(await screen.findByText('3 baris diperiksa: 1 kesalahan, 2 peringatan.')).toBeTruthy();
    const errors = screen.getByRole('heading', { name: 'Kesalahan (1)' });
    const warnings = screen.getByRole('heading', { name: 'Peringatan (2)' });
    // Errors come before warnings.
    expect(errors.compareDocumentPosition(warnings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(wb.fill(0, 'title')).toBe(MARK_FILLS.error);
    expect(wb.fill(1, 'retention')).toBe(MARK_FILLS.warning);
    // Owning units are matched against the server's list, as a push matches them: the same warning, the same row.
    expect(screen.getByText('Unit "Dinas Pariwisata" tidak ada dalam daftar unit yang dikenal.')).toBeTruthy();
    expect([0, 1, 2].map((r) => wb.fill(r, 'owningUnit'))).toEqual([undefined, undefined, MARK_FILLS.warning]);
    const pushed = await apiFor(server, 'ppid').push({ message: 'periksa unit', rows }, { firstVersion: true }, newIdempotencyKey());
    expect(pushed.data.issues.filter((i) => i.code === 'unknown_unit').map((i) => [i.rowIndex, i.message])).toEqual([
      [2, 'Unit "Dinas Pariwisata" tidak ada dalam daftar unit yang dikenal.'],
    ]);

    await user.click(screen.getByRole('button', { name: /Baris 2 · Judul Informasi/ }));
    expect(wb.selection()).toBe('DIP!C2');

    await user.click(screen.getByRole('button', { name: 'Hapus tanda' }));
    // The list goes once the clear has finished, which the click does not wait for (it failed on a slow machine).
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Kesalahan (1)' })).toBeNull());
    expect(wb.fill(0, 'title')).toBeUndefined();
  });

  it('checks every other rule when the unit list cannot be loaded, and says the units were not matched', async () => {
    const wb = await openWorkbook([{ ...sampleRow(0), owningUnit: 'Dinas Pariwisata' }, { ...sampleRow(1), retention: 'entah kapan' }]);
    // A server the pane cannot reach (the test fetch refuses any other origin, as a network failure would).
    const { user, onError } = show(wb, new ApiClient({ baseUrl: 'http://unreachable.test', token: server.tokens.ppid, fetch: serverFetch(server) }));
    await user.click(screen.getByRole('button', { name: 'Periksa lembar' }));
    expect(await screen.findByText('2 baris diperiksa: 0 kesalahan, 1 peringatan.')).toBeTruthy();
    expect(screen.getByText(/^Unit pemilik tidak dicocokkan: daftar unit dari server tidak dapat dimuat/)).toBeTruthy();
    expect(wb.fill(1, 'retention')).toBe(MARK_FILLS.warning);
    expect(wb.fill(0, 'owningUnit')).toBeUndefined();
    expect(onError).not.toHaveBeenCalled();
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
