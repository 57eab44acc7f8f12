import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatExemptionBasis, isPermanentPeriod, normalizeCategory, normalizeCreatedWhen, normalizeFormats, normalizeLink,
  normalizeRetention, normalizeRow, normalizeText, parseExemptionBasis, splitWhenWhere,
} from './normalize.js';

describe('normalizeText', () => {
  it('trims, strips NBSP and invisible characters, collapses runs of spaces', () => {
    expect(normalizeText('  Laporan\u00a0\u00a0 Keuangan\u200b ')).toBe('Laporan Keuangan');
    expect(normalizeText('Laporan\nKeuangan\r\n2023')).toBe('Laporan Keuangan 2023');
    expect(normalizeText(null)).toBe('');
    expect(normalizeText(2023)).toBe('2023');
    expect(normalizeText(true)).toBe('TRUE');
  });

  it('keeps paragraphs in multi-line text, with at most one blank line between them', () => {
    expect(normalizeText('  Baris satu  \r\n\r\n\r\n\r\n  baris\t\tdua \n', { multiline: true })).toBe('Baris satu\n\nbaris dua');
    expect(normalizeText('a\u2028b', { multiline: true })).toBe('a\nb');
  });

  it('reads exceljs cell objects', () => {
    expect(normalizeText({ richText: [{ text: 'Renstra ' }, { text: '2021–2026' }] })).toBe('Renstra 2021–2026');
    expect(normalizeText({ formula: 'A1&B1', result: 'Hasil' })).toBe('Hasil');
    expect(normalizeText({ text: 'situs', hyperlink: 'https://x.go.id' })).toBe('situs');
    expect(normalizeText({ error: '#N/A' })).toBe('');
  });

  it('agrees with the plain definition on any text (the clean-text shortcut changes nothing)', () => {
    const reference = (s: string) => s.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '').replace(/\s+/g, ' ').trim();
    const texty = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u200b', '\u2028', '\u3000', 'é') });
    fc.assert(fc.property(fc.oneof(texty, fc.string({ unit: 'binary' })), (s) => {
      expect(normalizeText(s)).toBe(reference(s));
    }));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (s, multiline) => {
        const once = normalizeText(s, { multiline });
        expect(normalizeText(once, { multiline })).toBe(once);
      }),
    );
  });
});

describe('normalizeCategory', () => {
  it.each([
    ['Berkala', 'berkala'], ['BERKALA ', 'berkala'], ['Informasi Berkala', 'berkala'], ['wajib berkala', 'berkala'],
    ['Informasi yang Wajib Disediakan dan Diumumkan Secara Berkala', 'berkala'], ['Berkla', 'berkala'],
    ['serta-merta', 'serta_merta'], ['Serta Merta', 'serta_merta'], ['sertamerta', 'serta_merta'], ['serta_merta', 'serta_merta'],
    ['setiap saat', 'setiap_saat'], ['Tersedia Setiap Saat', 'setiap_saat'], ['Setiap saaat', 'setiap_saat'],
    ['Dikecualikan', 'dikecualikan'], ['dikecualikan/rahasia', 'dikecualikan'], ['Informasi yang Dikecualikan', 'dikecualikan'],
    ['Periodic', 'berkala'], ['Excluded', 'dikecualikan'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeCategory(input)).toEqual({ value: expected, recognised: true });
  });

  it('reports what it cannot place, and blank as simply empty', () => {
    expect(normalizeCategory('Terbuka')).toEqual({ value: null, recognised: false });
    expect(normalizeCategory('Berkala dan Setiap Saat')).toEqual({ value: null, recognised: false });
    expect(normalizeCategory('tidak dikecualikan')).toEqual({ value: null, recognised: false });
    expect(normalizeCategory('  ')).toEqual({ value: null, recognised: true });
    expect(normalizeCategory('-')).toEqual({ value: null, recognised: true });
  });
});

