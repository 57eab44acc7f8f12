/** Buka putaran baru: title, due date from the SOP time standards (3 or 7 days) or a month or any date, units asked. */
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Unit } from '../../../../shared/api.js';
import type { ApiClient } from '../../api/client.js';
import { createRound, type RoundSummary } from '../../api/rounds.js';
import { useI18n } from '../../i18n/index.js';
import type { PaneTools } from '../hooks/useAction.js';
import { formatDate, officeToday } from '../logic/forms.js';
import { DUE_CHOICES, checkRoundForm, createRoundRequest, dueDateOf, type DueChoice, type RoundForm } from '../logic/rounds.js';
import { Section } from './Section.js';

const useStyles = makeStyles({
  start: { alignSelf: 'flex-start' },
  units: { display: 'flex', flexDirection: 'column', border: 'none', margin: 0, padding: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function RoundCreate({ api, units, tools, now, onCreated }: { api: ApiClient; units: readonly Unit[]; tools: PaneTools; now: () => Date; onCreated(round: RoundSummary): void }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const all = units.map((u) => u.code);
  const [form, setForm] = useState<RoundForm>({ title: '', due: '7_hari', customDate: '', unitCodes: all });
  const [shown, setShown] = useState(false);
  // Units arrive after the first render: until the person touches the list, "all" means every unit known now.
  const [touchedUnits, setTouchedUnits] = useState(false);
  const picked = touchedUnits ? form.unitCodes : all;
  const today = officeToday(now());
  const problems = checkRoundForm({ ...form, unitCodes: picked }, today);
  const due = dueDateOf(form, today);
  const label: Record<DueChoice, string> = { '3_hari': t.rounds.preset3, '7_hari': t.rounds.preset7, '1_bulan': t.rounds.preset1m, custom: t.rounds.presetCustom };
  const dateProblem = problems.customDate === 'invalidDate' || problems.customDate === 'past' ? t.rounds.invalidDate : problems.customDate ? t.rounds.required : undefined;

  const toggle = (code: string, on: boolean) => {
    setTouchedUnits(true);
    setForm({ ...form, unitCodes: on ? [...new Set([...picked, code])] : picked.filter((c) => c !== code) });
  };

  const create = async () => {
    setShown(true);
    if (Object.keys(problems).length > 0) return;
    const body = createRoundRequest({ ...form, unitCodes: picked }, all);
    const round = await tools.run(t.rounds.creating, ({ signal }) => createRound(api, body, signal));
    if (!round) return;
    setForm({ title: '', due: '7_hari', customDate: '', unitCodes: all });
    setShown(false);
    setTouchedUnits(false);
    onCreated(round);
  };

  return (
    <Section title={t.rounds.createTitle}>
      <Field label={t.rounds.titleLabel} hint={t.rounds.titleHint} required validationMessage={shown && problems.title ? t.rounds.required : undefined}>
        <Input value={form.title} onChange={(_, d) => setForm({ ...form, title: d.value })} />
      </Field>
      <Field label={t.rounds.due}>
        <RadioGroup value={form.due} onChange={(_, d) => setForm({ ...form, due: d.value as DueChoice })}>
          {DUE_CHOICES.map((c) => (
            <Radio key={c} value={c} label={label[c]} />
          ))}
        </RadioGroup>
      </Field>
      {form.due === 'custom' ? (
        <Field label={t.rounds.customDate} required validationMessage={shown ? dateProblem : undefined}>
          <Input type="date" value={form.customDate} min={today} onChange={(_, d) => setForm({ ...form, customDate: d.value })} />
        </Field>
      ) : null}
      {due && !problems.customDate ? <Text>{t.rounds.duePreview(formatDate(lang, due))}</Text> : null}
      {/* A fieldset, not a Field: inside a Field every Checkbox would take the Field's label as its own name. */}
      <fieldset className={styles.units}>
        <legend>{t.rounds.units}</legend>
        {units.map((u) => (
          <Checkbox key={u.code} checked={picked.includes(u.code)} onChange={(_, d) => toggle(u.code, d.checked === true)} label={`${u.name} (${u.code})`} />
        ))}
        {shown && problems.unitCodes ? (
          <Text role="alert" className={styles.error}>
            {t.rounds.pickUnit}
          </Text>
        ) : null}
      </fieldset>
      <Button className={styles.start} appearance="primary" onClick={() => void create()} disabled={tools.busy}>
        {t.rounds.create}
      </Button>
    </Section>
  );
}
