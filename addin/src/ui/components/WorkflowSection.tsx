/**
 * Alur persetujuan (PPID): for a chosen version, its records and the one step its state allows — submit to the
 * Atasan PPID, record a coordination meeting, or publish — each confirmed before it is sent.
 */
import { Button, Caption1, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { VersionApprovalInfo, VersionMeta } from '../../../../shared/api.js';
import { approvalInfo, publishVersion, recordMeeting, submitVersion } from '../../api/approval.js';
import type { ApiClient } from '../../api/client.js';
import { isAbort } from '../../api/errors.js';
import { formatDateTime } from '../../i18n/format.js';
import { useI18n } from '../../i18n/index.js';
import { usePane } from '../hooks/usePane.js';
import { formatDate, type FieldProblem } from '../logic/forms.js';
import { checkMeetingForm, defaultVersion, meetingRequest, parseParticipants, stepsFor, type MeetingForm } from '../logic/workflow.js';
import { Confirm } from './Confirm.js';
import { PaneStatus } from './PaneStatus.js';
import { Section } from './Section.js';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  start: { alignSelf: 'flex-start' },
  records: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
});

const EMPTY_MEETING: MeetingForm = { date: '', participants: '', decision: '' };

export function WorkflowSection({ api, versions, onChanged, onError }: { api: ApiClient; versions: readonly VersionMeta[]; onChanged(): void; onError(err: unknown): void }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const pane = usePane(onError);
  const { tools } = pane;
  const [chosen, setChosen] = useState<number | null>(null);
  const [info, setInfo] = useState<VersionApprovalInfo | null>(null);
  const [asked, setAsked] = useState(false);
  const [meeting, setMeeting] = useState<MeetingForm>(EMPTY_MEETING);
  const [showProblems, setShowProblems] = useState(false);
  const version = chosen ?? defaultVersion(versions);

  const load = useCallback(
    (n: number, signal?: AbortSignal) =>
      approvalInfo(api, n, signal).then(setInfo, (err: unknown) => {
        if (!isAbort(err)) onError(err);
      }),
    [api, onError],
  );
  useEffect(() => {
    if (version === null) return;
    const ctrl = new AbortController();
    void load(version, ctrl.signal);
    return () => ctrl.abort();
    // `versions` changing (a reload after a step) refreshes the records too.
  }, [version, versions, load]);

  if (version === null) return null;
  const current = info && info.version.version === version ? info : null;
  const step = current ? stepsFor(current.version.state)[0] : undefined;
  const problems = checkMeetingForm(meeting);
  const say = (p: FieldProblem | undefined) => (!showProblems || !p ? undefined : p === 'invalidDate' ? t.workflow.invalidDate : t.workflow.required);

  const act = async (label: string, work: (signal: AbortSignal) => Promise<VersionApprovalInfo>, done: string) => {
    setAsked(false);
    const result = await tools.run(label, ({ signal }) => work(signal));
    if (!result) return;
    setInfo(result);
    setMeeting(EMPTY_MEETING);
    setShowProblems(false);
    pane.setNotice({ intent: 'success', text: done });
    onChanged();
  };

  const confirmText =
    step === 'submit' ? t.workflow.confirmSubmit(version) : step === 'publish' ? t.workflow.confirmPublish(version) : t.workflow.confirmMeeting(formatDate(lang, meeting.date), parseParticipants(meeting.participants).length);
  const onYes = () => {
    if (step === 'submit') void act(t.workflow.submitting, (s) => submitVersion(api, version, s), t.workflow.submitted(version));
    else if (step === 'publish') void act(t.workflow.publishing, (s) => publishVersion(api, version, s), t.workflow.published(version));
    else void act(t.workflow.recording, (s) => recordMeeting(api, version, meetingRequest(meeting), s), t.workflow.recorded(version));
  };
  const ask = () => {
    setShowProblems(true);
    if (step !== 'meeting' || Object.keys(problems).length === 0) setAsked(true);
  };
  const askLabel = step === 'submit' ? t.workflow.submit(version) : step === 'publish' ? t.workflow.publish(version) : t.workflow.recordMeeting;

  return (
    <Section title={t.workflow.title} description={t.workflow.description}>
      <PaneStatus pane={pane} />
      <Field label={t.workflow.version}>
        <Select
          value={String(version)}
          onChange={(_, d) => {
            setChosen(Number(d.value));
            setAsked(false);
          }}
        >
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              {`${t.history.versionOption(v.version)} — ${t.states[v.state]}`}
            </option>
          ))}
        </Select>
      </Field>
      {!current ? (
        <Text className={styles.muted}>{t.workflow.loading}</Text>
      ) : (
        <div className={styles.records}>
          <Text weight="semibold">{t.workflow.state(t.states[current.version.state])}</Text>
          {current.submission ? <Caption1>{t.workflow.submittedBy(current.submission.submittedBy, formatDateTime(lang, current.submission.submittedAt))}</Caption1> : null}
          {current.meetings.length > 0 ? <Caption1>{t.workflow.meetings(current.meetings.length)}</Caption1> : null}
          {current.approval ? <Caption1>{t.workflow.approvedBy(current.approval.approver, current.approval.decreeNumber, formatDate(lang, current.approval.decreeDate))}</Caption1> : null}
          {current.rejection ? (
            <Caption1>
              {current.rejection.supersededBy !== null ? t.workflow.supersededBy(current.rejection.supersededBy) : t.workflow.rejectedBy(current.rejection.rejectedBy, current.rejection.reason)}
            </Caption1>
          ) : null}
          {current.publication ? <Caption1>{t.workflow.publishedBy(current.publication.publishedBy, formatDateTime(lang, current.publication.publishedAt))}</Caption1> : null}
        </div>
      )}
      {current && !step ? <Text className={styles.muted}>{t.workflow.noAction}</Text> : null}
      {current && step === 'meeting' ? (
        <>
          <Text>{t.workflow.waitingApprover}</Text>
          <Text weight="semibold">{t.workflow.meetingTitle}</Text>
          <Field label={t.workflow.meetingDate} required validationMessage={say(problems.date)}>
            <Input type="date" value={meeting.date} onChange={(_, d) => setMeeting({ ...meeting, date: d.value })} />
          </Field>
          <Field label={t.workflow.participants} hint={t.workflow.participantsHint} required validationMessage={say(problems.participants)}>
            <Textarea value={meeting.participants} onChange={(_, d) => setMeeting({ ...meeting, participants: d.value })} resize="vertical" />
          </Field>
          <Field label={t.workflow.decision} required validationMessage={say(problems.decision)}>
            <Textarea value={meeting.decision} onChange={(_, d) => setMeeting({ ...meeting, decision: d.value })} resize="vertical" />
          </Field>
        </>
      ) : null}
      {current && step ? (
        asked ? (
          <Confirm
            text={confirmText}
            yes={step === 'submit' ? t.workflow.confirmSubmitYes : step === 'publish' ? t.workflow.confirmPublishYes : t.workflow.confirmMeetingYes}
            busy={tools.busy}
            onYes={onYes}
            onCancel={() => setAsked(false)}
          />
        ) : (
          <Button className={styles.start} appearance="primary" onClick={ask} disabled={tools.busy}>
            {askLabel}
          </Button>
        )
      ) : null}
    </Section>
  );
}
