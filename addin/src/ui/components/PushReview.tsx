/** The push review: what the sheet changes against its base (= the head), a required message, then Kirim. */
import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { isEmptyDiff } from '../../../../shared/diff.js';
import { useI18n } from '../../i18n/index.js';
import type { PushPlan } from '../logic/sync.js';
import { DiffView } from './DiffView.js';
import { Section } from './Section.js';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The server's limit (shared/api.ts pushRequestSchema). */
const MAX_MESSAGE = 1000;

export function PushReview({ plan, busy, onPush, onCancel }: { plan: PushPlan; busy: boolean; onPush(message: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [message, setMessage] = useState('');
  const [touched, setTouched] = useState(false);
  const empty = isEmptyDiff(plan.changes);
  const messageOk = message.trim().length > 0 && message.length <= MAX_MESSAGE;
  const heading = plan.base ? t.push.heading(plan.base.version) : t.push.headingFirst;

  return (
    <Section title={heading}>
      <DiffView diff={plan.changes} titles={plan.titles} emptyText={t.push.nothing} />
      {empty ? null : (
        <>
          <Text>{t.push.rowsTotal(plan.rows.length)}</Text>
          <Field
            label={t.push.message}
            hint={t.push.messageHint}
            required
            validationMessage={touched && !messageOk ? (message.length > MAX_MESSAGE ? t.push.messageTooLong(MAX_MESSAGE) : t.push.messageRequired) : undefined}
          >
            <Textarea value={message} onChange={(_, d) => setMessage(d.value)} onBlur={() => setTouched(true)} resize="vertical" />
          </Field>
        </>
      )}
      <div className={styles.buttons}>
        {empty ? null : (
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => {
              setTouched(true);
              if (messageOk) onPush(message);
            }}
          >
            {t.push.submit}
          </Button>
        )}
        <Button onClick={onCancel} disabled={busy}>
          {t.common.close}
        </Button>
      </div>
    </Section>
  );
}
