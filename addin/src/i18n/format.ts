/** Field labels and values as a person reads them in lists and diffs, in the chosen language. */
import { DIP_COLUMNS, FORMAT_LABELS } from '../../../shared/columns.js';
import type { Lang } from '../../../shared/issues.js';
import type { Exemption, RowField } from '../../../shared/row.js';
import type { Messages } from './id.js';

export function fieldLabel(t: Messages, lang: Lang, field: RowField): string {
  if (field === 'exemption') return t.fields.exemption;
  return DIP_COLUMNS.find((c) => c.key === field)?.header[lang] ?? field;
}

/** Label of a sheet column by index (for issue locations). */
export function columnLabel(lang: Lang, index: number): string {
  return DIP_COLUMNS[index]?.header[lang] ?? String(index + 1);
}

export function exemptionSummary(t: Messages, e: Exemption): string {
  const basis = [
    e.article17 ? t.exemption.article17Short(e.article17, e.clause ?? '') : null,
    e.otherLaw ? e.otherLaw : null,
  ].filter(Boolean);
  return [basis.join('; '), e.period].filter(Boolean).join(' · ');
}

const MAX_SHOWN = 120;
const clip = (s: string) => (s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 1)}…` : s);

export function formatFieldValue(t: Messages, field: RowField, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t.common.empty;
  switch (field) {
    case 'category':
      return t.categories[value as keyof Messages['categories']] ?? String(value);
    case 'formats': {
      const f = value as string[];
      if (f.includes('hardcopy') && f.includes('softcopy')) return FORMAT_LABELS.both;
      return f.map((x) => FORMAT_LABELS[x as 'hardcopy' | 'softcopy'] ?? x).join(', ');
    }
    case 'exemption':
      return clip(exemptionSummary(t, value as Exemption));
    default:
      return clip(String(value));
  }
}

export function formatDateTime(lang: Lang, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
