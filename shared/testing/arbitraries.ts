/**
 * fast-check arbitraries for DIP rows, for property tests anywhere in the project (tests only: fast-check is a
 * dev dependency, so nothing outside *.test.ts may import this).
 *
 * - `dipRowArb()` / `storedDipRowArb`: rows with realistic, already normalised values that pass `validateRows`
 *   without errors (and survive `toDipGrid` → `parseDipGrid` unchanged).
 * - `anyDipRowArb`: any schema-valid row, however odd (blank, huge, unicode, wrong links, half exemptions).
 * - `storedRowsArb()`: a version's rows (unique ids); `versionPairArb()`: two versions sharing rows, for diffs.
 */
import fc from 'fast-check';
import {
  ARTICLE17_LETTERS, CATEGORIES, FORMATS, dipRowSchema, type Article17Letter, type Category, type DipRow, type Exemption,
  type StoredDipRow,
} from '../row.js';

/** Words from real DIPs, plus a few that start like a formula (which writers, not toDipGrid, must escape). */
const WORDS = [
  'Laporan', 'Keuangan', 'Rencana', 'Strategis', 'Dinas', 'Komunikasi', 'dan', 'Informatika', 'Provinsi', 'Jambi',
  'Profil', 'PPID', 'Anggaran', 'Pendapatan', 'Belanja', 'Daerah', 'Renstra', 'LKjIP', 'SOP', 'Pelayanan', 'Publik',
  'Keputusan', 'Gubernur', 'Data', 'Statistik', 'Sektoral', 'Kegiatan', 'Rapat', 'Notulen', 'Kontrak', 'Pengadaan',
  'Barang/Jasa', '(DPA)', 'Rp1.500.000', 'Perubahan', 'Kota', 'Sekretariat', 'Peraturan', 'No.', '12/2023', 'Ölçüm',
  'keuangan;', '"kutipan"', '=SUM(A1)', '+62', '-', '@ppid', "'catatan'",
] as const;
export const UNIT_NAMES = ['Dinas Kominfo', 'Sekretariat Daerah', 'Bappeda', 'BPKAD', 'Inspektorat', 'Dinas Kesehatan'] as const;
const PLACES = ['Jambi', 'Kota Jambi', 'Muaro Jambi', 'Sungai Penuh', 'Jakarta'] as const;
const WHEN = ['2023', '2024', 'Januari 2024', '1 Januari 2024', '15 Agustus 2023', 'Setiap tahun', 'Setiap bulan', '2020-2024'] as const;
const RETENTION = ['5 tahun', '10 tahun', '6 bulan', 'Selama berlaku', 'Permanen', 'Sesuai JRA', '2 tahun aktif, 3 tahun inaktif'] as const;
const FINITE_PERIODS = ['5 tahun', '10 tahun', '30 tahun', 'Selama berlaku', '2 tahun'] as const;
const OTHER_LAWS = [
  'UU No. 43 Tahun 2009 tentang Kearsipan', 'UU No. 36 Tahun 2009 tentang Kesehatan', 'PP No. 61 Tahun 2010',
  'UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi',
] as const;
const CLAUSES = ['1', '2', '1 dan 2', '1, 3'] as const;

/** A line of 1–`max` words; never a lone placeholder such as "-". */
export const phraseArb = (max = 6): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: max })
    .map((w) => w.join(' '))
    .filter((s) => s !== '-');

/** Up to three lines, as a summary or consequence is written. */
const paragraphArb = fc.array(phraseArb(10), { minLength: 1, maxLength: 3 }).map((l) => l.join('\n'));

const linkArb = fc
  .tuple(
    fc.constantFrom('https://ppid.jambiprov.go.id', 'http://jambikota.go.id', 'https://diskominfo.example.go.id:8443'),
    fc.array(fc.constantFrom('dip', '2024', 'laporan-keuangan', 'a_b', 'file.pdf'), { maxLength: 3 }),
    fc.constantFrom('', '?tahun=2024', '#bagian-2'),
  )
  .map(([host, path, tail]) => `${host}/${path.join('/')}${tail}`);

const retentionArb = fc.oneof(fc.constantFrom(...RETENTION), fc.integer({ min: 1, max: 99 }).map((n) => `${n} tahun`));

/** A complete uji konsekuensi; a–f never get a permanent period (Pasal 20(1)). */
export const exemptionArb: fc.Arbitrary<Exemption> = fc
  .record({
    article17: fc.option(fc.constantFrom(...ARTICLE17_LETTERS), { nil: null }),
    clause: fc.option(fc.constantFrom(...CLAUSES), { nil: undefined }),
    otherLaw: fc.option(fc.constantFrom(...OTHER_LAWS), { nil: undefined }),
    consequence: paragraphArb,
    publicInterest: paragraphArb,
    finite: fc.constantFrom(...FINITE_PERIODS),
    anyPeriod: fc.oneof(fc.constantFrom(...FINITE_PERIODS), fc.constant('Permanen')),
  })
  .map(({ article17, clause, otherLaw, finite, anyPeriod, ...rest }) => {
    const letter: Article17Letter | null = article17;
    const e: Exemption = { article17: letter, ...rest, period: letter !== null && letter <= 'f' ? finite : anyPeriod };
    if (letter !== null && clause !== undefined) e.clause = clause;
    if (letter === null || otherLaw !== undefined) e.otherLaw = otherLaw ?? OTHER_LAWS[0];
    return e;
  });

