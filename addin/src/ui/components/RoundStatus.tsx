/** A round's per-unit status (not started, awaiting review, returned, accepted; late beside it) and who to remind. */
import { Badge, Button, Caption1, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { RoundDetail, RoundUnitStatus, UnitRoundStatus } from '../../api/rounds.js';
import { formatDateTime } from '../../i18n/format.js';
import { useI18n } from '../../i18n/index.js';
import { formatDate } from '../logic/forms.js';
import { lateUnits } from '../logic/rounds.js';
import { Section } from './Section.js';
import { useEntryListStyles } from './entryList.js';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  start: { alignSelf: 'flex-start' },
});

const COLOR: Record<UnitRoundStatus, 'informative' | 'warning' | 'danger' | 'success'> = {
  not_started: 'informative',
  submitted: 'warning',
  returned: 'danger',
  accepted: 'success',
};

export function RoundStatus({ detail, busy, onReview }: { detail: RoundDetail; busy: boolean; onReview(unit: RoundUnitStatus): void }) {
  const { t, lang } = useI18n();
  const styles = { ...useEntryListStyles(), ...useStyles() };
  const late = lateUnits(detail);
  const due = formatDate(lang, detail.dueDate);
  return (
    <>
      <Section title={t.rounds.detailTitle(detail.title)}>
        <Caption1 className={styles.muted}>
          {t.rounds.detailLine(due, detail.baseVersion === null ? t.rounds.baseNone : t.rounds.baseVersion(detail.baseVersion))}
        </Caption1>
        <ul className={styles.list} aria-label={t.rounds.units}>
          {detail.units.map((u) => (
            <li key={u.unitCode} className={styles.item}>
              <div className={styles.line}>
                <Text weight="semibold">{`${u.unitName} (${u.unitCode})`}</Text>
                <Badge appearance="tint" color={COLOR[u.status]}>
                  {t.rounds.status[u.status]}
                </Badge>
                {u.late ? <Badge color="danger">{t.rounds.late}</Badge> : null}
              </div>
              {u.submissions > 0 ? (
                <>
                  <Caption1>{t.rounds.unitCounts(u.rows.total, u.rows.accepted, u.rows.returned, u.rows.pending)}</Caption1>
                  <Caption1 className={styles.muted}>{t.rounds.lastSent(u.latestReceiptNumber ?? '', formatDateTime(lang, u.lastSubmittedAt ?? ''))}</Caption1>
                  <Button className={styles.start} size="small" onClick={() => onReview(u)} disabled={busy}>
                    {t.rounds.reviewUnit}
                  </Button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t.rounds.lateTitle(late.length)}>
        {late.length === 0 ? (
          <Text className={styles.muted}>{t.rounds.noneLate}</Text>
        ) : (
          <>
            <ul className={styles.list}>
              {late.map((u) => (
                <li key={u.unitCode}>{`${u.unitName} — ${t.rounds.status[u.status]}`}</li>
              ))}
            </ul>
            <Field label={t.rounds.reminderLabel}>
              <Textarea readOnly resize="vertical" value={late.map((u) => t.rounds.reminderText(u.unitName, detail.title, due)).join('\n\n')} />
            </Field>
          </>
        )}
      </Section>
    </>
  );
}
