/** The PPID's workflow steps on a version, as plain data: which step its state allows, and the meeting form. */
import type { MeetingRequest, VersionState } from '../../../../shared/api.js';
import { checkDate, checkText, type FieldProblem } from './forms.js';

export type WorkflowStep = 'submit' | 'meeting' | 'publish';

/** draft → submit; submitted → record a meeting (the approver decides); approved → publish; otherwise nothing. */
export function stepsFor(state: VersionState): WorkflowStep[] {
  switch (state) {
    case 'draft':
      return ['submit'];
    case 'submitted':
      return ['meeting'];
    case 'approved':
      return ['publish'];
    default:
      return [];
  }
}

/** One participant per line (semicolons also separate): names and titles often contain commas. */
export function parseParticipants(text: string): string[] {
  return text
    .split(/[\n;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export interface MeetingForm {
  date: string;
  participants: string;
  decision: string;
}

export const MAX_PARTICIPANT = 200;
export const MAX_DECISION = 10_000;

export function checkMeetingForm(form: MeetingForm): Partial<Record<keyof MeetingForm, FieldProblem>> {
  const out: Partial<Record<keyof MeetingForm, FieldProblem>> = {};
  const date = checkDate(form.date);
  if (date) out.date = date;
  const people = parseParticipants(form.participants);
  if (people.length === 0) out.participants = 'required';
  else if (people.some((p) => p.length > MAX_PARTICIPANT)) out.participants = 'tooLong';
  const decision = checkText(form.decision, MAX_DECISION);
  if (decision) out.decision = decision;
  return out;
}

export function meetingRequest(form: MeetingForm): MeetingRequest {
  return { date: form.date.trim(), participants: parseParticipants(form.participants), decision: form.decision.trim() };
}

/** The version a PPID most likely acts on: the newest one that has a step left, else the newest. */
export function defaultVersion(versions: readonly { version: number; state: VersionState }[]): number | null {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (sorted.find((v) => stepsFor(v.state).length > 0) ?? sorted[0])?.version ?? null;
}
