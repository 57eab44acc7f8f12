/**
 * The enumerated and near-enumerated values of a DIP row as real published DIPs spell them: kategori, bentuk
 * informasi (formats), retention, exclusion period, link. Each normaliser returns the value and whether it was
 * understood; what it does not understand it keeps (trimmed) for a person to fix.
 */
import { CATEGORIES, FORMATS, type Category, type Format } from './row.js';
import { editDistance, foldForMatch, isPlaceholder, memoize, normalizeText, type Normalised } from './text.js';

// ---- kategori ----------------------------------------------------------------------------------------------

const CATEGORY_KEYWORDS: readonly [Category, RegExp][] = [
  ['berkala', /\b(?:berkala|periodi[ck]|periodical(?:ly)?)\b/],
  ['serta_merta', /\b(?:serta ?merta|immediate(?:ly)?)\b/],
  ['setiap_saat', /\b(?:setiap ?saat|tiap saat|sewaktu waktu|(?:at )?any ?time)\b/],
  ['dikecualikan', /\b(?:dikecualikan|kecuali|pengecualian|rahasia|tertutup|excluded|exempt(?:ed)?|confidential)\b/],
];
const NOT_EXCLUDED = /\b(?:tidak|bukan) (?:dikecualikan|rahasia|tertutup)\b/g;
const CATEGORY_FILLER = /\b(?:informasi|info|yang|wajib|harus|diumumkan|disediakan|tersedia|secara|dan|kategori|klasifikasi|publik|sifat|jenis)\b|\s+/g;
const CATEGORY_COMPACT: readonly [Category, string, number][] = [
  ['berkala', 'berkala', 1],
  ['serta_merta', 'sertamerta', 2],
  ['setiap_saat', 'setiapsaat', 2],
  ['dikecualikan', 'dikecualikan', 2],
];

function category(text: string): Normalised<Category | null> {
  if (text === '' || isPlaceholder(text)) return { value: null, recognised: true };
  const folded = foldForMatch(text);
  const forKeywords = folded.replace(NOT_EXCLUDED, ' ');
  const hits = new Set<Category>();
  for (const [cat, re] of CATEGORY_KEYWORDS) if (re.test(forKeywords)) hits.add(cat);
  if (hits.size === 1) return { value: [...hits][0]!, recognised: true };
  if (hits.size > 1) return { value: null, recognised: false };
  // No keyword: maybe a typo ("Berkla", "Setiap saaat"). Accept only an unambiguous near match.
  const compact = folded.replace(CATEGORY_FILLER, '');
  const near = CATEGORY_COMPACT.filter(([, word, max]) => editDistance(compact, word, max) <= max);
  return near.length === 1 ? { value: near[0]![0], recognised: true } : { value: null, recognised: false };
}
const categoryMemo = memoize(category);

/**
 * Reads a kategori cell: "BERKALA ", "Informasi Berkala", "serta-merta", "Tersedia Setiap Saat",
 * "dikecualikan/rahasia", "wajib berkala", the wire values (`serta_merta`) and English. Blank → null, recognised.
 *
 * @example normalizeCategory('Informasi yang Wajib Tersedia Setiap Saat') // { value: 'setiap_saat', recognised: true }
 */
export function normalizeCategory(v: unknown): Normalised<Category | null> {
  if (typeof v === 'string' && (CATEGORIES as readonly string[]).includes(v)) return { value: v as Category, recognised: true };
  return categoryMemo(normalizeText(v));
}

// ---- bentuk informasi ----------------------------------------------------------------------------------------

const FORMAT_WORDS =
  /\b(?:(hard ?cop(?:y|ies)|hard ?file|hard|cetak(?:an)?|tercetak|kertas|fisik|print(?:ed|out)?|paper|buku|salinan cetak)|(soft ?cop(?:y|ies)|soft ?file|soft|digital|elektronik|electronic|online|daring|pdf|website|web|situs|internet|e ?mail|surel|file|xlsx?|docx?|excel|word|jpe?g|png|video|audio|cd|dvd|flash ?dis[kc]|usb|aplikasi|portal)|(keduanya|both|semua))\b/g;
const FORMAT_FILLER = /\b(?:copy|file|dan|and|atau|or|bentuk|format|dokumen|informasi|tersedia|dalam|berupa|salinan|serta)\b/g;
const HAS_WORD = /[\p{L}\p{N}]/u;

