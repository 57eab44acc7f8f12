/**
 * The uji konsekuensi form's model: what the inputs hold (plain strings) ↔ the row's `exemption`. The rules
 * themselves (basis required, Pasal 20(1) …) stay in shared/validate.ts; the form shows its findings.
 */
import { ARTICLE17_LETTERS, type Article17Letter, type DipRow, type Exemption } from '../../../../shared/row.js';

export interface ExemptionFormValues {
  article17: Article17Letter | '';
  clause: string;
  otherLaw: string;
  consequence: string;
  publicInterest: string;
  period: string;
}

export const EMPTY_EXEMPTION_FORM: ExemptionFormValues = { article17: '', clause: '', otherLaw: '', consequence: '', publicInterest: '', period: '' };

export function isArticle17Letter(v: string): v is Article17Letter {
  return (ARTICLE17_LETTERS as readonly string[]).includes(v);
}

export function formFromExemption(e: Exemption | null | undefined): ExemptionFormValues {
  if (!e) return { ...EMPTY_EXEMPTION_FORM };
  return {
    article17: e.article17 ?? '',
    clause: e.clause ?? '',
    otherLaw: e.otherLaw ?? '',
    consequence: e.consequence,
    publicInterest: e.publicInterest,
    period: e.period,
  };
}

/** Trims every input; empty optional parts are left out rather than stored as "". */
export function exemptionFromForm(f: ExemptionFormValues): Exemption {
  const out: Exemption = {
    article17: f.article17 === '' ? null : f.article17,
    consequence: f.consequence.trim(),
    publicInterest: f.publicInterest.trim(),
    period: f.period.trim(),
  };
  const clause = f.clause.trim();
  const otherLaw = f.otherLaw.trim();
  if (clause) out.clause = clause;
  if (otherLaw) out.otherLaw = otherLaw;
  return out;
}

/** The row with the form's exemption; saving it also makes the row `dikecualikan` (the form is only for those). */
export function applyExemption(row: DipRow, f: ExemptionFormValues): DipRow {
  return { ...row, category: 'dikecualikan', exemption: exemptionFromForm(f) };
}

/** Whether the user typed anything the row does not hold yet (to warn before loading another row over it). */
export function formDiffers(row: DipRow, f: ExemptionFormValues): boolean {
  const a = formFromExemption(row.exemption);
  return (Object.keys(a) as (keyof ExemptionFormValues)[]).some((k) => a[k].trim() !== f[k].trim());
}
