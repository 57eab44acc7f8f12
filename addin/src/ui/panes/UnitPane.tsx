/**
 * Kiriman unit (the unit role): pick the round, fill the DIP sheet with the unit's rows, check and submit them, keep
 * the receipts (tanda terima), and see the rows the PPID returned with its comments — marked on their cells — to
 * fix and resubmit.
 */
import { Badge, Button, Caption1, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../api/client.js';
import { listRounds, myRound, type MyRoundResponse, type RoundSummary } from '../../api/rounds.js';
import { formatDateTime } from '../../i18n/format.js';
import { useI18n } from '../../i18n/index.js';
import type { SheetAdapter } from '../adapter.js';
import { PaneStatus } from '../components/PaneStatus.js';
import { Section } from '../components/Section.js';
import { UnitFill } from '../components/UnitFill.js';
import { UnitSubmit } from '../components/UnitSubmit.js';
import { useFirstLoad } from '../hooks/useFirstLoad.js';
import { usePane } from '../hooks/usePane.js';
import { shortHash } from '../logic/approval.js';
import { formatDate } from '../logic/forms.js';
import { readSheet } from '../logic/sheet.js';
import { returnedMarks, sortMyRounds } from '../logic/unit.js';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  start: { alignSelf: 'flex-start' },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function UnitPane({ api, adapter, onError }: { api: ApiClient; adapter: SheetAdapter; onError(err: unknown): void }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const pane = usePane(onError);
  const { tools } = pane;
  const [rounds, setRounds] = useState<RoundSummary[] | null>(null);
  const [roundId, setRoundId] = useState<number | null>(null);
  const [mine, setMine] = useState<MyRoundResponse | null>(null);

  const loadMine = useCallback((id: number, signal?: AbortSignal) => myRound(api, id, signal).then(setMine), [api]);
  const loadAll = useCallback(
    (signal?: AbortSignal) =>
      listRounds(api, signal).then(async (found) => {
        const list = sortMyRounds(found);
        setRounds(list);
        const id = list[0]?.id ?? null;
        setRoundId(id);
        if (id !== null) await loadMine(id, signal);
      }),
    [api, loadMine],
  );

  // Muat ulang and the round picker load again through the pane's action.
  useFirstLoad(loadAll, onError, pane.action.fail);

  const choose = (id: number) => {
    setRoundId(id);
    setMine(null);
    void tools.run(t.unitMode.loading, ({ signal }) => loadMine(id, signal), { cancelable: true });
  };

  const markReturned = async () => {
    if (!mine) return;
    const result = await tools.run(t.unitMode.marking, async ({ signal, progress }) => {
      const sheet = await readSheet(adapter, (d, n) => progress(d, n), signal);
      const { marks, missing } = returnedMarks(sheet, mine.returned, t.unitMode.markText);
      await adapter.clearIssueMarks();
      if (marks.length > 0) await adapter.markIssues(marks);
      return { cells: marks.length, missing };
    });
    if (result) pane.setNotice({ intent: result.missing > 0 ? 'warning' : 'success', text: t.unitMode.marked(result.cells, result.missing) });
  };

  const round = rounds?.find((r) => r.id === roundId) ?? null;
  return (
    <>
      <PaneStatus pane={pane} />
      <Section title={t.unitMode.roundTitle}>
        <Button className={styles.start} size="small" appearance="subtle" onClick={() => void tools.run(t.unitMode.loading, ({ signal }) => loadAll(signal))} disabled={tools.busy}>
          {t.unitMode.reload}
        </Button>
        {rounds === null ? <Text className={styles.muted}>{t.unitMode.loading}</Text> : null}
        {rounds && rounds.length === 0 ? <Text>{t.unitMode.none}</Text> : null}
        {rounds && rounds.length > 0 ? (
          <Field label={t.unitMode.round}>
            <Select value={roundId === null ? '' : String(roundId)} onChange={(_, d) => choose(Number(d.value))}>
              {rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {t.unitMode.roundOption(r.title, formatDate(lang, r.dueDate), r.closed)}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        {mine ? (
          <div className={styles.line}>
            <Text>{t.unitMode.statusLine(t.rounds.status[mine.unit.status], formatDate(lang, mine.round.dueDate))}</Text>
            {mine.unit.late ? <Badge color="danger">{t.rounds.late}</Badge> : null}
          </div>
        ) : null}
      </Section>
      {round && mine ? (
        <>
          <UnitFill api={api} adapter={adapter} roundId={round.id} tools={tools} />
          <UnitSubmit api={api} adapter={adapter} roundId={round.id} closed={round.closed} tools={tools} onSubmitted={() => void loadMine(round.id).catch(onError)} />
          <Section title={t.unitMode.returnedTitle(mine.returned.length)}>
            {mine.returned.length === 0 ? <Text className={styles.muted}>{t.unitMode.returnedNone}</Text> : null}
            <ul className={styles.list}>
              {mine.returned.map((item) => (
                <li key={item.rowId} className={styles.item}>
                  <Text weight="semibold">{item.row.title || t.diff.untitled}</Text>
                  {item.kind === 'removal' ? <Caption1>{t.unitMode.returnedRemoval}</Caption1> : null}
                  <Text>{t.unitMode.returnedComment(item.comment ?? '')}</Text>
                </li>
              ))}
            </ul>
            {mine.returned.length > 0 ? (
              <Button className={styles.start} onClick={() => void markReturned()} disabled={tools.busy}>
                {t.unitMode.markReturned}
              </Button>
            ) : null}
          </Section>
          <Section title={t.unitMode.receiptsTitle}>
            {mine.receipts.length === 0 ? <Text className={styles.muted}>{t.unitMode.receiptsNone}</Text> : null}
            <ul className={styles.list}>
              {mine.receipts.map((r) => (
                <li key={r.number} className={styles.item}>
                  <Text weight="semibold">{r.number}</Text>
                  <Caption1>{t.unitMode.receiptLine(formatDateTime(lang, r.submittedAt), r.rowCount, r.removedCount)}</Caption1>
                  <Caption1>{t.unitMode.receiptValidation(r.validation.errors, r.validation.warnings)}</Caption1>
                  <Caption1 className={styles.muted} title={r.contentHash}>
                    {t.unitMode.receiptHash(`${shortHash(r.contentHash)}…`)}
                  </Caption1>
                </li>
              ))}
            </ul>
          </Section>
        </>
      ) : null}
    </>
  );
}
