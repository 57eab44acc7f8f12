/**
 * Putaran (PPID): the update rounds, a new round, a round's per-unit status with reminders for late units, the
 * verification of a unit's submission, and Tarik kiriman unit into the master sheet.
 */
import { Badge, Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { Unit } from '../../../../shared/api.js';
import type { ApiClient } from '../../api/client.js';
import { listRounds, listUnits, reviewSubmission, roundDetail, submissionDetail, type RoundDetail, type RoundSummary, type RoundUnitStatus, type SubmissionDetail } from '../../api/rounds.js';
import { useI18n } from '../../i18n/index.js';
import type { SheetAdapter } from '../adapter.js';
import { ConsolidationSection } from '../components/ConsolidationSection.js';
import { PaneStatus } from '../components/PaneStatus.js';
import { RoundCreate } from '../components/RoundCreate.js';
import { RoundStatus } from '../components/RoundStatus.js';
import { Section } from '../components/Section.js';
import { SubmissionReview } from '../components/SubmissionReview.js';
import { useFirstLoad } from '../hooks/useFirstLoad.js';
import { usePane } from '../hooks/usePane.js';
import type { BaseTracker } from '../logic/base.js';
import { formatDate } from '../logic/forms.js';
import { sortRounds } from '../logic/rounds.js';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: '8rem', display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground3 },
  start: { alignSelf: 'flex-start' },
});

export interface RoundsPaneProps {
  api: ApiClient;
  adapter: SheetAdapter;
  base: BaseTracker;
  onError(err: unknown): void;
  /** The clock for due-date presets (tests fix it). */
  now?: () => Date;
}

export function RoundsPane({ api, adapter, base, onError, now = () => new Date() }: RoundsPaneProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const pane = usePane(onError);
  const { tools } = pane;
  const [rounds, setRounds] = useState<RoundSummary[] | null>(null);
  const [units, setUnits] = useState<Unit[]>([]);
  const [detail, setDetail] = useState<RoundDetail | null>(null);
  const [review, setReview] = useState<{ unit: RoundUnitStatus; detail: SubmissionDetail } | null>(null);

  const load = useCallback(
    (signal?: AbortSignal) =>
      Promise.all([listRounds(api, signal), listUnits(api, signal)]).then(([list, known]) => {
        setRounds(sortRounds(list));
        setUnits(known);
      }),
    [api],
  );
  useFirstLoad(load, onError, pane.action.fail);

  const show = async (id: number) => {
    const d = await tools.run(t.rounds.loadingDetail, ({ signal }) => roundDetail(api, id, signal), { cancelable: true });
    if (!d) return;
    setDetail(d);
    setReview(null);
  };

  const openReview = async (unit: RoundUnitStatus) => {
    if (!detail || unit.latestSubmissionId === null) return;
    const sid = unit.latestSubmissionId;
    const d = await tools.run(t.rounds.loadingSubmission, ({ signal }) => submissionDetail(api, detail.id, sid, signal), { cancelable: true });
    if (d) setReview({ unit, detail: d });
  };

  const save = async (decisions: { rowId: string; status: 'accepted' | 'returned'; comment?: string }[]) => {
    if (!detail || !review) return;
    const sid = review.detail.receipt.submissionId;
    const done = await tools.run(t.rounds.saving, async ({ signal }) => {
      const r = await reviewSubmission(api, detail.id, sid, { decisions }, signal);
      return { r, next: await roundDetail(api, detail.id, signal) };
    });
    if (!done) return;
    setDetail(done.next);
    setReview(null);
    pane.setNotice({ intent: 'success', text: t.rounds.saved(done.r.decided, review.unit.unitName) });
  };

  return (
    <>
      <PaneStatus pane={pane} />
      <Section title={t.rounds.listTitle} description={t.rounds.listDescription}>
        <Button className={styles.start} size="small" appearance="subtle" onClick={() => void tools.run(t.rounds.loading, ({ signal }) => load(signal))} disabled={tools.busy}>
          {t.rounds.reload}
        </Button>
        {rounds === null ? <Text className={styles.muted}>{t.rounds.loading}</Text> : null}
        {rounds && rounds.length === 0 ? <Text>{t.rounds.none}</Text> : null}
        <ul className={styles.list}>
          {(rounds ?? []).map((r) => (
            <li key={r.id} className={styles.item}>
              <span className={styles.grow}>
                <Text weight="semibold">{r.title}</Text>
                <Caption1 className={styles.muted}>{t.rounds.roundLine(formatDate(lang, r.dueDate), r.unitCount)}</Caption1>
              </span>
              <Badge appearance="tint" color={r.closed ? 'informative' : 'success'}>
                {r.closed ? t.rounds.closed : t.rounds.open}
              </Badge>
              <Button size="small" appearance={detail?.id === r.id ? 'primary' : 'secondary'} aria-label={`${t.rounds.show}: ${r.title}`} onClick={() => void show(r.id)} disabled={tools.busy}>
                {t.rounds.show}
              </Button>
            </li>
          ))}
        </ul>
      </Section>
      {detail ? (
        <>
          <RoundStatus detail={detail} busy={tools.busy} onReview={(u) => void openReview(u)} />
          {review ? (
            <SubmissionReview key={review.detail.receipt.number} unitName={review.unit.unitName} detail={review.detail} busy={tools.busy} onSave={(d) => void save(d)} onClose={() => setReview(null)} />
          ) : null}
          <ConsolidationSection deps={{ api, adapter, base }} roundId={detail.id} units={units} tools={tools} />
        </>
      ) : null}
      <RoundCreate
        api={api}
        units={units}
        tools={tools}
        now={now}
        onCreated={(round) => {
          void load().catch(onError);
          // Said after the round is shown: showing it is an action, and starting one clears the last notice.
          void show(round.id).then(() => pane.setNotice({ intent: 'success', text: t.rounds.created(round.title) }));
        }}
      />
    </>
  );
}
