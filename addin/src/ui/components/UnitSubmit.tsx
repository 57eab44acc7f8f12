/** Kirim ke PPID: read and check the sheet (cells marked), then send its rows to the round; the receipt comes back. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../../api/client.js';
import { newIdempotencyKey } from '../../api/client.js';
import { submitRows, type SubmitResponse } from '../../api/rounds.js';
import { useI18n } from '../../i18n/index.js';
import type { SheetAdapter } from '../adapter.js';
import type { PaneTools } from '../hooks/useAction.js';
import { toCellIssues } from '../logic/issues.js';
import { readSheet } from '../logic/sheet.js';
import { checkSubmission, writeSubmittedIds, type SubmissionCheck } from '../logic/unit.js';
import { knownUnitsIn, loadUnitCheck, type UnitCheck } from '../logic/units.js';
import { ActionButtons } from './ActionButtons.js';
import { Section } from './Section.js';

const useStyles = makeStyles({
  start: { alignSelf: 'flex-start' },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
});

export interface UnitSubmitProps {
  api: ApiClient;
  adapter: SheetAdapter;
  roundId: number;
  closed: boolean;
  tools: PaneTools;
  onSubmitted(response: SubmitResponse): void;
}

export function UnitSubmit({ api, adapter, roundId, closed, tools, onSubmitted }: UnitSubmitProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  // One key per checked sheet: a retry after a lost answer returns the same receipt instead of a second submission.
  const [check, setCheck] = useState<(SubmissionCheck & { key: string; units: UnitCheck }) | null>(null);

  const prepare = async () => {
    const next = await tools.run(
      t.unitMode.checking,
      async ({ signal, progress }) => {
        const [snapshot, units] = await Promise.all([readSheet(adapter, (d, n) => progress(d, n, t.unitMode.checking), signal), loadUnitCheck(api, signal)]);
        const result = checkSubmission(snapshot, lang, knownUnitsIn(units));
        await adapter.clearIssueMarks();
        await adapter.markIssues(toCellIssues(result.issues));
        return { ...result, units, key: newIdempotencyKey() };
      },
      { cancelable: true },
    );
    setCheck(next ?? null);
  };

  const send = async (c: SubmissionCheck & { key: string }) => {
    const response = await tools.run(t.unitMode.submitting, async ({ signal }) => {
      const r = await submitRows(api, roundId, c.rows, c.key, signal);
      // The submission is done whatever happens next: the ids are written without the cancel signal.
      await writeSubmittedIds(adapter, c.rows, r.ids);
      return r;
    });
    if (!response) return;
    setCheck(null);
    const carried = response.carriedOver > 0 ? ` ${t.unitMode.carriedOver(response.carriedOver)}` : '';
    tools.notify({ intent: 'success', text: t.unitMode.submitted(response.receipt.number) + carried });
    onSubmitted(response);
  };

  return (
    <Section title={t.unitMode.submitTitle}>
      {closed ? <Text>{t.unitMode.closedRound}</Text> : null}
      <Button className={styles.start} appearance="primary" onClick={() => void prepare()} disabled={tools.busy || closed}>
        {t.unitMode.check}
      </Button>
      {check ? (
        <>
          <Text role="status">{t.unitMode.summary(check.rows.length, check.errors, check.warnings)}</Text>
          {check.errors > 0 ? <Text className={styles.warning}>{t.unitMode.errorsNote}</Text> : null}
          {check.units.state !== 'checked' ? <Text>{t.unitCheck[check.units.state]}</Text> : null}
          <ActionButtons label={t.unitMode.submit(check.rows.length)} onAction={() => void send(check)} busy={tools.busy} blocked={closed} onCancel={() => setCheck(null)} />
        </>
      ) : null}
    </Section>
  );
}
