/**
 * The head moved past the sheet's base (a 412 on push, or seen before pushing): what the server changed, which rows
 * both sides touched, and the way out — pull the head and re-apply the sheet's edits on top of it.
 */
import { Caption1, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { fieldLabel } from '../../i18n/format.js';
import { useI18n } from '../../i18n/index.js';
import type { ConflictInfo } from '../logic/sync.js';
import { DiffSummary, DiffView } from './DiffView.js';
import { ActionButtons } from './ActionButtons.js';
import { Section } from './Section.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function ConflictView({ conflict, busy, onReapply, onCancel }: { conflict: ConflictInfo; busy: boolean; onReapply(): void; onCancel(): void }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const touched = (kind: 'changed' | 'removed', fields: readonly Parameters<typeof fieldLabel>[2][]) =>
    kind === 'removed' ? t.conflict.removed : fields.map((f) => fieldLabel(t, lang, f)).join(', ');

  return (
    <Section title={t.conflict.title}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{conflict.reason === 'noBase' ? t.conflict.noBaseTitle : t.conflict.staleTitle(conflict.base, conflict.head)}</MessageBarTitle>
          {conflict.reason === 'noBase' ? t.conflict.noBaseBody : t.conflict.staleBody}
        </MessageBarBody>
      </MessageBar>
      <Text weight="semibold">{t.conflict.serverChanges}</Text>
      <DiffView diff={conflict.serverDiff} titles={conflict.titles} />
      <Text weight="semibold">{t.conflict.yourChanges}</Text>
      <DiffSummary diff={conflict.localDiff} />
      {conflict.overlap.length > 0 ? (
        <>
          <Text weight="semibold">{t.conflict.overlapHeading(conflict.overlap.length)}</Text>
          <ul className={styles.list}>
            {conflict.overlap.map((o) => (
              <li key={o.id}>
                <Text>{o.title}</Text>
                <br />
                <Caption1 className={styles.muted}>
                  {t.conflict.you}: {touched(o.local.kind, o.local.fields)} · {t.conflict.server}: {touched(o.server.kind, o.server.fields)}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      ) : conflict.reason !== 'noBase' ? (
        <Caption1 className={styles.muted}>{t.conflict.noOverlap}</Caption1>
      ) : null}
      <ActionButtons label={t.conflict.reapply} onAction={onReapply} busy={busy} onCancel={onCancel} cancel="close" />
    </Section>
  );
}
