/**
 * Verifikasi (SOP 002 step 6): each item of a unit's latest submission accepted or returned with a comment. Only
 * changed decisions are sent; a returned row without a comment holds the whole save back.
 */
import { Button, Caption1, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SubmissionDetail } from '../../api/rounds.js';
import { useI18n } from '../../i18n/index.js';
import { acceptPending, reviewDecisions, type Decision } from '../logic/rounds.js';
import { Section } from './Section.js';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface SubmissionReviewProps {
  unitName: string;
  detail: SubmissionDetail;
  busy: boolean;
  onSave(decisions: { rowId: string; status: 'accepted' | 'returned'; comment?: string }[]): void;
  onClose(): void;
}

export function SubmissionReview({ unitName, detail, busy, onSave, onClose }: SubmissionReviewProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [draft, setDraft] = useState<Record<string, Decision>>({});
  const [tried, setTried] = useState(false);
  const { decisions, missingComment } = reviewDecisions(detail.items, draft);
  const current = (rowId: string, status: Decision['status'] | 'pending', comment: string | null): Decision | { status: 'pending'; comment: string } =>
    draft[rowId] ?? { status, comment: comment ?? '' };

  return (
    <Section title={t.rounds.reviewTitle(unitName, detail.receipt.number)}>
      {!detail.latest ? <Text>{t.rounds.notLatest}</Text> : null}
      <ul className={styles.list}>
        {detail.items.map((item) => {
          const d = current(item.rowId, item.status, item.comment);
          const set = (next: Partial<Decision>) =>
            setDraft({ ...draft, [item.rowId]: { status: d.status === 'pending' ? 'accepted' : d.status, comment: d.comment, ...next } });
          return (
            <li key={item.rowId} className={styles.item}>
              <Text weight="semibold">{item.row.title || t.diff.untitled}</Text>
              <Caption1 className={styles.muted}>
                {item.kind === 'removal' ? `${t.rounds.itemRemoval} · ` : ''}
                {t.rounds.itemStatus[item.status]}
              </Caption1>
              <RadioGroup
                layout="horizontal"
                aria-label={item.row.title || t.diff.untitled}
                value={d.status === 'pending' ? '' : d.status}
                onChange={(_, v) => set({ status: v.value as Decision['status'] })}
                disabled={!detail.latest}
              >
                <Radio value="accepted" label={t.rounds.accept} />
                <Radio value="returned" label={t.rounds.returnRow} />
              </RadioGroup>
              {d.status === 'returned' ? (
                <Field
                  label={t.rounds.comment}
                  required
                  validationMessage={tried && missingComment.includes(item.rowId) ? t.rounds.commentRequired : undefined}
                >
                  <Input value={d.comment} onChange={(_, v) => set({ comment: v.value })} />
                </Field>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className={styles.buttons}>
        <Button onClick={() => setDraft(acceptPending(detail.items, draft))} disabled={busy || !detail.latest}>
          {t.rounds.acceptAllPending}
        </Button>
        <Button
          appearance="primary"
          disabled={busy || !detail.latest}
          onClick={() => {
            setTried(true);
            if (missingComment.length === 0 && decisions.length > 0) onSave(decisions);
          }}
        >
          {t.rounds.saveDecisions(decisions.length)}
        </Button>
        <Button onClick={onClose} disabled={busy}>
          {t.common.close}
        </Button>
      </div>
      {tried && decisions.length === 0 && missingComment.length === 0 ? <Text className={styles.muted}>{t.rounds.noDecisions}</Text> : null}
    </Section>
  );
}
