/**
 * Lembar DIP: create/repair the sheet, validate it (issues grouped, click → cell, cells marked), classify the
 * selected rows, and fill the uji konsekuensi of a selected excluded row. One workbook action at a time.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import type { SheetAdapter } from '../adapter.js';
import { ActionStatus } from '../components/ActionStatus.js';
import { ClassifySection } from '../components/ClassifySection.js';
import { ExemptionSection } from '../components/ExemptionSection.js';
import { ImportSection } from '../components/ImportSection.js';
import { Notice, type NoticeValue } from '../components/Notice.js';
import { Section } from '../components/Section.js';
import { ValidateSection } from '../components/ValidateSection.js';
import { useAction, type PaneTools } from '../hooks/useAction.js';

const useStyles = makeStyles({
  // Progress and outcomes stay in view while the user scrolls a long review; the pane's background keeps the
  // content scrolling underneath from showing through.
  status: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

export function SheetPane({ adapter, onError }: { adapter: SheetAdapter; onError(err: unknown): void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const action = useAction({ onError });
  const [notice, setNotice] = useState<NoticeValue | null>(null);
  const tools: PaneTools = {
    run: (label, fn, opts) => {
      setNotice(null);
      return action.run(label, fn, opts);
    },
    busy: action.state.busy,
    notify: setNotice,
  };

  const ensure = async () => {
    const result = await tools.run(t.sheet.ensuring, () => adapter.ensureDipSheet());
    if (!result) return;
    const text =
      result.status === 'created' ? t.sheet.created : result.status === 'repaired' ? t.sheet.repaired(result.fixes.map((f) => t.sheet.fixes[f])) : t.sheet.ok;
    const missing = result.missingHeaders.length > 0 ? ` ${t.sheet.missingHeaders(result.missingHeaders)}` : '';
    setNotice({ intent: missing ? 'warning' : 'success', text: text + missing });
  };

  return (
    <>
      <div className={styles.status}>
        <ActionStatus state={action.state} onCancel={action.cancel} onDismiss={action.dismiss} />
        <Notice notice={notice} onDismiss={() => setNotice(null)} />
      </div>
      <Section title={t.sheet.title} description={t.sheet.description}>
        <Button onClick={ensure} disabled={action.state.busy}>
          {t.sheet.ensure}
        </Button>
      </Section>
      <ValidateSection adapter={adapter} tools={tools} />
      <ClassifySection adapter={adapter} tools={tools} />
      <ExemptionSection adapter={adapter} tools={tools} />
      <ImportSection adapter={adapter} tools={tools} />
    </>
  );
}
