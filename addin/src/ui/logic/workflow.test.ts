import { describe, expect, it } from 'vitest';
import { checkMeetingForm, defaultVersion, meetingRequest, parseParticipants, stepsFor } from './workflow.js';

describe('workflow logic', () => {
  it('offers the one step each state allows', () => {
    expect(stepsFor('draft')).toEqual(['submit']);
    expect(stepsFor('submitted')).toEqual(['meeting']);
    expect(stepsFor('approved')).toEqual(['publish']);
    expect(stepsFor('published')).toEqual([]);
    expect(stepsFor('rejected')).toEqual([]);
  });

  it('reads participants one per line or by semicolon, keeping commas inside a name', () => {
    expect(parseParticipants('Kepala Dinas, Bidang Umum\n\n  PPID Utama ; Sekretaris  \n')).toEqual(['Kepala Dinas, Bidang Umum', 'PPID Utama', 'Sekretaris']);
  });

  it('checks the meeting form and builds the request', () => {
    expect(checkMeetingForm({ date: '2026-13-01', participants: ' \n ', decision: '' })).toEqual({ date: 'invalidDate', participants: 'required', decision: 'required' });
    const form = { date: '2026-03-10', participants: 'A\nB', decision: ' Disepakati. ' };
    expect(checkMeetingForm(form)).toEqual({});
    expect(meetingRequest(form)).toEqual({ date: '2026-03-10', participants: ['A', 'B'], decision: 'Disepakati.' });
  });

  it('picks the newest version with a step left, else the newest', () => {
    expect(defaultVersion([{ version: 1, state: 'published' }, { version: 3, state: 'rejected' }, { version: 2, state: 'approved' }])).toBe(2);
    expect(defaultVersion([{ version: 1, state: 'published' }, { version: 2, state: 'rejected' }])).toBe(2);
    expect(defaultVersion([])).toBeNull();
  });
});
