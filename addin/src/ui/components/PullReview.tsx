/**
 * The pull preview: what the sheet will go through, and — when it holds edits no version has — a clear warning, an
 * explicit tick before overwriting, and the safer alternative (pull and re-apply).
 */
import { Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { isEmptyDiff } from '../../../../shared/diff.js';
import { useI18n } from '../../i18n/index.js';
import type { PullPlan } from '../logic/sync.js';
import { DiffSummary, DiffView } from './DiffView.js';
import { Section } from './Section.js';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface PullReviewProps {
  plan: PullPlan;
  confirmed: boolean;
  busy: boolean;
  onConfirm(value: boolean): void;
  onOverwrite(): void;
  onReapply(): void;
  onCancel(): void;
}

export function PullReview({ plan, confirmed, busy, onConfirm, onOverwrite, onReapply, onCancel }: PullReviewProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const same = isEmptyDiff(plan.preview);
  return (
    <Section title={t.pull.heading(plan.version, plan.rows.length)}>
      <Text weight="semibold">{t.pull.previewHeading}</Text>
      <DiffView diff={plan.preview} titles={plan.titles} emptyText={t.pull.same(plan.version)} />
      {plan.hasUnsavedEdits ? (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.pull.unsavedTitle}</MessageBarTitle>
              {t.pull.unsavedBody}
            </MessageBarBody>
          </MessageBar>
          <DiffSummary diff={plan.unsaved} />
          <Checkbox checked={confirmed} onChange={(_, d) => onConfirm(d.checked === true)} label={t.pull.confirm} />
        </>
      ) : null}
      <div className={styles.buttons}>
        <Button appearance={plan.hasUnsavedEdits ? 'secondary' : 'primary'} onClick={onOverwrite} disabled={busy || !confirmed}>
          {same ? t.pull.adopt(plan.version) : t.pull.overwrite(plan.version)}
        </Button>
        {plan.hasUnsavedEdits ? (
          <Button appearance="primary" onClick={onReapply} disabled={busy}>
            {t.conflict.reapply}
          </Button>
        ) : null}
        <Button onClick={onCancel} disabled={busy}>
          {t.common.close}
        </Button>
      </div>
    </Section>
  );
}
