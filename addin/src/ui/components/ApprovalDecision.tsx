/**
 * The approver's decision on a reviewed version: approve with SK number and date, or reject with a reason. Each asks
 * once more before it is sent (it is a legal act). The approval sends the hash of the version as reviewed.
 */
import { Button, Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { VersionMeta } from '../../../../shared/api.js';
import { useI18n } from '../../i18n/index.js';
import { MAX_DECREE_NUMBER, MAX_REASON, checkApproveForm, type ApproveForm } from '../logic/approval.js';
import { checkText, formatDate, type FieldProblem } from '../logic/forms.js';
import { Confirm } from './Confirm.js';
import { Section } from './Section.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: '9rem' },
  start: { alignSelf: 'flex-start' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface ApprovalDecisionProps {
  meta: VersionMeta;
  /** Validation found errors: the server would refuse, so approving is not offered. */
  blocked: boolean;
  busy: boolean;
  onApprove(form: ApproveForm): void;
  onReject(reason: string): void;
}

export function ApprovalDecision({ meta, blocked, busy, onApprove, onReject }: ApprovalDecisionProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [form, setForm] = useState<ApproveForm>({ decreeNumber: '', decreeDate: '' });
  const [reason, setReason] = useState('');
  const [asked, setAsked] = useState<'approve' | 'reject' | null>(null);
  const [shown, setShown] = useState<{ approve: boolean; reject: boolean }>({ approve: false, reject: false });
  const problems = checkApproveForm(form);
  const reasonProblem = checkText(reason, MAX_REASON);
  const say = (p: FieldProblem | undefined | null, max: number) =>
    !p ? undefined : p === 'required' ? t.approval.required : p === 'tooLong' ? t.approval.tooLong(max) : t.approval.invalidDate;

  return (
    <>
      <Section title={t.approval.approveTitle}>
        {blocked ? (
          <Text className={styles.muted}>{t.approval.blockedByErrors}</Text>
        ) : (
          <>
            <div className={styles.row}>
              <Field className={styles.grow} label={t.approval.decreeNumber} hint={t.approval.decreeNumberHint} required validationMessage={shown.approve ? say(problems.decreeNumber, MAX_DECREE_NUMBER) : undefined}>
                <Input value={form.decreeNumber} onChange={(_, d) => setForm({ ...form, decreeNumber: d.value })} />
              </Field>
              <Field className={styles.grow} label={t.approval.decreeDate} required validationMessage={shown.approve ? say(problems.decreeDate, 0) : undefined}>
                <Input type="date" value={form.decreeDate} onChange={(_, d) => setForm({ ...form, decreeDate: d.value })} />
              </Field>
            </div>
            {asked === 'approve' ? (
              <Confirm
                text={t.approval.confirmApprove(meta.version, form.decreeNumber.trim(), formatDate(lang, form.decreeDate))}
                yes={t.approval.confirmApproveYes}
                busy={busy}
                onYes={() => {
                  setAsked(null);
                  onApprove(form);
                }}
                onCancel={() => setAsked(null)}
              />
            ) : (
              <Button
                className={styles.start}
                appearance="primary"
                disabled={busy}
                onClick={() => {
                  setShown({ ...shown, approve: true });
                  if (Object.keys(problems).length === 0) setAsked('approve');
                }}
              >
                {t.approval.approve(meta.version)}
              </Button>
            )}
          </>
        )}
      </Section>
      <Section title={t.approval.rejectTitle}>
        <Field label={t.approval.reason} hint={t.approval.reasonHint} required validationMessage={shown.reject ? say(reasonProblem, MAX_REASON) : undefined}>
          <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
        </Field>
        {asked === 'reject' ? (
          <Confirm
            text={t.approval.confirmReject(meta.version)}
            yes={t.approval.confirmRejectYes}
            busy={busy}
            onYes={() => {
              setAsked(null);
              onReject(reason.trim());
            }}
            onCancel={() => setAsked(null)}
          />
        ) : (
          <Button
            className={styles.start}
            disabled={busy}
            onClick={() => {
              setShown({ ...shown, reject: true });
              if (!reasonProblem) setAsked('reject');
            }}
          >
            {t.approval.reject(meta.version)}
          </Button>
        )}
      </Section>
    </>
  );
}
