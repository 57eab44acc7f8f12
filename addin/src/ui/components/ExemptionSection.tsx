/**
 * Uji konsekuensi for one selected `dikecualikan` row: legal basis (Pasal 17 huruf a–j and angka, or another law),
 * consequence, public-interest weighing and period, written back into that row's cells. shared/validate.ts's
 * findings on the exemption are shown as the user types.
 */
import { Badge, Button, Field, Input, MessageBar, MessageBarBody, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { validateRows } from '../../../../shared/validate.js';
import { ARTICLE17_LETTERS, type DipRow } from '../../../../shared/row.js';
import { TaskError } from '../../api/errors.js';
import { useI18n } from '../../i18n/index.js';
import type { SheetAdapter } from '../adapter.js';
import type { PaneTools } from '../hooks/useAction.js';
import { applyExemption, formDiffers, formFromExemption, isArticle17Letter, EMPTY_EXEMPTION_FORM, type ExemptionFormValues } from '../logic/exemptionForm.js';
import { readSheet, rowAtSheetRow, sameSheet, writeRow } from '../logic/sheet.js';
import { Section } from './Section.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pair: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: '8rem' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface Target {
  rowIndex: number;
  row: DipRow;
}

/** Findings about the exemption part of the row (the form cannot fix the others). */
function exemptionFindings(row: DipRow, lang: 'id' | 'en') {
  return validateRows([row], { lang }).filter((i) => i.field === 'exemption' || i.field === 'category');
}

export function ExemptionSection({ adapter, tools }: { adapter: SheetAdapter; tools: PaneTools }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [target, setTarget] = useState<Target | null>(null);
  const [form, setForm] = useState<ExemptionFormValues>(EMPTY_EXEMPTION_FORM);
  const candidate = useMemo(() => (target ? applyExemption(target.row, form) : null), [target, form]);
  const findings = useMemo(() => (candidate ? exemptionFindings(candidate, lang) : []), [candidate, lang]);
  const dirty = target !== null && formDiffers(target.row, form);
  const canSave = target !== null && (dirty || target.row.category !== 'dikecualikan');
  const set = (key: keyof ExemptionFormValues) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [key]: d.value }));

  const load = async () => {
    const loaded = await tools.run(
      t.exemption.loading,
      async ({ progress }) => {
        const selected = await adapter.getSelectedRowIndexes();
        if (selected.length === 0) throw new TaskError('no_selection');
        if (selected.length > 1) throw new TaskError('one_row_only');
        const rowIndex = selected[0] as number;
        const snap = await readSheet(adapter, (d, n) => progress(d, n));
        const row = snap.rows[rowAtSheetRow(snap, rowIndex)];
        if (!row) throw new TaskError('no_selection');
        return { rowIndex, row };
      },
      { cancelable: true },
    );
    if (loaded) {
      setTarget(loaded);
      setForm(formFromExemption(loaded.row.exemption));
    }
  };

  const save = async () => {
    if (!target) return;
    const saved = await tools.run(t.exemption.saving, async ({ progress }) => {
      const snap = await readSheet(adapter, (d, n) => progress(d, n));
      const index = rowAtSheetRow(snap, target.rowIndex);
      const current = snap.rows[index];
      // The row moved or was edited since it was loaded: writing now would put the form on the wrong data.
      if (!current || !sameSheet([current], [target.row])) throw new TaskError('sheet_changed');
      const next = applyExemption(current, form);
      await writeRow(adapter, snap, index, next, (d, n) => progress(d, n));
      return next;
    });
    if (saved) {
      setTarget({ rowIndex: target.rowIndex, row: saved });
      tools.notify({ intent: 'success', text: t.exemption.saved(target.rowIndex + 2) });
    }
  };

  return (
    <Section title={t.exemption.title} description={t.exemption.description}>
      <Button onClick={load} disabled={tools.busy}>
        {t.exemption.load}
      </Button>
      {target ? (
        <div className={styles.form}>
          <Text weight="semibold">{t.exemption.rowLabel(target.rowIndex + 2, target.row.title || t.diff.untitled)}</Text>
          {target.row.category !== 'dikecualikan' ? (
            <MessageBar intent="warning">
              <MessageBarBody>{t.exemption.notExcluded(target.row.category ? t.categories[target.row.category] : t.common.empty)}</MessageBarBody>
            </MessageBar>
          ) : null}
          <div className={styles.pair}>
            <Field className={styles.grow} label={t.exemption.article17} hint={form.article17 ? t.exemption.letters[form.article17] : undefined}>
              <Select value={form.article17} onChange={(_, d) => setForm((f) => ({ ...f, article17: isArticle17Letter(d.value) ? d.value : '' }))}>
                <option value="">{t.exemption.noArticle17}</option>
                {ARTICLE17_LETTERS.map((l) => (
                  <option key={l} value={l}>
                    {t.exemption.letterOption(l)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field className={styles.grow} label={t.exemption.clause} hint={t.exemption.clauseHint}>
              <Input value={form.clause} onChange={set('clause')} />
            </Field>
          </div>
          <Field label={t.exemption.otherLaw} hint={t.exemption.otherLawHint}>
            <Input value={form.otherLaw} onChange={set('otherLaw')} />
          </Field>
          <Field label={t.exemption.consequence} hint={t.exemption.consequenceHint} required>
            <Textarea value={form.consequence} onChange={set('consequence')} resize="vertical" rows={3} />
          </Field>
          <Field label={t.exemption.publicInterest} hint={t.exemption.publicInterestHint} required>
            <Textarea value={form.publicInterest} onChange={set('publicInterest')} resize="vertical" rows={3} />
          </Field>
          <Field label={t.exemption.period} hint={t.exemption.periodHint} required>
            <Input value={form.period} onChange={set('period')} />
          </Field>
          {findings.length > 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <ul className={styles.issues}>
                  {findings.map((f) => (
                    <li key={f.code}>{f.message}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <div className={styles.actions}>
            <Button appearance="primary" onClick={save} disabled={tools.busy || !canSave}>
              {t.exemption.save}
            </Button>
            {dirty ? <Badge appearance="tint" color="warning">{t.exemption.unsaved}</Badge> : null}
          </div>
        </div>
      ) : null}
    </Section>
  );
}