describe('normalizeFormats', () => {
  it.each([
    ['Hardcopy', ['hardcopy']], ['Softcopy', ['softcopy']], ['soft copy', ['softcopy']], ['Cetak', ['hardcopy']],
    ['Digital', ['softcopy']], ['PDF', ['softcopy']], ['Website', ['softcopy']],
    ['Hard & Soft File', ['hardcopy', 'softcopy']], ['Hardcopy & Softcopy', ['hardcopy', 'softcopy']],
    ['Cetak/Online', ['hardcopy', 'softcopy']], ['Hard/Soft', ['hardcopy', 'softcopy']], ['softcopy, hardcopy', ['hardcopy', 'softcopy']],
  ])('%j → %j', (input, expected) => {
    expect(normalizeFormats(input)).toEqual({ value: expected, recognised: true });
  });

  it('keeps what it read of a partly unknown value and says it was not fully understood', () => {
    expect(normalizeFormats('Hardcopy & Lisan')).toEqual({ value: ['hardcopy'], recognised: false });
    expect(normalizeFormats('Lisan')).toEqual({ value: [], recognised: false });
    expect(normalizeFormats('')).toEqual({ value: [], recognised: true });
  });

  it('returns a fresh array each time (the cache must not leak into rows)', () => {
    const a = normalizeFormats('Hardcopy');
    a.value.push('softcopy');
    expect(normalizeFormats('Hardcopy').value).toEqual(['hardcopy']);
  });
});

describe('normalizeRetention', () => {
  it.each([
    ['5 tahun', '5 tahun'], ['5 Thn', '5 tahun'], ['5 thn.', '5 tahun'], ['lima tahun', '5 tahun'], ['5 (lima) tahun', '5 tahun'],
    ['Selama 10 tahun', '10 tahun'], ['dua puluh lima tahun', '25 tahun'], ['5 years', '5 tahun'], ['6 bulan', '6 bulan'],
    [5, '5 tahun'], ['5', '5 tahun'],
    ['Selama berlaku', 'Selama berlaku'], ['Selama Beralku', 'Selama berlaku'], ['selama masih berlaku', 'Selama berlaku'],
    ['Permanen', 'Permanen'], ['permanent', 'Permanen'], ['Selamanya', 'Permanen'], ['Permanan', 'Permanen'],
    ['Sesuai JRA', 'Sesuai JRA'], ['sesuai jadwal retensi arsip', 'Sesuai JRA'],
    ['2 Tahun Aktif 3 Tahun Inaktif', '2 tahun aktif, 3 tahun inaktif'],
  ] as const)('%j → %j', (input, expected) => {
    expect(normalizeRetention(input)).toEqual({ value: expected, recognised: true });
  });

  it('keeps unrecognised text, trimmed', () => {
    expect(normalizeRetention('  Selama  dibutuhkan ')).toEqual({ value: 'Selama dibutuhkan', recognised: false });
    expect(normalizeRetention('5 (enam) tahun')).toEqual({ value: '5 (enam) tahun', recognised: false });
    expect(normalizeRetention(0)).toEqual({ value: '0', recognised: false });
  });

  it('is idempotent on its own output', () => {
    const inputs = fc.oneof(fc.string(), fc.constantFrom('5 Thn', 'lima tahun', 'Selama Beralku', 'permanent', '2 thn aktif dan 3 thn inaktif'));
    fc.assert(
      fc.property(inputs, (s) => {
        const once = normalizeRetention(s);
        expect(normalizeRetention(once.value)).toEqual(once);
      }),
    );
  });
});

describe('isPermanentPeriod', () => {
  it.each(['Permanen', 'Selamanya', 'tidak terbatas', 'Tanpa batas waktu', 'permanent', 'Permanen (abadi)', 'Permanan'])('%j is permanent', (p) => {
    expect(isPermanentPeriod(p)).toBe(true);
  });
  it.each(['5 tahun', 'Selama berlaku', 'tidak permanen', 'Sampai proses hukum selesai'])('%j is not', (p) => {
    expect(isPermanentPeriod(p)).toBe(false);
  });
});

