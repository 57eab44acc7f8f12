/**
 * Impor DIP lama: read a DIP kept in another layout from the "DIP" sheet as it stands (title lines above the header,
 * no table needed, nothing changed by reading), show row by row what shared/ could not understand, and only on a
 * tick write the normalised rows in our layout and mark what still needs a look. Once a read has listed the
 * workbook's sheets, another sheet can be chosen to read from (the rows are still written to "DIP"; the chosen sheet
 * is left as it is); with no "DIP" sheet, the active one is offered.
 *
 * What is replaced on "DIP": read from another sheet, only the DIP table's rows — what a person keeps around the
 * table there (a signature block under it, a note beside it) is theirs and stays, moved with the table's length by
 * the write (rowsBelow.ts). Read from "DIP" itself, the old DIP the import took (ImportPreview.taken) is what the
 * write replaces, and only that: the write makes its table over those rows and clears what of them lies outside it
 * once written, so a signature block under the old list or a note right of its columns stays.
 */
import { Button, Caption1, Checkbox, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { toDipGrid } from '../../../../shared/grid.js';
import type { ApiClient } from '../../api/client.js';
import { DIP_SHEET_NAME, type SheetAdapter } from '../../excel/adapter.js';
import { useI18n } from '../../i18n/index.js';
import type { PaneTools } from '../hooks/useAction.js';
import { importMarks, previewImport, type ImportPreview } from '../logic/importDip.js';
import { knownUnitsIn, loadUnitCheck, type UnitCheck } from '../logic/units.js';
import { ActionButtons } from './ActionButtons.js';
import { Section } from './Section.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  error: { color: tokens.colorPaletteRedForeground1 },
  start: { alignSelf: 'flex-start' },
});

const MAX_ROWS_SHOWN = 100;

