/**
 * Validate the sheet: read it, run shared/'s rules (owning units against the server's list, as a push checks
 * them), mark the cells, list the issues (click → cell).
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Lang, ValidationIssue } from '../../../../shared/issues.js';
import type { ApiClient } from '../../api/client.js';
import { useI18n } from '../../i18n/index.js';
import type { SheetAdapter } from '../adapter.js';
import type { PaneTools } from '../hooks/useAction.js';
import { countBySeverity, issueColumn, toCellIssues } from '../logic/issues.js';
import { readSheet, sheetIssues, type SheetSnapshot } from '../logic/sheet.js';
import { knownUnitsIn, loadUnitCheck, type UnitCheck } from '../logic/units.js';
import { IssueList } from './IssueList.js';
import { Section } from './Section.js';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function ValidateSection({ adapter, api, tools }: { adapter: SheetAdapter; api: ApiClient; tools: PaneTools }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [checked, setChecked] = useState<{ snapshot: SheetSnapshot; units: UnitCheck; lang: Lang; issues: ValidationIssue[] } | null>(null);
  const snapshot = checked?.snapshot ?? null;
  // Messages follow the language switch without re-reading the sheet (parsing again only then: 50,000 rows take a while).
  const issues = useMemo(
    () => (!checked ? [] : checked.lang === lang ? checked.issues : sheetIssues(checked.snapshot, lang, knownUnitsIn(checked.units))),
    [checked, lang],
  );
  const counts = countBySeverity(issues);

  const validate = () =>
    tools.run(
      t.validate.reading,
      async ({ progress, signal }) => {
        // The unit list (one small request) comes while the sheet is read.
        const [snap, units] = await Promise.all([readSheet(adapter, (done, total) => progress(done, total, t.validate.reading)), loadUnitCheck(api, signal)]);
        signal.throwIfAborted();
        const found = sheetIssues(snap, lang, knownUnitsIn(units));
        progress(0, 0, t.validate.marking);
        await adapter.clearIssueMarks();
        await adapter.markIssues(toCellIssues(found));
        setChecked({ snapshot: snap, units, lang, issues: found });
        return true;
      },
      { cancelable: true },
    );

  const clear = async () => {
    const ok = await tools.run(t.validate.clearing, async () => {
      await adapter.clearIssueMarks();
      return true;
    });
    if (ok) setChecked(null);
  };

  const select = (issue: ValidationIssue) => {
    void tools.run(t.validate.selecting, async () => {
      await adapter.selectCell(issue.rowIndex, issueColumn(issue));
      return true;
    });
  };

  return (
    <Section title={t.validate.title} description={t.validate.description}>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={validate} disabled={tools.busy}>
          {t.validate.run}
        </Button>
        <Button onClick={clear} disabled={tools.busy}>
          {t.validate.clear}
        </Button>
      </div>
      {snapshot ? (
        <>
          <Text role="status">
            {issues.length === 0 ? t.validate.clean(snapshot.rows.length) : t.validate.summary(snapshot.rows.length, counts.error, counts.warning)}
          </Text>
          {checked && checked.units.state !== 'checked' ? <Text>{t.unitCheck[checked.units.state]}</Text> : null}
          <IssueList issues={issues} onSelect={select} />
        </>
      ) : null}
    </Section>
  );
}
