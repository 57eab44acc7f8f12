import { describe, expect, it } from 'vitest';
import type { VersionMeta } from '../../../../shared/api.js';
import { sampleRows } from '../../../../shared/testing/sample-rows.js';
import { ApiError } from '../../api/errors.js';
import { approveRequest, checkApproveForm, refusedErrorCount, shortHash, validateVersion, waitingVersions } from './approval.js';
import { officeToday } from './forms.js';

const meta = (version: number, state: VersionMeta['state']): VersionMeta => ({
  version,
  parent: version - 1 || null,
  author: 'ppid',
  message: `v${version}`,
  contentHash: String(version).repeat(64).slice(0, 64),
  rowCount: 1,
  state,
  createdAt: '2026-01-01T00:00:00Z',
});

describe('approval logic', () => {
  it('lists only submitted versions, newest first', () => {
    const list = [meta(1, 'published'), meta(3, 'submitted'), meta(2, 'rejected'), meta(5, 'submitted'), meta(4, 'draft')];
    expect(waitingVersions(list).map((v) => v.version)).toEqual([5, 3]);
  });

  it('binds the hash of the version as reviewed, trimming the form', () => {
    const reviewed = meta(7, 'submitted');
    const req = approveRequest(reviewed, { decreeNumber: '  188/KPTS/2026 ', decreeDate: '2026-03-01' });
    expect(req).toEqual({ contentHash: reviewed.contentHash, decreeNumber: '188/KPTS/2026', decreeDate: '2026-03-01' });
  });

  it('checks the SK number and a real calendar date', () => {
    expect(checkApproveForm({ decreeNumber: ' ', decreeDate: '' })).toEqual({ decreeNumber: 'required', decreeDate: 'required' });
    expect(checkApproveForm({ decreeNumber: 'x'.repeat(201), decreeDate: '2026-02-30' })).toEqual({ decreeNumber: 'tooLong', decreeDate: 'invalidDate' });
    expect(checkApproveForm({ decreeNumber: 'SK 1', decreeDate: '2024-02-29' })).toEqual({});
  });

  it('validates a version like the server: errors first, counted', () => {
    const rows = sampleRows(4).map((r, i) => ({ ...r, id: `00000000-0000-4000-8000-00000000000${i}` }));
    rows[2] = { ...rows[2]!, title: '' };
    const v = validateVersion(rows, ['Bagian Umum', 'Bidang Keuangan', 'Bidang Perencanaan', 'Sekretariat'], 'id');
    expect(v.rows).toBe(4);
    expect(v.summary.errors).toBeGreaterThan(0);
    expect(v.issues[0]!.severity).toBe('error');
    expect(v.issues[0]!.rowIndex).toBe(2);
  });

  it('reads the error count of a version_has_errors refusal, and nothing from other errors', () => {
    expect(refusedErrorCount(new ApiError(422, 'version_has_errors', '', { summary: { errors: 3, warnings: 0, byCode: {} } }))).toBe(3);
    expect(refusedErrorCount(new ApiError(409, 'four_eyes_violation', ''))).toBeNull();
  });

  it('shortens a hash in groups of four', () => {
    expect(shortHash('0123456789abcdef0123')).toBe('0123 4567 89ab cdef');
  });

  it('gives today in WIB (UTC+7), not UTC', () => {
    expect(officeToday(new Date('2026-11-21T18:30:00Z'))).toBe('2026-11-22');
    expect(officeToday(new Date('2026-11-21T16:59:00Z'))).toBe('2026-11-21');
  });
});