/** What one read found: the preview of `source`, or null when the workbook has no sheet of that name. */
interface ReadResult {
  source: string;
  preview: ImportPreview | null;
  /** Whether owning units were matched against the server's list. */
  units: UnitCheck;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase(); // as Excel matches sheet names

export function ImportSection({ adapter, api, tools }: { adapter: SheetAdapter; api: ApiClient; tools: PaneTools }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [source, setSource] = useState(DIP_SHEET_NAME);
  const [sheets, setSheets] = useState<string[] | null>(null);
  const [result, setResult] = useState<ReadResult | null>(null);
  const [confirmed, setConfirmed] = useState(false);

  const read = async () => {
    const from = source;
    const next = await tools.run(
      t.importDip.reading,
      async ({ signal, progress }) => {
        // The whole sheet, not the DIP table: an old DIP has title lines above its header and rows past any table.
        // Owning units are matched against the server's list (loaded meanwhile), as a push will match them.
        const [grid, units] = await Promise.all([adapter.readSheetGrid(from, (d, n) => progress(d, n), signal), loadUnitCheck(api, signal)]);
        // Listed on every read (one small sync), so the choice offers the sheets as they are now.
        const list = await adapter.listSheets();
        return { list, read: { source: from, units, preview: grid === null ? null : previewImport(grid, lang, knownUnitsIn(units)) } };
      },
      { cancelable: true },
    );
    setConfirmed(false);
    if (!next) return;
    const { list, read: found } = next;
    setSheets(list.names);
    // The choice shows the sheet's own spelling; a missing sheet gives way to the one the person is looking at.
    setSource(found.preview ? (list.names.find((n) => sameName(n, from)) ?? from) : list.active);
    setResult(found);
  };

  const choose = (name: string) => {
    setSource(name);
    // A preview of another sheet would now be misleading next to the choice.
    setResult(null);
    setConfirmed(false);
  };

  const write = async (from: string, p: ImportPreview) => {
    const done = await tools.run(t.importDip.writing, async ({ progress }) => {
      // Read from "DIP" itself: the old DIP's cells are replaced, nothing more. Read from another sheet: "DIP" holds no
      // old DIP, only the table's rows are replaced and what the person keeps around the table stays.
      const taken = sameName(from, DIP_SHEET_NAME) ? p.taken : null;
      await adapter.writeDipRows(toDipGrid(p.rows), (d, n) => progress(d, n), undefined, taken ? { row: 0, col: 0, ...taken } : undefined);
      const marks = importMarks(p);
      await adapter.clearIssueMarks();
      if (marks.length > 0) await adapter.markIssues(marks);
      return marks.length;
    });
    if (done === undefined) return;
    setResult(null);
    tools.notify({ intent: 'success', text: t.importDip.written(p.rows.length, done) });
  };

  const preview = result?.preview ?? null;
  const inPlace = result !== null && sameName(result.source, DIP_SHEET_NAME);
  const showChoice = sheets !== null && (sheets.length > 1 || (result !== null && result.preview === null));

  return (
    <Section title={t.importDip.title} description={t.importDip.description}>
      {showChoice ? (
        <Field label={t.importDip.source}>
          <Select value={source} onChange={(_, d) => choose(d.value)} disabled={tools.busy}>
            {sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Button className={styles.start} onClick={() => void read()} disabled={tools.busy}>
        {t.importDip.read}
      </Button>
      {result && !preview ? <Text className={styles.error}>{t.importDip.sheetMissing(result.source)}</Text> : null}
      {result && preview ? (
        <>
          {!inPlace ? <Caption1>{t.importDip.sourceKept(result.source)}</Caption1> : null}
          {!preview.headerFound ? <Text className={styles.error}>{t.importDip.headerMissing}</Text> : null}
          {preview.headerFound ? <Text role="status">{t.importDip.summary(preview.rows.length, preview.problems.length)}</Text> : null}
          {result.units.state !== 'checked' ? <Caption1>{t.unitCheck[result.units.state]}</Caption1> : null}
          {preview.columns.length > 0 ? <Caption1>{t.importDip.columnsFound(preview.columns.map((c) => t.importDip.columnName(c, lang)).join(', '))}</Caption1> : null}
          {preview.sheetIssues.length > 0 ? (
            <>
              <Text weight="semibold">{t.importDip.sheetIssues}</Text>
              <ul className={styles.list}>
                {preview.sheetIssues.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          ) : null}
          {preview.problems.length > 0 ? (
            <>
              <Text weight="semibold">{t.importDip.rowsTitle}</Text>
              <ul className={styles.list}>
                {preview.problems.slice(0, MAX_ROWS_SHOWN).map((p) => (
                  <li key={p.sheetRow} className={p.severity === 'error' ? styles.error : undefined}>
                    {`${t.importDip.rowLine(p.sheetRow)}: ${p.messages.join(' · ')}`}
                  </li>
                ))}
                {preview.problems.length > MAX_ROWS_SHOWN ? <li>{t.importDip.more(preview.problems.length - MAX_ROWS_SHOWN)}</li> : null}
              </ul>
            </>
          ) : null}
          {preview.rows.length === 0 ? (
            <Text>{t.importDip.nothing}</Text>
          ) : (
            <>
              {inPlace && preview.taken ? <Caption1>{t.importDip.replacesOld(preview.taken.rows, preview.taken.cols)}</Caption1> : null}
              {inPlace && preview.beyondTaken ? <Caption1>{t.importDip.keptOutside}</Caption1> : null}
              {!inPlace ? <Caption1>{t.importDip.keepsAround}</Caption1> : null}
              <Checkbox checked={confirmed} onChange={(_, d) => setConfirmed(d.checked === true)} label={t.importDip.confirm(preview.rows.length)} />
              <ActionButtons label={t.importDip.write} onAction={() => void write(result.source, preview)} busy={tools.busy} blocked={!confirmed} onCancel={() => setResult(null)} />
            </>
          )}
        </>
      ) : null}
    </Section>
  );
}
