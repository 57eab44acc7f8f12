/** Klasifikasi: set the kategori of every selected sheet row at once. */
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { CATEGORY_LABELS } from '../../../../shared/columns.js';
import { CATEGORIES, type Category } from '../../../../shared/row.js';
import { TaskError } from '../../api/errors.js';
import { useI18n } from '../../i18n/index.js';
import type { SheetAdapter } from '../adapter.js';
import type { PaneTools } from '../hooks/useAction.js';
import { Section } from './Section.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: '10rem' },
});

export function ClassifySection({ adapter, tools }: { adapter: SheetAdapter; tools: PaneTools }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [category, setCategory] = useState<Category>('berkala');

  const apply = async () => {
    const count = await tools.run(t.classify.applying, async () => {
      const rows = await adapter.getSelectedRowIndexes();
      if (rows.length === 0) throw new TaskError('no_selection');
      // The sheet holds the Indonesian label: it is the legal record's working copy.
      await adapter.setCategoryForRows(rows, CATEGORY_LABELS[category]);
      return rows.length;
    });
    if (count) tools.notify({ intent: 'success', text: t.classify.done(count, t.categories[category]) });
  };

  return (
    <Section title={t.classify.title} description={t.classify.description}>
      <div className={styles.row}>
        <Field className={styles.field} label={t.classify.category}>
          <Select value={category} onChange={(_, d) => setCategory(d.value as Category)}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t.categories[c]}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" onClick={apply} disabled={tools.busy}>
          {t.classify.apply}
        </Button>
      </div>
    </Section>
  );
}
