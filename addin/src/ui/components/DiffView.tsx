/** A row diff as counts plus collapsible lists: added and removed rows by title, changed rows field by field. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { RowDiff } from '../../../../shared/diff.js';
import { fieldLabel, formatFieldValue } from '../../i18n/format.js';
import { useI18n } from '../../i18n/index.js';
import { isNewRowId } from '../logic/changes.js';

const useStyles = makeStyles({
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  fields: { margin: 0, paddingLeft: tokens.spacingHorizontalM, listStyleType: 'none' },
  from: { textDecorationLine: 'line-through', color: tokens.colorPaletteRedForeground1 },
  to: { color: tokens.colorPaletteGreenForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  item: { overflowWrap: 'anywhere' },
});

/** Long lists stay readable and cheap to render in a narrow pane. */
const MAX_ITEMS = 50;

export function DiffSummary({ diff }: { diff: RowDiff }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.counts} aria-label={t.diff.summary(diff.added.length, diff.changed.length, diff.removed.length)} role="group">
      <Badge appearance="tint" color="success">{t.diff.added(diff.added.length)}</Badge>
      <Badge appearance="tint" color="warning">{t.diff.changed(diff.changed.length)}</Badge>
      <Badge appearance="tint" color="danger">{t.diff.removed(diff.removed.length)}</Badge>
    </div>
  );
}

export function DiffView({ diff, titles, emptyText }: { diff: RowDiff; titles?: ReadonlyMap<string, string>; emptyText?: string }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const total = diff.added.length + diff.changed.length + diff.removed.length;
  if (total === 0) return <Text className={styles.muted}>{emptyText ?? t.diff.none}</Text>;
  const more = (n: number) => (n > MAX_ITEMS ? <li className={styles.muted}>{t.diff.more(n - MAX_ITEMS)}</li> : null);
  const label = (id: string, title?: string) => title || titles?.get(id) || (isNewRowId(id) ? t.diff.untitled : t.diff.idLabel(id.slice(0, 8)));

  return (
    <div>
      <DiffSummary diff={diff} />
      <Accordion multiple collapsible>
        {diff.added.length > 0 ? (
          <AccordionItem value="added">
            <AccordionHeader size="small">{t.diff.addedHeading(diff.added.length)}</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {diff.added.slice(0, MAX_ITEMS).map((r) => (
                  <li key={r.id} className={styles.item}>{label(r.id, r.title)}</li>
                ))}
                {more(diff.added.length)}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ) : null}
        {diff.changed.length > 0 ? (
          <AccordionItem value="changed">
            <AccordionHeader size="small">{t.diff.changedHeading(diff.changed.length)}</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {diff.changed.slice(0, MAX_ITEMS).map((c) => (
                  <li key={c.id} className={styles.item}>
                    <Text weight="semibold">{label(c.id)}</Text>
                    <ul className={styles.fields}>
                      {c.fields.map((f) => (
                        <li key={f.field}>
                          <Caption1>{fieldLabel(t, lang, f.field)}: </Caption1>
                          <Caption1 className={styles.from}>{formatFieldValue(t, f.field, f.from)}</Caption1>
                          <Caption1 aria-hidden> → </Caption1>
                          <Caption1 className={styles.to}>{formatFieldValue(t, f.field, f.to)}</Caption1>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
                {more(diff.changed.length)}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ) : null}
        {diff.removed.length > 0 ? (
          <AccordionItem value="removed">
            <AccordionHeader size="small">{t.diff.removedHeading(diff.removed.length)}</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {diff.removed.slice(0, MAX_ITEMS).map((r) => (
                  <li key={r.id} className={styles.item}>{label(r.id, r.title)}</li>
                ))}
                {more(diff.removed.length)}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ) : null}
      </Accordion>
    </div>
  );
}
