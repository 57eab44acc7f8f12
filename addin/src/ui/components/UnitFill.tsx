/** Isi lembar unit: the unit's template rows (base rows, or its last submission with verdicts) into the DIP sheet. */
import { Button, Checkbox, Text, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { DipRow } from '../../../../shared/row.js';
import type { ApiClient } from '../../api/client.js';
import { templateRows, type TemplateRow } from '../../api/rounds.js';
import { useI18n } from '../../i18n/index.js';
import type { SheetAdapter } from '../adapter.js';
import type { PaneTools } from '../hooks/useAction.js';
import { readSheet, writeSheet } from '../logic/sheet.js';
import { returnedMarks, templateSheet } from '../logic/unit.js';
import { ActionButtons } from './ActionButtons.js';
import { Section } from './Section.js';

const useStyles = makeStyles({
  start: { alignSelf: 'flex-start' },
});

interface FillPlan {
  template: TemplateRow[];
  rows: DipRow[];
  returned: number;
  /** Rows the sheet holds now (0: nothing to overwrite). */
  sheetRows: number;
}

export function UnitFill({ api, adapter, roundId, tools }: { api: ApiClient; adapter: SheetAdapter; roundId: number; tools: PaneTools }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [plan, setPlan] = useState<FillPlan | null>(null);
  const [confirmed, setConfirmed] = useState(false);

  const prepare = async () => {
    const next = await tools.run(
      t.unitMode.fetching,
      async ({ signal, progress }) => {
        const template = await templateRows(api, roundId, signal);
        const sheet = await readSheet(adapter, (d, n) => progress(d, n), signal);
        return { template, ...templateSheet(template), sheetRows: sheet.rows.length };
      },
      { cancelable: true },
    );
    setConfirmed(false);
    setPlan(next ?? null);
  };

  const write = async (p: FillPlan) => {
    const done = await tools.run(t.unitMode.writing, async ({ progress }) => {
      await writeSheet(adapter, p.rows, (d, n) => progress(d, n));
      // Rows are written in order, so row i of the template is data row i of the sheet.
      const returned = p.template.filter((r) => r.status === 'returned').map((r) => ({ rowId: r.row.id, comment: r.comment }));
      const { marks } = returnedMarks({ rows: p.rows, sheetRows: p.rows.map((_, i) => i) }, returned, t.unitMode.markText);
      await adapter.clearIssueMarks();
      if (marks.length > 0) await adapter.markIssues(marks);
      return true;
    });
    if (!done) return;
    setPlan(null);
    tools.notify({ intent: 'success', text: t.unitMode.written(p.rows.length) });
  };

  return (
    <Section title={t.unitMode.fillTitle} description={t.unitMode.fillDescription}>
      <Button className={styles.start} onClick={() => void prepare()} disabled={tools.busy}>
        {t.unitMode.fetch}
      </Button>
      {plan ? (
        <>
          <Text>{t.unitMode.fetchPreview(plan.rows.length, plan.returned)}</Text>
          {plan.sheetRows > 0 ? (
            <>
              <Text weight="semibold">{t.unitMode.overwriteWarning(plan.sheetRows)}</Text>
              <Checkbox checked={confirmed} onChange={(_, d) => setConfirmed(d.checked === true)} label={t.unitMode.confirmOverwrite} />
            </>
          ) : null}
          <ActionButtons label={t.unitMode.write} onAction={() => void write(plan)} busy={tools.busy} blocked={plan.sheetRows > 0 && !confirmed} onCancel={() => setPlan(null)} />
        </>
      ) : null}
    </Section>
  );
}