function formats(text: string): Normalised<Format[]> {
  if (text === '' || isPlaceholder(text)) return { value: [], recognised: true };
  let hard = false;
  let soft = false;
  const leftover = foldForMatch(text)
    .replace(FORMAT_WORDS, (_m, h?: string, s?: string, both?: string) => {
      if (h || both) hard = true;
      if (s || both) soft = true;
      return ' ';
    })
    .replace(FORMAT_FILLER, ' ');
  const value = FORMATS.filter((f) => (f === 'hardcopy' ? hard : soft));
  return { value, recognised: value.length > 0 && !HAS_WORD.test(leftover) };
}
const formatsMemo = memoize(formats);

/**
 * Reads a bentuk informasi cell: "Hardcopy", "soft copy", "Hard & Soft File", "Cetak/Online", "PDF", "Website",
 * "Hard/Soft" … Words it does not know make it `recognised: false` but what it did read is still returned.
 *
 * @example normalizeFormats('Hard & Soft File') // { value: ['hardcopy', 'softcopy'], recognised: true }
 */
export function normalizeFormats(v: unknown): Normalised<Format[]> {
  if (Array.isArray(v)) v = v.join(', ');
  const r = formatsMemo(normalizeText(v));
  return { value: [...r.value], recognised: r.recognised };
}

// ---- retention and exclusion period ----------------------------------------------------------------------------

