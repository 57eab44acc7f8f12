/**
 * Persetujuan (the Atasan PPID): the versions waiting for approval; for the one under review, its diff against the
 * published DIP, the validation summary and the meeting records; then approve (SK number + date, bound to the
 * content hash as loaded here) or reject (reason).
 */
import { Badge, Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { VersionMeta } from '../../../../shared/api.js';
import { knownUnitsOf } from '../../../../shared/validate.js';
import { approvalInfo, approveVersion, diffFromPublished, rejectVersion } from '../../api/approval.js';
import type { ApiClient } from '../../api/client.js';
import { listUnits } from '../../api/rounds.js';
import { formatDateTime } from '../../i18n/format.js';
import { useI18n } from '../../i18n/index.js';
import { ApprovalDecision } from '../components/ApprovalDecision.js';
import { ApprovalReview, type ApprovalReviewData } from '../components/ApprovalReview.js';
import { PaneStatus } from '../components/PaneStatus.js';
import { Section } from '../components/Section.js';
import { useFirstLoad } from '../hooks/useFirstLoad.js';
import { usePane } from '../hooks/usePane.js';
import { approveRequest, refusedErrorCount, validateVersion, waitingVersions, type ApproveForm } from '../logic/approval.js';
import { titlesById } from '../logic/changes.js';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, alignItems: 'flex-start' },
  muted: { color: tokens.colorNeutralForeground3 },
  start: { alignSelf: 'flex-start' },
});

export function ApprovalPane({ api, onError }: { api: ApiClient; onError(err: unknown): void }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [waiting, setWaiting] = useState<VersionMeta[] | null>(null);
  const [review, setReview] = useState<ApprovalReviewData | null>(null);
  const pane = usePane(onError);
  const { tools } = pane;

  const load = useCallback((signal?: AbortSignal) => api.versions(signal).then((list) => setWaiting(waitingVersions(list))), [api]);
  useFirstLoad(load, onError, pane.action.fail);

  const reload = () => tools.run(t.approval.loading, ({ signal }) => load(signal), { cancelable: true });

  const open = async (n: number) => {
    const data = await tools.run(
      t.approval.reviewing,
      async ({ signal }) => {
        const [{ data: reg }, { data: version }, info, units] = await Promise.all([
          api.register(signal),
          api.version(n, signal),
          approvalInfo(api, n, signal),
          listUnits(api, signal),
        ]);
        const diff = await diffFromPublished(api, n, reg.published, signal);
        const knownUnits = knownUnitsOf(units);
        const published = reg.published === null ? [] : (await api.version(reg.published, signal)).data.rows;
        return {
          meta: version.version,
          info,
          published: reg.published,
          diff,
          titles: titlesById(version.rows, published),
          validation: validateVersion(version.rows, knownUnits, lang),
        } satisfies ApprovalReviewData;
      },
      { cancelable: true },
    );
    if (data) setReview(data);
  };

  const decided = async (text: string) => {
    pane.setNotice({ intent: 'success', text });
    setReview(null);
    await load().catch(() => undefined);
  };

  const approve = async (form: ApproveForm) => {
    if (!review) return;
    // The hash sent is the one of the version as loaded for this review, never fetched again now.
    const body = approveRequest(review.meta, form);
    const done = await tools.run(t.approval.approving, async ({ signal }) => {
      try {
        return await approveVersion(api, review.meta.version, body, signal);
      } catch (err) {
        // The server's own count, beside the catalogue's message: the pane may have validated other rules' version.
        const errors = refusedErrorCount(err);
        if (errors !== null) pane.setNotice({ intent: 'warning', text: t.approval.errorsInVersion(errors) });
        throw err;
      }
    });
    if (done) await decided(t.approval.approved(review.meta.version, body.decreeNumber));
  };

  const reject = async (reason: string) => {
    if (!review) return;
    const done = await tools.run(t.approval.rejecting, ({ signal }) => rejectVersion(api, review.meta.version, { reason }, signal));
    if (done) await decided(t.approval.rejected(review.meta.version));
  };

  return (
    <>
      <PaneStatus pane={pane} />
      <Section title={t.approval.waitingTitle} description={t.approval.waitingDescription}>
        <Button className={styles.start} size="small" appearance="subtle" onClick={() => void reload()} disabled={tools.busy}>
          {t.approval.reload}
        </Button>
        {waiting === null ? <Text className={styles.muted}>{t.approval.loading}</Text> : null}
        {waiting && waiting.length === 0 ? <Text>{t.approval.none}</Text> : null}
        <ul className={styles.list}>
          {(waiting ?? []).map((v) => (
            <li key={v.version} className={styles.item}>
              <Text weight="semibold">{t.approval.waitingLine(v.version, v.author, v.rowCount)}</Text>
              <Text>{v.message}</Text>
              <Caption1 className={styles.muted}>{formatDateTime(lang, v.createdAt)}</Caption1>
              <Button size="small" appearance={review?.meta.version === v.version ? 'primary' : 'secondary'} onClick={() => void open(v.version)} disabled={tools.busy}>
                {t.approval.review(v.version)}
              </Button>
              {review?.meta.version === v.version ? <Badge appearance="tint">{t.states.submitted}</Badge> : null}
            </li>
          ))}
        </ul>
      </Section>
      {review ? (
        <>
          <ApprovalReview review={review} />
          <ApprovalDecision key={review.meta.version} meta={review.meta} blocked={review.validation.summary.errors > 0} busy={tools.busy} onApprove={(f) => void approve(f)} onReject={(r) => void reject(r)} />
        </>
      ) : null}
    </>
  );
}
