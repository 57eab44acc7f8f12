/**
 * An inline "are you sure" for a step that cannot be undone (approve, publish, overwrite): the question, then Yes and
 * Batal. Yes takes the focus, so a keyboard user confirms with Enter or steps back with Tab + Enter.
 */
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/index.js';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

export function Confirm({ text, yes, busy, onYes, onCancel }: { text: string; yes: string; busy: boolean; onYes(): void; onCancel(): void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" role="group" aria-label={text}>
      <MessageBarBody>
        {text}
        <div className={styles.buttons}>
          <Button appearance="primary" onClick={onYes} disabled={busy} autoFocus>
            {yes}
          </Button>
          <Button onClick={onCancel} disabled={busy}>
            {t.common.cancel}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
