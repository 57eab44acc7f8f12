/**
 * The re-apply review: each conflict (both sides changed the same field, or one edited what the other removed)
 * gets an explicit choice; the summary shows what the next push will send on top of the head.
 */
import { Button, Caption1, MessageBar, MessageBarBody, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { fieldLabel, formatFieldValue } from '../../i18n/format.js';
import { useI18n } from '../../i18n/index.js';
import type { Choice, MergeConflict } from '../logic/reapply.js';
import { reapplyPreview, type ReapplyPlan } from '../logic/sync.js';
import { DiffSummary } from './DiffView.js';
import { ActionButtons } from './ActionButtons.js';
import { Section } from './Section.js';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  conflict: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteMarigoldBorder2}`,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  radio: { overflowWrap: 'anywhere' },
});

export interface ReapplyReviewProps {
  plan: ReapplyPlan;
  choices: Readonly<Record<string, Choice>>;
  busy: boolean;
  onChoose(key: string, choice: Choice): void;
  onChooseAll(choice: Choice): void;
  onApply(): void;
  onCancel(): void;
}

function ConflictItem({ c, choice, onChoose }: { c: MergeConflict; choice: Choice; onChoose(choice: Choice): void }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  let what: string;
  let mine: string;
  let theirs: string;
  if (c.kind === 'field') {
    what = fieldLabel(t, lang, c.field);
    mine = t.reapply.mine(formatFieldValue(t, c.field, c.local));
    theirs = t.reapply.theirs(formatFieldValue(t, c.field, c.head));
  } else if (c.kind === 'editedRemoved') {
    what = t.reapply.editedRemoved;
    mine = t.reapply.keepAsNew;
    theirs = t.reapply.acceptRemoval;
  } else {
    what = t.reapply.removedEdited;
    mine = t.reapply.keepRemoved;
    theirs = t.reapply.keepServerRow;
  }
  return (
    <li className={styles.conflict}>
      <Text weight="semibold">{c.title || t.diff.untitled}</Text>
      <Caption1 className={styles.muted}>{what}</Caption1>
      <RadioGroup value={choice} onChange={(_, d) => onChoose(d.value as Choice)} aria-label={`${c.title} — ${what}`}>
        <Radio value="local" label={<span className={styles.radio}>{mine}</span>} />
        <Radio value="head" label={<span className={styles.radio}>{theirs}</span>} />
      </RadioGroup>
    </li>
  );
}

export function ReapplyReview({ plan, choices, busy, onChoose, onChooseAll, onApply, onCancel }: ReapplyReviewProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const preview = useMemo(() => reapplyPreview(plan, choices), [plan, choices]);
  const conflicts = plan.result.conflicts;
  return (
    <Section title={t.reapply.heading(plan.head.version)} description={plan.baseVersion === null ? t.reapply.noBase : t.reapply.fromBase(plan.baseVersion)}>
      {conflicts.length === 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>{t.reapply.clean}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Text>{t.reapply.conflicts(conflicts.length)}</Text>
          <div className={styles.buttons}>
            <Button size="small" onClick={() => onChooseAll('local')} disabled={busy}>
              {t.reapply.allMine}
            </Button>
            <Button size="small" onClick={() => onChooseAll('head')} disabled={busy}>
              {t.reapply.allTheirs}
            </Button>
          </div>
          <ul className={styles.list}>
            {conflicts.map((c) => (
              <ConflictItem key={c.key} c={c} choice={choices[c.key] ?? 'local'} onChoose={(choice) => onChoose(c.key, choice)} />
            ))}
          </ul>
        </>
      )}
      <Text weight="semibold">{t.reapply.result(plan.head.version)}</Text>
      <DiffSummary diff={preview.onTopOfHead} />
      <ActionButtons label={t.reapply.apply(preview.rows.length)} onAction={onApply} busy={busy} onCancel={onCancel} cancel="close" />
    </Section>
  );
}