describe('normalizeCreatedWhen', () => {
  it.each([
    ['2023', '2023'], ['Tahun 2023', '2023'], [2023, '2023'], [45292, '1 Januari 2024'], [45292.75, '1 Januari 2024'],
    [new Date(Date.UTC(2024, 0, 1)), '1 Januari 2024'], [new Date(2024, 7, 17), '17 Agustus 2024'],
    ['Januari 2024', 'Januari 2024'], ['jan 2024', 'Januari 2024'], ['1 jan 2024', '1 Januari 2024'],
    ['2024-03-05', '5 Maret 2024'], ['05/03/2024', '5 Maret 2024'], ['Setiap tahun', 'Setiap tahun'], ['setiap tahun', 'Setiap tahun'],
    ['2020 s.d. 2024', '2020-2024'],
  ] as const)('%j → %j', (input, expected) => {
    expect(normalizeCreatedWhen(input)).toEqual({ value: expected, recognised: true });
  });

  it('keeps what it does not read as a time', () => {
    expect(normalizeCreatedWhen('Sesuai kebutuhan')).toEqual({ value: 'Sesuai kebutuhan', recognised: false });
    expect(normalizeCreatedWhen('31/02/2024')).toEqual({ value: '31/02/2024', recognised: false });
    expect(normalizeCreatedWhen(12)).toEqual({ value: '12', recognised: false });
  });

  it('splits a combined time-and-place cell', () => {
    expect(splitWhenWhere('2023, Jambi')).toEqual({ when: '2023', where: 'Jambi', ok: true });
    expect(splitWhenWhere('Jambi, Januari 2024')).toEqual({ when: 'Januari 2024', where: 'Jambi', ok: true });
    expect(splitWhenWhere('Tahun 2023 di Kota Jambi')).toEqual({ when: '2023', where: 'Kota Jambi', ok: true });
    expect(splitWhenWhere('Jambi 2023')).toEqual({ when: '2023', where: 'Jambi', ok: true });
    expect(splitWhenWhere('Januari 2024')).toEqual({ when: 'Januari 2024', where: '', ok: true });
    expect(splitWhenWhere('Kantor Dinas')).toEqual({ when: 'Kantor Dinas', where: '', ok: false });
  });
});

describe('exemption basis', () => {
  it.each([
    ['Pasal 17 huruf b', { article17: 'b' }],
    ['Psl 17 hrf b angka 1', { article17: 'b', clause: '1' }],
    ['pasal 17 (b)', { article17: 'b' }],
    ['PASAL 17 HURUF H ANGKA 2 UU 14/2008', { article17: 'h', clause: '2' }],
    ['Pasal 17 huruf a angka 1,2', { article17: 'a', clause: '1, 2' }],
    ['UU No. 14 Tahun 2008 Pasal 17 huruf j jo. UU No. 43 Tahun 2009 tentang Kearsipan', { article17: 'j', otherLaw: 'UU No. 43 Tahun 2009 tentang Kearsipan' }],
    ['UU No. 36 Tahun 2009 tentang Kesehatan Pasal 57', { article17: null, otherLaw: 'UU No. 36 Tahun 2009 tentang Kesehatan Pasal 57' }],
    ['', { article17: null }],
  ])('%j', (input, expected) => {
    expect(parseExemptionBasis(input)).toEqual({ value: expected, recognised: true });
  });

  it('keeps a Pasal 17 citation with an unreadable letter whole, as another basis', () => {
    expect(parseExemptionBasis('Pasal 17 huruf k')).toEqual({ value: { article17: null, otherLaw: 'Pasal 17 huruf k' }, recognised: false });
    expect(parseExemptionBasis('Pasal 17 UU KIP')).toEqual({ value: { article17: null, otherLaw: 'Pasal 17 UU KIP' }, recognised: false });
  });

  it('formats what it parses and parses what it formats', () => {
    expect(formatExemptionBasis({ article17: 'b', clause: '1', otherLaw: 'UU 43/2009' })).toBe('Pasal 17 huruf b angka 1; UU 43/2009');
    for (const text of ['Pasal 17 huruf c', 'Pasal 17 huruf h angka 1 dan 2; PP No. 61 Tahun 2010', 'UU No. 43 Tahun 2009 tentang Kearsipan']) {
      expect(formatExemptionBasis(parseExemptionBasis(text).value)).toBe(text);
    }
  });
});

