/** What the approver reads before deciding: the version, its hash, the diff against the published DIP, validation, meetings. */
import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { VersionApprovalInfo, VersionMeta } from '../../../../shared/api.js';
import type { RowDiff } from '../../../../shared/diff.js';
import { formatDateTime } from '../../i18n/format.js';
import { useI18n } from '../../i18n/index.js';
import { shortHash, type VersionValidation } from '../logic/approval.js';
import { formatDate } from '../logic/forms.js';
import { DiffView } from './DiffView.js';
import { Section } from './Section.js';

export interface ApprovalReviewData {
  /** The version as the approver loaded it: its content hash is what an approval sends. */
  meta: VersionMeta;
  info: VersionApprovalInfo;
  published: number | null;
  diff: RowDiff;
  titles: Map<string, string>;
  validation: VersionValidation;
}

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  hash: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
  meeting: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  message: { overflowWrap: 'anywhere' },
});

const MAX_ISSUES = 10;

export function ApprovalReview({ review }: { review: ApprovalReviewData }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const { meta, info, validation } = review;
  const { errors, warnings } = validation.summary;
  const summary =
    errors > 0
      ? t.approval.validationErrors(validation.rows, errors, warnings)
      : warnings > 0
        ? t.approval.validationWarnings(validation.rows, warnings)
        : t.approval.validationClean(validation.rows);
  return (
    <>
      <Section title={t.approval.versionTitle(meta.version)}>
        <Text className={styles.message}>{meta.message}</Text>
        <Caption1 className={styles.muted}>{t.history.meta(meta.author, formatDateTime(lang, meta.createdAt), meta.rowCount)}</Caption1>
        {info.submission ? (
          <Caption1 className={styles.muted}>{t.approval.submittedBy(info.submission.submittedBy, formatDateTime(lang, info.submission.submittedAt))}</Caption1>
        ) : null}
        <Text>
          {t.approval.hashLabel}: <span className={styles.hash} title={meta.contentHash}>{shortHash(meta.contentHash)}…</span>
        </Text>
        <Caption1 className={styles.muted}>{t.approval.hashHint}</Caption1>
      </Section>
      <Section title={review.published === null ? t.approval.diffFirst : t.approval.diffTitle(review.published)}>
        <DiffView diff={review.diff} titles={review.titles} emptyText={t.approval.diffNone} />
      </Section>
      <Section title={t.approval.validationTitle}>
        <Text role="status" className={errors > 0 ? styles.error : undefined}>
          {summary}
        </Text>
        {validation.issues.length > 0 ? (
          <ul className={styles.list}>
            {validation.issues.slice(0, MAX_ISSUES).map((i, k) => (
              <li key={`${i.rowIndex}-${i.code}-${k}`} className={i.severity === 'error' ? styles.error : undefined}>
                {t.approval.issueLine(i.rowIndex + 2, i.message)}
              </li>
            ))}
            {validation.issues.length > MAX_ISSUES ? <li className={styles.muted}>{t.approval.moreIssues(validation.issues.length - MAX_ISSUES)}</li> : null}
          </ul>
        ) : null}
      </Section>
      <Section title={t.approval.meetingsTitle}>
        {info.meetings.length === 0 ? <Text className={styles.muted}>{t.approval.meetingsNone}</Text> : null}
        {info.meetings.map((m) => (
          <div key={m.id} className={styles.meeting}>
            <Text weight="semibold">{t.approval.meetingLine(formatDate(lang, m.date), m.recordedBy)}</Text>
            <Caption1>
              {t.approval.participants}: {m.participants.join('; ')}
            </Caption1>
            <Text className={styles.message}>
              {t.approval.decision}: {m.decision}
            </Text>
          </div>
        ))}
      </Section>
    </>
  );
}
