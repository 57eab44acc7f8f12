/** A one-line outcome of the last action ("Kategori diterapkan ke 3 baris"), announced politely to screen readers. */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useI18n } from '../../i18n/index.js';

export interface NoticeValue {
  intent: 'success' | 'warning' | 'info';
  text: string;
}

export function Notice({ notice, onDismiss }: { notice: NoticeValue | null; onDismiss(): void }) {
  const { t } = useI18n();
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} politeness="polite">
      <MessageBarBody>{notice.text}</MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t.common.close} onClick={onDismiss}>×</Button>} />
    </MessageBar>
  );
}
