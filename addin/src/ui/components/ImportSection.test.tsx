/**
 * Impor DIP lama in the Lembar DIP pane, on the real adapter over the mock Excel: an old DIP with title lines above
 * its header is read as it stands, previewed in Indonesian, and written in our layout only after the tick.
 *
 * The import reads and writes the workbook; the rows reach the register later through Sinkron like any other edit.
 * It asks the server only for its unit list, to flag owning units the server does not know (as a push will), so a
 * real server runs here (units "Bagian Umum" and "Bidang Keuangan").
 */
import '../testing/dom.js';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createUnit } from '../../../../server/src/auth/auth.service.js';
import type { TestServer } from '../../../../server/src/testing/server.js';
import { DIP_HEADERS } from '../../../../shared/columns.js';
import { MARK_FILLS } from '../../excel/marks.js';
import { sampleGrid } from '../../excel/testing/sampleRows.js';
import type { Cell } from '../../excel/testing/workbookModel.js';
import { I18nProvider } from '../../i18n/index.js';
import { memoryStorage } from '../../office/storage.js';
import { SheetPane } from '../panes/SheetPane.js';
import { apiFor, openWorkbook, startServer, type Workbook } from '../testing/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  // The old DIP's other units, so that only the test about units finds one the server does not know.
  await createUnit(server.db, 'test', { code: 'BPBD', name: 'Badan Penanggulangan Bencana Daerah' });
  await createUnit(server.db, 'test', { code: 'BPKAD', name: 'Badan Pengelolaan Keuangan dan Aset Daerah' });
});
afterAll(() => server.database.dispose());
afterEach(cleanup);

/** An old DIP as PPIDs publish it: title lines, the body's name, a blank line, the header, column numbers, rows. */
const OLD_DIP: Cell[][] = [
  ['DAFTAR INFORMASI PUBLIK'],
  ['PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI KOTA JAMBI'],
  [],
  ['No.', 'Jenis Informasi', 'Judul Informasi', 'Ringkasan Isi', 'Pejabat yang Menguasai Informasi', 'Penanggung Jawab',
    'Waktu dan Tempat Pembuatan', 'Bentuk Informasi yang Tersedia', 'Jangka Waktu Penyimpanan', 'Keterangan'],
  ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)'],
  [1, 'Informasi Berkala', 'Profil PPID', 'Struktur organisasi dan tugas PPID', 'Bagian Umum', 'Kabag Umum', '2023, Jambi', 'Hard & Soft File', '5 Thn', ''],
  [2, 'serta-merta', 'Peringatan dini banjir', 'Peta rawan banjir', 'BPBD', 'Kepala BPBD', 'Jambi, Januari 2024', 'Website', 'Selama Beralku', ''],
  [3, 'Terbuka', 'Daftar aset daerah', 'Aset tetap per 31 Desember', 'BPKAD', 'Kepala BPKAD', 2022, 'Lisan', 'Permanen', 'perlu dicek'],
];
const WIDTH = 10;

/** What a paste puts on a sheet: the whole block, blank cells included. */
const pasted = (grid: readonly (readonly Cell[])[]): Cell[][] => grid.map((line) => Array.from({ length: WIDTH }, (_, c) => line[c] ?? ''));

function show(wb: Workbook) {
  render(
    <I18nProvider store={memoryStorage()}>
      <SheetPane adapter={wb.adapter} api={apiFor(server, 'ppid')} onError={vi.fn()} />
    </I18nProvider>,
  );
  return { user: userEvent.setup(), section: within(screen.getByRole('region', { name: 'Impor DIP lama' })) };
}

/** Lines as the model reads them back: `width` cells each, blanks as ''. */
const pad = (grid: readonly (readonly Cell[])[], width: number): Cell[][] => grid.map((line) => Array.from({ length: width }, (_, c) => line[c] ?? ''));

const sheetValues = (wb: Workbook) => wb.mock.model.sheet('DIP')!.grid(wb.mock.model.sheet('DIP')!.usedRange()!);

