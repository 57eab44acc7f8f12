/**
 * The closing row of a preview or review: its one primary action beside Batal (or Tutup). Both wait while an action
 * runs; `blocked` holds back only the primary one (a tick not given yet, a closed round).
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/index.js';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ActionButtonsProps {
  label: string;
  onAction(): void;
  busy: boolean;
  blocked?: boolean;
  onCancel(): void;
  /** `close` when the row ends a review rather than dropping a prepared change. */
  cancel?: 'cancel' | 'close';
}

export function ActionButtons({ label, onAction, busy, blocked = false, onCancel, cancel = 'cancel' }: ActionButtonsProps) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.buttons}>
      <Button appearance="primary" onClick={onAction} disabled={busy || blocked}>
        {label}
      </Button>
      <Button onClick={onCancel} disabled={busy}>
        {t.common[cancel]}
      </Button>
    </div>
  );
}