describe('normalizeLink', () => {
  it('adds https to a bare www address, reads "-" as none, keeps other text for validation to flag', () => {
    expect(normalizeLink('www.jambikota.go.id/ppid')).toEqual({ value: 'https://www.jambikota.go.id/ppid', recognised: true });
    expect(normalizeLink(' https://ppid.jambiprov.go.id ')).toEqual({ value: 'https://ppid.jambiprov.go.id', recognised: true });
    expect(normalizeLink('-')).toEqual({ value: null, recognised: true });
    expect(normalizeLink('Papan pengumuman')).toEqual({ value: 'Papan pengumuman', recognised: false });
  });
});

describe('normalizeRow', () => {
  it('assembles a canonical row from messy cells', () => {
    const { row, problems } = normalizeRow({
      category: 'Informasi yang Dikecualikan',
      title: '  Data  Pribadi\u00a0Pegawai ',
      summary: 'NIK, alamat\r\n\r\n\r\ndan nomor telepon',
      owningUnit: 'Bidang Kepegawaian',
      responsible: 'Kepala Bidang',
      createdWhen: 45292,
      createdWhere: 'Jambi',
      formats: 'Hard & Soft File',
      retention: '5 Thn',
      link: '-',
      'exemption.basis': 'Psl 17 hrf h angka 2',
      'exemption.consequence': 'Melanggar hak pribadi',
      'exemption.publicInterest': 'Perlindungan data pribadi lebih besar',
      'exemption.period': 'Selama Beralku',
      notes: ' ',
    });
    expect(problems).toEqual([]);
    expect(row).toStrictEqual({
      category: 'dikecualikan',
      title: 'Data Pribadi Pegawai',
      summary: 'NIK, alamat\n\ndan nomor telepon',
      owningUnit: 'Bidang Kepegawaian',
      responsible: 'Kepala Bidang',
      createdWhen: '1 Januari 2024',
      createdWhere: 'Jambi',
      formats: ['hardcopy', 'softcopy'],
      retention: '5 tahun',
      exemption: { article17: 'h', clause: '2', consequence: 'Melanggar hak pribadi', publicInterest: 'Perlindungan data pribadi lebih besar', period: 'Selama berlaku' },
    });
  });

  it('says what it could not read, and still returns the row', () => {
    const { row, problems } = normalizeRow({ id: 'not-a-uuid', category: 'Terbuka', title: 'X', formats: 'Lisan', createdWhenWhere: 'Kantor' });
    expect(row.id).toBeUndefined();
    expect(row.category).toBeNull();
    expect(row.title).toBe('X');
    expect(row.createdWhen).toBe('Kantor');
    expect(problems.map((p) => [p.code, p.severity])).toEqual([
      ['invalid_id', 'error'],
      ['unrecognised_category', 'error'],
      ['unsplit_when_where', 'warning'],
      ['unrecognised_format', 'error'],
    ]);
  });

  it('cuts values beyond the schema caps and says so', () => {
    const { row, problems } = normalizeRow({ title: 'a'.repeat(2500) });
    expect(row.title).toHaveLength(2000);
    expect(problems).toMatchObject([{ code: 'value_too_long', field: 'title', params: { length: 2500, max: 2000 } }]);
  });

  it('reads "-" in required columns as empty (so validation flags it) and accepts upper-case ids', () => {
    const { row } = normalizeRow({ id: ' 0F8FAD5B-D9CB-469F-A165-70867728950E ', createdWhere: '–', retention: '-' });
    expect(row).toMatchObject({ id: '0f8fad5b-d9cb-469f-a165-70867728950e', createdWhere: '', retention: '' });
  });
});