describe('Impor DIP lama (real adapter over mock Excel)', () => {
  it('reads an old DIP below its title lines, previews it in Indonesian, and writes it only after the tick', async () => {
    const wb = await openWorkbook([], { empty: true });
    wb.mock.model.addSheet('DIP').put(0, 0, pasted(OLD_DIP));
    const before = sheetValues(wb);
    const { user, section } = show(wb);

    await user.click(section.getByRole('button', { name: 'Baca DIP lama' }));
    // Only row 8 needs a look: every owning unit is one the server knows (by name or by code).
    expect(await section.findByText('3 baris terbaca; 1 baris perlu perhatian.')).toBeTruthy();
    expect(section.queryByText(/tidak ada dalam daftar unit/)).toBeNull();
    expect(
      section.getByText(
        'Kolom dikenali: Kategori, Judul Informasi, Ringkasan Isi Informasi, Pejabat/Unit yang Menguasai Informasi, ' +
          'Penanggung Jawab Pembuatan/Penerbitan, Waktu dan Tempat Pembuatan, Bentuk Informasi, Jangka Waktu Penyimpanan / Retensi, Catatan.',
      ),
    ).toBeTruthy();
    // Row numbers are the old sheet's own (the header is on row 4, the data from row 6).
    const problem = section.getByText(/^Baris 8 di lembar asal: /);
    expect(problem.textContent).toContain('Kategori "Terbuka" tidak dikenali');
    expect(problem.textContent).toContain('Bentuk informasi "Lisan" tidak (seluruhnya) dikenali');
    expect(section.queryByText(/^Baris 6 di lembar asal: /)).toBeNull();
    expect(section.queryByText(/^Baris 7 di lembar asal: /)).toBeNull();
    expect(section.queryByText('Baris judul kolom DIP tidak ditemukan di 10 baris teratas lembar.')).toBeNull();
    // The DIP sheet is the workbook's only sheet: nothing else to choose, and the sheet read is the one written.
    expect(section.queryByRole('combobox')).toBeNull();
    expect(section.queryByText(/tidak diubah; hasil impor ditulis/)).toBeNull();
    // Read from "DIP" itself: what is replaced is the old DIP as the import took it, and the sheet holds nothing else.
    expect(section.getByText('Yang diganti: DIP lama di baris 1–8, kolom A–J lembar ini (baris judul, judul kolom, dan baris datanya).')).toBeTruthy();
    expect(section.queryByText(/juga akan dihapus/)).toBeNull();
    expect(section.queryByText(/hanya baris tabel DIP yang diganti/)).toBeNull();
    // Reading changed nothing: no table, the title lines as they were.
    expect(wb.mock.model.tables).toEqual([]);
    expect(sheetValues(wb)).toEqual(before);

    const write = section.getByRole('button', { name: 'Tulis ke lembar DIP' });
    expect((write as HTMLButtonElement).disabled).toBe(true);
    await user.click(section.getByRole('checkbox', { name: 'Ganti DIP di lembar "DIP" dengan 3 baris hasil impor' }));
    await user.click(write);
    expect(await screen.findByText(/^3 baris diimpor ke lembar DIP; \d+ sel ditandai untuk diperiksa\.$/)).toBeTruthy();
    expect(section.queryByText(/baris terbaca/)).toBeNull();

    const grid = wb.grid();
    expect(grid[0]).toEqual(DIP_HEADERS);
    expect(grid.slice(1).map((r) => r.slice(1, 10))).toEqual([
      ['Berkala', 'Profil PPID', 'Struktur organisasi dan tugas PPID', 'Bagian Umum', 'Kabag Umum', '2023', 'Jambi', 'Hardcopy & Softcopy', '5 tahun'],
      ['Serta Merta', 'Peringatan dini banjir', 'Peta rawan banjir', 'BPBD', 'Kepala BPBD', 'Januari 2024', 'Jambi', 'Softcopy', 'Selama berlaku'],
      ['', 'Daftar aset daerah', 'Aset tetap per 31 Desember', 'BPKAD', 'Kepala BPKAD', '2022', '', '', 'Permanen'],
    ]);
    expect(wb.cell(2, 'notes')).toBe('perlu dicek');
    // The old title lines, header and column numbers are gone: the sheet holds the table and nothing else.
    expect(wb.mock.model.sheet('DIP')!.usedRange()).toEqual({ row: 0, col: 0, rows: 4, cols: DIP_HEADERS.length });
    expect(wb.fill(2, 'category')).toBe(MARK_FILLS.error);
    expect(wb.fill(0, 'title')).toBeUndefined();
    expect([0, 1, 2].map((r) => wb.fill(r, 'owningUnit'))).toEqual([undefined, undefined, undefined]);
  });

  it("flags an owning unit the server does not know, as a push would, and marks its cell once written", async () => {
    const wb = await openWorkbook([], { empty: true });
    const grid = pasted(OLD_DIP);
    grid[6]![4] = 'Dinas Pariwisata';
    wb.mock.model.addSheet('DIP').put(0, 0, grid);
    const { user, section } = show(wb);

    await user.click(section.getByRole('button', { name: 'Baca DIP lama' }));
    expect(await section.findByText('3 baris terbaca; 2 baris perlu perhatian.')).toBeTruthy();
    expect(section.getByText(/^Baris 7 di lembar asal: /).textContent).toContain('Unit "Dinas Pariwisata" tidak ada dalam daftar unit');
    // The server's list was read: no note that units went unmatched.
    expect(section.queryByText(/Unit pemilik tidak dicocokkan/)).toBeNull();

    await user.click(section.getByRole('checkbox'));
    await user.click(section.getByRole('button', { name: 'Tulis ke lembar DIP' }));
    expect(await screen.findByText(/^3 baris diimpor ke lembar DIP;/)).toBeTruthy();
    expect([0, 1, 2].map((r) => wb.fill(r, 'owningUnit'))).toEqual([undefined, MARK_FILLS.warning, undefined]);
  });

  it('reads an old DIP pasted over the DIP table the add-in made, and leaves nothing of it around the table', async () => {
    // The person chose "Buat / perbaiki lembar DIP" first, then pasted the old DIP at A1 over the empty table.
    const wb = await openWorkbook();
    wb.mock.model.sheet('DIP')!.put(0, 0, pasted(OLD_DIP));
    const { user, section } = show(wb);

    await user.click(section.getByRole('button', { name: 'Baca DIP lama' }));
    expect(await section.findByText('3 baris terbaca; 1 baris perlu perhatian.')).toBeTruthy();
    // The table's own headers left beside the pasted title line are not taken for the header.
    expect(section.queryByText(/Kolom "DAFTAR INFORMASI PUBLIK"/)).toBeNull();

    await user.click(section.getByRole('checkbox'));
    await user.click(section.getByRole('button', { name: 'Tulis ke lembar DIP' }));
    expect(await screen.findByText(/^3 baris diimpor ke lembar DIP;/)).toBeTruthy();
    expect(wb.grid().map((r) => r[2])).toEqual(['Judul Informasi', 'Profil PPID', 'Peringatan dini banjir', 'Daftar aset daerah']);
    expect(wb.mock.model.sheet('DIP')!.usedRange()).toEqual({ row: 0, col: 0, rows: 4, cols: DIP_HEADERS.length });
  });

  it('says when there is no "DIP" sheet, offers the workbook\'s sheets (the active one chosen), and imports from the chosen one, leaving it as it was', async () => {
    const wb = await openWorkbook([], { empty: true });
    wb.mock.model.addSheet('Lembar1');
    wb.mock.model.addSheet('DIP 2023').put(0, 0, pasted(OLD_DIP));
    wb.mock.model.select('DIP 2023', { row: 5, col: 2, rows: 1, cols: 1 });
    const source = () => wb.mock.model.sheet('DIP 2023')!.grid(wb.mock.model.sheet('DIP 2023')!.usedRange()!);
    const before = source();
    const { user, section } = show(wb);
    // Nothing to choose from before the first read.
    expect(section.queryByRole('combobox')).toBeNull();

    await user.click(section.getByRole('button', { name: 'Baca DIP lama' }));
    expect(
      await section.findByText(
        'Lembar "DIP" tidak ada di buku kerja ini. Pilih lembar yang berisi DIP lama pada "Lembar yang dibaca", lalu klik "Baca DIP lama" lagi — atau ganti nama lembar itu menjadi "DIP".',
      ),
    ).toBeTruthy();
    expect(section.queryByText(/Baris judul kolom DIP tidak ditemukan/)).toBeNull();
    expect(section.queryByRole('checkbox')).toBeNull();
    // Reading did not create the DIP sheet.
    expect(wb.mock.model.sheet('DIP')).toBeUndefined();
    const choice = section.getByRole<HTMLSelectElement>('combobox', { name: 'Lembar yang dibaca' });
    expect([...choice.options].map((o) => o.value)).toEqual(['Lembar1', 'DIP 2023']);
    expect(choice.value).toBe('DIP 2023');

    // A sheet without a DIP header says so and offers nothing to write.
    await user.selectOptions(choice, 'Lembar1');
    await user.click(section.getByRole('button', { name: 'Baca DIP lama' }));
    expect(await section.findByText('Baris judul kolom DIP tidak ditemukan di 10 baris teratas lembar.')).toBeTruthy();
    expect(section.getByText('Tidak ada baris yang dapat diimpor.')).toBeTruthy();
    expect(section.queryByText(/tidak ada di buku kerja ini/)).toBeNull();
    expect(section.queryByRole('checkbox')).toBeNull();

    await user.selectOptions(choice, 'DIP 2023');
    // Choosing another sheet drops the previous sheet's preview.
    expect(section.queryByText(/Baris judul kolom DIP tidak ditemukan/)).toBeNull();
    await user.click(section.getByRole('button', { name: 'Baca DIP lama' }));
    expect(await section.findByText('3 baris terbaca; 1 baris perlu perhatian.')).toBeTruthy();
    expect(section.getByText('Lembar "DIP 2023" tidak diubah; hasil impor ditulis ke lembar "DIP".')).toBeTruthy();
    expect(section.getByText(/^Baris 8 di lembar asal: /).textContent).toContain('Kategori "Terbuka" tidak dikenali');

    await user.click(section.getByRole('checkbox', { name: 'Ganti DIP di lembar "DIP" dengan 3 baris hasil impor' }));
    await user.click(section.getByRole('button', { name: 'Tulis ke lembar DIP' }));
    expect(await screen.findByText(/^3 baris diimpor ke lembar DIP;/)).toBeTruthy();
    expect(wb.grid()[0]).toEqual(DIP_HEADERS);
    expect(wb.grid().slice(1).map((r) => r[2])).toEqual(['Profil PPID', 'Peringatan dini banjir', 'Daftar aset daerah']);
    expect(source()).toEqual(before);
    expect(wb.mock.model.sheets.map((sh) => sh.name)).toEqual(['Lembar1', 'DIP 2023', 'DIP']);
  });

  it('imports from another sheet into a "DIP" sheet that keeps a signature block under its table and a note beside it, and leaves both as they are', async () => {
    const wb = await openWorkbook();
    await wb.adapter.writeDipRows(sampleGrid(2));
    const dip = wb.mock.model.sheet('DIP')!;
    // Our table on rows 1–3, a blank line, the block (under the table, inside its columns), a note right of it.
    const block: Cell[][] = [
      [...Array<Cell>(11).fill(''), 'Ditetapkan di Jambi'],
      [...Array<Cell>(11).fill(''), 'KEPALA DINAS KOMINFO'],
      [],
      [...Array<Cell>(11).fill(''), 'NIP 19700101 199503 1 001'],
    ];
    dip.put(4, 0, block);
    dip.put(1, DIP_HEADERS.length + 1, [['cek lagi']]);
    wb.mock.model.addSheet('DIP 2023').put(0, 0, pasted(OLD_DIP));
    const { user, section } = show(wb);

    await user.click(section.getByRole('button', { name: 'Baca DIP lama' }));
    await user.selectOptions(await section.findByRole('combobox', { name: 'Lembar yang dibaca' }), 'DIP 2023');
    await user.click(section.getByRole('button', { name: 'Baca DIP lama' }));
    expect(await section.findByText('3 baris terbaca; 1 baris perlu perhatian.')).toBeTruthy();
    expect(
      section.getByText(
        'Di lembar "DIP" hanya baris tabel DIP yang diganti; isi di luar tabel (mis. blok tanda tangan di bawahnya) tetap ada dan bergeser mengikuti panjang tabel.',
      ),
    ).toBeTruthy();
    expect(section.queryByText(/juga akan dihapus/)).toBeNull();

    await user.click(section.getByRole('checkbox', { name: 'Ganti DIP di lembar "DIP" dengan 3 baris hasil impor' }));
    await user.click(section.getByRole('button', { name: 'Tulis ke lembar DIP' }));
    expect(await screen.findByText(/^3 baris diimpor ke lembar DIP;/)).toBeTruthy();
    expect(wb.grid().slice(1).map((r) => r[2])).toEqual(['Profil PPID', 'Peringatan dini banjir', 'Daftar aset daerah']);
    // One row more than the table held: the block moved down one row, whole, the blank line still above it.
    expect(dip.grid({ row: 4, col: 0, rows: 5, cols: 12 })).toEqual([Array<Cell>(12).fill(''), ...pad(block, 12)]);
    expect(dip.get(1, DIP_HEADERS.length + 1)).toBe('cek lagi');
  });

  it('imports an old DIP in place and keeps the signature block under it: the old title lines, header and rows go, the block moves up under the table whole', async () => {
    const wb = await openWorkbook([], { empty: true });
    // Right of the old list's columns (L), from row 10 after a blank line: not read as a row, not taken.
    const block: Cell[][] = [
      [...Array<Cell>(11).fill(''), 'Ditetapkan di Jambi'],
      [...Array<Cell>(11).fill(''), 'KEPALA DINAS KOMINFO'],
      [],
      [...Array<Cell>(11).fill(''), 'NIP 19700101 199503 1 001'],
    ];
    const dip = wb.mock.model.addSheet('DIP');
    dip.put(0, 0, [...pasted(OLD_DIP), [], ...block]);
    const { user, section } = show(wb);

    await user.click(section.getByRole('button', { name: 'Baca DIP lama' }));
    expect(await section.findByText('3 baris terbaca; 1 baris perlu perhatian.')).toBeTruthy();
    expect(section.getByText('Yang diganti: DIP lama di baris 1–8, kolom A–J lembar ini (baris judul, judul kolom, dan baris datanya).')).toBeTruthy();
    expect(section.getByText('Isi lain lembar ini di luar DIP lama itu (mis. blok tanda tangan atau catatan di bawahnya) tetap ada.')).toBeTruthy();

    await user.click(section.getByRole('checkbox', { name: 'Ganti DIP di lembar "DIP" dengan 3 baris hasil impor' }));
    await user.click(section.getByRole('button', { name: 'Tulis ke lembar DIP' }));
    expect(await screen.findByText(/^3 baris diimpor ke lembar DIP;/)).toBeTruthy();
    expect(wb.grid()[0]).toEqual(DIP_HEADERS);
    expect(wb.grid().slice(1).map((r) => r[2])).toEqual(['Profil PPID', 'Peringatan dini banjir', 'Daftar aset daerah']);
    // The table on rows 1–4, the blank line, then the block: its distance to the list kept, its text as it was.
    expect(dip.grid({ row: 4, col: 0, rows: 5, cols: 12 })).toEqual([Array<Cell>(12).fill(''), ...pad(block, 12)]);
    expect(dip.usedRange()).toEqual({ row: 0, col: 0, rows: 9, cols: DIP_HEADERS.length });
  });

  it('imports an old DIP pasted over the add-in\'s table in place and keeps the signature block under it, clearing the old rows the write moved down', async () => {
    const wb = await openWorkbook();
    const block: Cell[][] = [[...Array<Cell>(11).fill(''), 'Ditetapkan di Jambi'], [...Array<Cell>(11).fill(''), 'NIP 19700101 199503 1 001']];
    const dip = wb.mock.model.sheet('DIP')!;
    dip.put(0, 0, [...pasted(OLD_DIP), [], ...block]);
    const { user, section } = show(wb);

    await user.click(section.getByRole('button', { name: 'Baca DIP lama' }));
    expect(await section.findByText('3 baris terbaca; 1 baris perlu perhatian.')).toBeTruthy();
    await user.click(section.getByRole('checkbox'));
    await user.click(section.getByRole('button', { name: 'Tulis ke lembar DIP' }));
    expect(await screen.findByText(/^3 baris diimpor ke lembar DIP;/)).toBeTruthy();
    expect(wb.grid().slice(1).map((r) => r[2])).toEqual(['Profil PPID', 'Peringatan dini banjir', 'Daftar aset daerah']);
    // The table held one row: two entire rows were inserted under it, moving the old rows and the block down two;
    // the old rows were then cleared there, the block not.
    expect(dip.grid({ row: 11, col: 11, rows: 2, cols: 1 })).toEqual([['Ditetapkan di Jambi'], ['NIP 19700101 199503 1 001']]);
    const outside = dip.values.flatMap((line, r) => line.flatMap((v, c) => (v !== '' && v !== undefined && r > 3 ? [[r, c, v]] : [])));
    expect(outside).toEqual([[11, 11, 'Ditetapkan di Jambi'], [12, 11, 'NIP 19700101 199503 1 001']]);
  });
});