const DIGIT_WORDS: Record<string, number> = {
  satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

/** "lima" → 5, "lima belas" → 15, "dua puluh lima" → 25, "sepuluh" → 10. */
function wordsToNumber(words: string[]): number | null {
  const s = words.join(' ');
  if (s === 'sepuluh') return 10;
  if (s === 'sebelas') return 11;
  if (s === 'seratus') return 100;
  if (words.length === 1) return DIGIT_WORDS[s] ?? null;
  if (words.length === 2 && words[1] === 'belas') return DIGIT_WORDS[words[0]!] ? DIGIT_WORDS[words[0]!]! + 10 : null;
  if ((words.length === 2 || words.length === 3) && words[1] === 'puluh') {
    const tens = DIGIT_WORDS[words[0]!];
    const unit = words.length === 3 ? DIGIT_WORDS[words[2]!] : 0;
    return tens && unit !== undefined ? tens * 10 + unit : null;
  }
  return null;
}

const YEAR_UNITS = new Set(['tahun', 'thn', 'th', 'thun', 'tahn', 'tahu', 'year', 'years', 'yr', 'yrs']);
const MONTH_UNITS = new Set(['bulan', 'bln', 'bl', 'month', 'months']);
const DURATION_LEAD = new Set(['selama', 'disimpan', 'retensi', 'masa', 'for']);

/** "5 tahun", "5 Thn.", "5 (lima) tahun", "lima tahun", "selama 5 tahun", "5 years", "6 bulan". */
function duration(folded: string): string | null {
  const tokens = folded.split(' ');
  while (tokens.length > 0 && DURATION_LEAD.has(tokens[0]!)) tokens.shift();
  const unit = tokens.pop();
  if (unit === undefined || tokens.length === 0) return null;
  const unitWord = YEAR_UNITS.has(unit) ? 'tahun' : MONTH_UNITS.has(unit) ? 'bulan' : null;
  if (unitWord === null) return null;
  let n: number | null;
  if (/^\d{1,3}$/.test(tokens[0]!)) {
    // "5 (lima) tahun": the spelled-out number may follow the digits; it must agree with them.
    n = Number(tokens[0]);
    if (tokens.length > 1 && wordsToNumber(tokens.slice(1)) !== n) return null;
  } else {
    n = wordsToNumber(tokens);
  }
  return n !== null && n > 0 ? `${n} ${unitWord}` : null;
}

const ACTIVE_INACTIVE = /^(?:(\d{1,3}) (?:tahun|thn|th) aktif (?:dan )?(\d{1,3}) (?:tahun|thn|th) inaktif|aktif (\d{1,3}) (?:tahun|thn|th) (?:dan )?inaktif (\d{1,3}) (?:tahun|thn|th))$/;
const WHILE_VALID = /^(?:(?:selama|sepanjang) (?:masih |masa )?berlaku(?:nya)?|while (?:in force|valid)|as long as (?:it is )?valid)$/;
const PERMANENT_EXACT =
  /^(?:(?:disimpan )?(?:secara )?(?:permanen|permanent|selamanya|selama lamanya|abadi|tidak terbatas|tak terbatas|tanpa batas(?: waktu)?|tidak ada batas(?: waktu)?|unlimited|indefinite(?:ly)?|forever))$/;
const PER_JRA = /^(?:(?:sesuai|berdasarkan|mengikuti|menurut|mengacu|lihat)(?: (?:dengan|pada|ke))? )?(?:jra|jadwal retensi arsip)$/;
const DIGITS_ONLY = /^\d{1,3}$/;

function retention(text: string): Normalised<string> {
  if (text === '') return { value: '', recognised: true };
  const folded = foldForMatch(text);
  if (DIGITS_ONLY.test(folded) && Number(folded) > 0) return { value: `${Number(folded)} tahun`, recognised: true };
  const d = duration(folded);
  if (d) return { value: d, recognised: true };
  const ai = ACTIVE_INACTIVE.exec(folded);
  if (ai) return { value: `${Number(ai[1] ?? ai[3])} tahun aktif, ${Number(ai[2] ?? ai[4])} tahun inaktif`, recognised: true };
  if (WHILE_VALID.test(folded)) return { value: 'Selama berlaku', recognised: true };
  if (PERMANENT_EXACT.test(folded)) return { value: 'Permanen', recognised: true };
  if (PER_JRA.test(folded)) return { value: 'Sesuai JRA', recognised: true };
  // Typos seen in published DIPs: "Selama Beralku", "Permanan".
  const compact = folded.replace(/ /g, '');
  if (editDistance(compact, 'selamaberlaku', 2) <= 2 || editDistance(compact, 'selamamasihberlaku', 2) <= 2) {
    return { value: 'Selama berlaku', recognised: true };
  }
  if (editDistance(compact, 'permanen', 1) <= 1) return { value: 'Permanen', recognised: true };
  return { value: text, recognised: false };
}
const retentionMemo = memoize(retention);

/**
 * Reads a retention (or exclusion period) cell into one of the usual forms: "N tahun", "N bulan",
 * "N tahun aktif, M tahun inaktif", "Selama berlaku", "Permanen", "Sesuai JRA". A bare number is years.
 *
 * @example normalizeRetention('5 Thn') // { value: '5 tahun', recognised: true }
 * @example normalizeRetention('Selama Beralku') // { value: 'Selama berlaku', recognised: true }
 */
export function normalizeRetention(v: unknown): Normalised<string> {
  if (typeof v === 'number') {
    return Number.isInteger(v) && v > 0 && v < 1000 ? { value: `${v} tahun`, recognised: true } : { value: normalizeText(v), recognised: false };
  }
  return retentionMemo(normalizeText(v));
}

const PERMANENT_ANYWHERE =
  /\b(?:permanen|permanent|selamanya|selama lamanya|tidak terbatas|tak terbatas|tanpa batas|tidak ada batas|seumur hidup|abadi|unlimited|indefinite(?:ly)?|forever)\b/;
const NOT_PERMANENT = /\b(?:tidak|bukan|non) permanen\b/;

/**
 * Whether an exclusion period means "for ever" (Pasal 20(1) UU 14/2008 forbids that for Pasal 17 huruf a–f).
 *
 * @example isPermanentPeriod('Selamanya') // true
 */
export function isPermanentPeriod(period: string): boolean {
  const folded = foldForMatch(period);
  if (NOT_PERMANENT.test(folded)) return false;
  return PERMANENT_ANYWHERE.test(folded) || normalizeRetention(period).value === 'Permanen';
}

// ---- link ---------------------------------------------------------------------------------------------------

const HAS_SPACE = /\s/;
const HTTP = /^https?:\/\//i;
const BARE_WWW = /^www\.[^\s/]+\.[^\s]+$/i;

/** The usual shape (ASCII host, optional port < 10000): always a valid URL, and far cheaper to check than parsing. */
const PLAIN_HTTP_URL = /^https?:\/\/[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,4})?(?:[/?#]\S*)?$/i;

/** Whether text is an absolute http(s) URL with a host. */
export function isHttpUrl(s: string): boolean {
  if (PLAIN_HTTP_URL.test(s)) return true;
  if (!HTTP.test(s) || HAS_SPACE.test(s)) return false;
  try {
    return new URL(s).hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Reads a link cell: blank or "-" → null; "www.example.go.id" gets "https://" (how DIPs usually write addresses).
 * Anything else is kept as written, with `recognised` telling whether it is an http(s) URL.
 *
 * @example normalizeLink('www.jambikota.go.id') // { value: 'https://www.jambikota.go.id', recognised: true }
 */
export function normalizeLink(v: unknown): Normalised<string | null> {
  const s = normalizeText(v);
  if (s === '' || isPlaceholder(s)) return { value: null, recognised: true };
  const url = BARE_WWW.test(s) ? `https://${s}` : s;
  return { value: url, recognised: isHttpUrl(url) };
}