export interface DipRowArbOptions {
  /** Draw an id (default: sometimes). */
  withId?: boolean | 'sometimes';
  /** Only these kategori (default: all four). */
  categories?: readonly Category[];
}

/** A row that passes `validateRows` with no error, with normalised values (toDipGrid/parseDipGrid keep it as is). */
export function dipRowArb(opts: DipRowArbOptions = {}): fc.Arbitrary<DipRow> {
  const withId = opts.withId ?? 'sometimes';
  const idArb =
    withId === true ? fc.uuid({ version: 4 }) : withId === false ? fc.constant(undefined) : fc.option(fc.uuid({ version: 4 }), { nil: undefined });
  return fc
    .record({
      id: idArb,
      category: fc.constantFrom(...(opts.categories ?? CATEGORIES)),
      title: phraseArb(8),
      summary: paragraphArb,
      owningUnit: fc.constantFrom(...UNIT_NAMES),
      responsible: phraseArb(4),
      createdWhen: fc.constantFrom(...WHEN),
      createdWhere: fc.constantFrom(...PLACES),
      formats: fc.subarray([...FORMATS], { minLength: 1 }),
      retention: retentionArb,
      link: fc.oneof(linkArb, fc.constant(null), fc.constant(undefined)),
      exemption: exemptionArb,
      absentAs: fc.constantFrom(null, undefined),
      notes: fc.option(paragraphArb, { nil: undefined }),
    })
    .map(({ id, exemption, absentAs, ...r }) => {
      const row: DipRow = { ...r, exemption: r.category === 'dikecualikan' ? exemption : absentAs };
      if (id !== undefined) row.id = id;
      return row;
    });
}

export const storedDipRowArb: fc.Arbitrary<StoredDipRow> = dipRowArb({ withId: true }) as fc.Arbitrary<StoredDipRow>;

/** A version's rows: unique ids. */
export const storedRowsArb = (constraints: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<StoredDipRow[]> =>
  fc.uniqueArray(storedDipRowArb, { selector: (r) => r.id, maxLength: 20, ...constraints });

/**
 * Two versions of a register: `b` keeps some of `a`'s rows, changes some fields of others (same id), drops the
 * rest and adds new ones. Realistic input for diff, merge and hash properties.
 */
export const versionPairArb = (maxLength = 15): fc.Arbitrary<{ a: StoredDipRow[]; b: StoredDipRow[] }> =>
  fc
    .tuple(
      // Each row of a: 0 kept, 1 changed (another row's content under its id), 2 removed.
      fc.uniqueArray(fc.tuple(storedDipRowArb, fc.nat(2), dipRowArb({ withId: false })), { selector: (t) => t[0].id, maxLength }),
      storedRowsArb({ maxLength: 5 }),
    )
    .map(([steps, extra]) => {
      const a = steps.map(([row]) => row);
      const b: StoredDipRow[] = [];
      for (const [row, choice, other] of steps) {
        if (choice === 0) b.push(row);
        else if (choice === 1) b.push({ ...other, id: row.id });
      }
      const taken = new Set(a.map((r) => r.id));
      return { a, b: b.concat(extra.filter((r) => !taken.has(r.id))) };
    });

// ---- any schema-valid row --------------------------------------------------------------------------------------

const oddText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.constantFrom('', ' ', '\u00a0', '\n\t', '-', 'Permanen', 'selamanya', '5 Thn', 'http://', 'www.x.go.id'),
    phraseArb(),
  );

const anyExemptionArb: fc.Arbitrary<Exemption> = fc
  .record({
    article17: fc.option(fc.constantFrom(...ARTICLE17_LETTERS), { nil: null }),
    clause: fc.option(oddText(20), { nil: undefined }),
    otherLaw: fc.option(oddText(40), { nil: undefined }),
    consequence: oddText(40),
    publicInterest: oddText(40),
    period: oddText(20),
  })
  .map(({ clause, otherLaw, ...e }) => ({ ...e, ...(clause !== undefined && { clause }), ...(otherLaw !== undefined && { otherLaw }) }));

/** Any row `dipRowSchema` accepts: blanks, odd unicode, a title over 500 characters, bad links, stray exemptions. */
export const anyDipRowArb: fc.Arbitrary<DipRow> = fc
  .record({
    id: fc.option(fc.uuid({ version: 4 }), { nil: undefined }),
    category: fc.option(fc.constantFrom(...CATEGORIES), { nil: null }),
    title: fc.oneof(oddText(60), fc.string({ minLength: 495, maxLength: 700 })),
    summary: oddText(80),
    owningUnit: fc.oneof(oddText(20), fc.constantFrom(...UNIT_NAMES), fc.constant(' dinas  KOMINFO ')),
    responsible: oddText(20),
    createdWhen: oddText(20),
    createdWhere: oddText(20),
    // The schema does not forbid a repeated format; canonical form must cope with one.
    formats: fc.array(fc.constantFrom(...FORMATS), { maxLength: 2 }),
    retention: oddText(20),
    link: fc.oneof(oddText(30), linkArb, fc.constant(null), fc.constant(undefined)),
    exemption: fc.option(anyExemptionArb, { nil: null }),
    notes: fc.option(oddText(40), { nil: null }),
  })
  .map(({ id, ...r }) => (id === undefined ? r : { id, ...r }))
  .filter((r) => dipRowSchema.safeParse(r).success);
