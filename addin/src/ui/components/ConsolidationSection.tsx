/**
 * Tarik kiriman unit: the round's accepted unit rows merged into the master sheet — preview first (added, changed,
 * removed, conflicts and likely duplicates, each with its unit), written only after an explicit tick, conflicts
 * marked on their cells. The push itself stays in Sinkron.
 */
import { Button, Caption1, Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Unit } from '../../../../shared/api.js';
import { fieldLabel, formatFieldValue } from '../../i18n/format.js';
import { useI18n } from '../../i18n/index.js';
import type { PaneTools } from '../hooks/useAction.js';
import { applyConsolidation, prepareConsolidation, type ConsolidationDeps, type ConsolidationPlan, type MarkTexts } from '../logic/consolidation.js';
import { ActionButtons } from './ActionButtons.js';
import { Section } from './Section.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  start: { alignSelf: 'flex-start' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const MAX_SHOWN = 50;

export function ConsolidationSection({ deps, roundId, units, tools }: { deps: ConsolidationDeps; roundId: number; units: readonly Unit[]; tools: PaneTools }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [plan, setPlan] = useState<ConsolidationPlan | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const unitName = (code: string) => units.find((u) => u.code === code)?.name ?? code;
  const titleOf = (id: string) => plan?.rows.find((r) => r.id === id)?.title ?? plan?.response.rows.find((r) => r.id === id)?.title ?? t.diff.untitled;
  const value = (field: Parameters<typeof formatFieldValue>[1], v: unknown) => formatFieldValue(t, field, v);

  const prepare = async () => {
    const next = await tools.run(t.rounds.pulling, ({ signal, progress }) => prepareConsolidation(deps, roundId, { signal, progress: (d, n) => progress(d, n) }), {
      cancelable: true,
    });
    setConfirmed(false);
    setPlan(next ?? null);
  };

  const apply = async (p: ConsolidationPlan) => {
    const texts: MarkTexts = {
      conflict: t.rounds.markConflict,
      removal: t.rounds.markRemoval,
      local: t.rounds.markLocal,
      duplicate: t.rounds.markDuplicate,
      value,
      unit: unitName,
    };
    const done = await tools.run(t.rounds.writing, ({ progress }) => applyConsolidation(deps, p, texts, { progress: (d, n) => progress(d, n) }));
    if (!done) return;
    setPlan(null);
    tools.notify({ intent: 'success', text: t.rounds.applied(done.rows, done.marked) });
  };

  const r = plan?.response;
  return (
    <Section title={t.rounds.pullTitle} description={t.rounds.pullDescription}>
      <Button className={styles.start} onClick={() => void prepare()} disabled={tools.busy}>
        {t.rounds.pull}
      </Button>
      {plan && r ? (
        <>
          <Text weight="semibold">{t.rounds.previewHeading(r.headVersion === null ? t.rounds.headNone : t.rounds.headVersion(r.headVersion))}</Text>
          <Text role="status">{t.rounds.counts(r.added.length, r.changed.length, r.removed.length, r.conflicts.length + plan.localConflicts.length)}</Text>
          {r.added.length + r.changed.length + r.removed.length + r.conflicts.length === 0 ? <Text className={styles.muted}>{t.rounds.nothingAccepted}</Text> : null}
          {r.added.length > 0 ? (
            <>
              <Text weight="semibold">{t.rounds.addedHeading(r.added.length)}</Text>
              <ul className={styles.list}>
                {r.added.slice(0, MAX_SHOWN).map((a) => (
                  <li key={a.row.id}>{`${a.row.title} — ${t.rounds.fromUnit(unitName(a.source.unitCode))}`}</li>
                ))}
              </ul>
            </>
          ) : null}
          {r.changed.length > 0 ? (
            <>
              <Text weight="semibold">{t.rounds.changedHeading(r.changed.length)}</Text>
              <ul className={styles.list}>
                {r.changed.slice(0, MAX_SHOWN).map((c) => (
                  <li key={c.id}>
                    {`${titleOf(c.id)} — ${t.rounds.fromUnit(unitName(c.source.unitCode))}`}
                    <Caption1 as="p">{c.fields.map((f) => `${fieldLabel(t, lang, f.field)}: ${value(f.field, f.from)} → ${value(f.field, f.to)}`).join(' · ')}</Caption1>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {r.removed.length > 0 ? (
            <>
              <Text weight="semibold">{t.rounds.removedHeading(r.removed.length)}</Text>
              <ul className={styles.list}>
                {r.removed.slice(0, MAX_SHOWN).map((x) => (
                  <li key={x.row.id}>{`${x.row.title} — ${t.rounds.fromUnit(unitName(x.source.unitCode))}`}</li>
                ))}
              </ul>
            </>
          ) : null}
          {r.conflicts.length + plan.localConflicts.length > 0 ? (
            <>
              <Text weight="semibold">{t.rounds.conflictsHeading(r.conflicts.length + plan.localConflicts.length)}</Text>
              <ul className={styles.list}>
                {r.conflicts.slice(0, MAX_SHOWN).map((c) => {
                  const unit = unitName(c.source.unitCode);
                  return (
                    <li key={`${c.id}-${c.source.submissionId}`}>
                      {titleOf(c.id)}
                      {c.kind === 'theirs_removed_ours_changed' ? <Caption1 as="p">{t.rounds.conflictRemovedByUnit(unit)}</Caption1> : null}
                      {c.kind === 'ours_removed_theirs_changed' ? <Caption1 as="p">{t.rounds.conflictRemovedByMaster(unit)}</Caption1> : null}
                      {c.fields.map((f) => (
                        <Caption1 as="p" key={f.field}>
                          {t.rounds.conflictField(fieldLabel(t, lang, f.field), value(f.field, f.ours), unit, value(f.field, f.theirs))}
                        </Caption1>
                      ))}
                    </li>
                  );
                })}
                {plan.localConflicts.slice(0, MAX_SHOWN).map((c) => (
                  <li key={`local-${c.id}`}>
                    {titleOf(c.id)}
                    {c.fields.map((f) => (
                      <Caption1 as="p" key={f.field}>
                        {t.rounds.localConflict(fieldLabel(t, lang, f.field), value(f.field, f.ours), value(f.field, f.theirs))}
                      </Caption1>
                    ))}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {r.duplicates.length > 0 ? (
            <>
              <Text weight="semibold">{t.rounds.duplicatesHeading(r.duplicates.length)}</Text>
              <ul className={styles.list}>
                {r.duplicates.map((d) => (
                  <li key={d.title}>{`${d.title} — ${d.rows.map((x) => (x.unitCode ? unitName(x.unitCode) : 'master')).join(', ')}`}</li>
                ))}
              </ul>
            </>
          ) : null}
          {r.outstanding.length > 0 ? (
            <>
              <Text weight="semibold">{t.rounds.outstandingHeading}</Text>
              <ul className={styles.list}>
                {r.outstanding.map((o) => (
                  <li key={o.unitCode}>{t.rounds.outstandingLine(unitName(o.unitCode), o.pending, o.returned)}</li>
                ))}
              </ul>
            </>
          ) : null}
          <Text>{plan.mode === 'merge' ? t.rounds.keepsEdits : t.rounds.replaces}</Text>
          <Checkbox checked={confirmed} onChange={(_, d) => setConfirmed(d.checked === true)} label={t.rounds.confirm} />
          <ActionButtons label={t.rounds.apply(plan.rows.length)} onAction={() => void apply(plan)} busy={tools.busy} blocked={!confirmed} onCancel={() => setPlan(null)} />
        </>
      ) : null}
    </Section>
  );
}
