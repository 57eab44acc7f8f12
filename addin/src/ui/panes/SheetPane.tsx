/**
 * Lembar DIP: create/repair the sheet, validate it (issues grouped, click → cell, cells marked), classify the
 * selected rows, and fill the uji konsekuensi of a selected excluded row. One workbook action at a time.
 */
import { Button } from '@fluentui/react-components';
import type { ApiClient } from '../../api/client.js';
import { useI18n } from '../../i18n/index.js';
import type { SheetAdapter } from '../adapter.js';
import { ClassifySection } from '../components/ClassifySection.js';
import { ExemptionSection } from '../components/ExemptionSection.js';
import { ImportSection } from '../components/ImportSection.js';
import { PaneStatus } from '../components/PaneStatus.js';
import { Section } from '../components/Section.js';
import { ValidateSection } from '../components/ValidateSection.js';
import { usePane } from '../hooks/usePane.js';

export function SheetPane({ adapter, api, onError }: { adapter: SheetAdapter; api: ApiClient; onError(err: unknown): void }) {
  const { t } = useI18n();
  const pane = usePane(onError);
  const { action, setNotice, tools } = pane;

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
      <PaneStatus pane={pane} />
      <Section title={t.sheet.title} description={t.sheet.description}>
        <Button onClick={ensure} disabled={action.state.busy}>
          {t.sheet.ensure}
        </Button>
      </Section>
      <ValidateSection adapter={adapter} api={api} tools={tools} />
      <ClassifySection adapter={adapter} tools={tools} />
      <ExemptionSection adapter={adapter} tools={tools} />
      <ImportSection adapter={adapter} api={api} tools={tools} />
    </>
  );
}
