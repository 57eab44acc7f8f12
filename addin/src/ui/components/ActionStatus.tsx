/** Progress, cancel button and the outcome of the running action (error from the catalogue, or "canceled"). */
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { errorText } from '../../i18n/errorText.js';
import { useI18n } from '../../i18n/index.js';
import type { ActionState } from '../hooks/useAction.js';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
});

export function ActionStatus({ state, onCancel, onDismiss }: { state: ActionState; onCancel(): void; onDismiss(): void }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (state.busy) {
    const p = state.progress;
    const value = p && p.total > 0 ? Math.min(1, p.done / p.total) : undefined;
    return (
      <div className={styles.row} role="status" aria-live="polite">
        <Field className={styles.grow} label={state.label ?? t.common.working} hint={p && p.total > 0 ? t.common.progress(p.done, p.total) : undefined}>
          <ProgressBar value={value} thickness="large" />
        </Field>
        {state.cancelable ? (
          <Button onClick={onCancel} appearance="secondary">
            {t.common.cancel}
          </Button>
        ) : null}
      </div>
    );
  }
  if (state.error) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{errorText(t, state.error)}</MessageBarBody>
        <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t.common.close} onClick={onDismiss}>×</Button>} />
      </MessageBar>
    );
  }
  if (state.canceled) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t.errors.canceled}</MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
