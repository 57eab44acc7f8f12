import { describe, expect, it } from 'vitest';
import type { PushResponse } from '../../../../shared/api.js';
import { emptyDiff } from '../../../../shared/diff.js';
import { reapply } from './reapply.js';
import type { ConflictInfo, PullPlan, PushPlan, ReapplyPlan } from './sync.js';
import { canOverwrite, initialSyncState, syncReducer, type SyncEvent, type SyncState } from './syncMachine.js';

const pushPlan: PushPlan = { base: null, precondition: { firstVersion: true }, rows: [], sheet: [], changes: emptyDiff(), titles: new Map(), idempotencyKey: 'k' };
const pullPlan = (hasUnsavedEdits: boolean): PullPlan => ({
  version: 2,
  etag: '"2-x"',
  rows: [],
  sheet: [],
  preview: emptyDiff(),
  unsaved: emptyDiff(),
  hasUnsavedEdits,
  titles: new Map(),
});
const conflict: ConflictInfo = { reason: 'stale', base: 1, head: 2, serverDiff: emptyDiff(), localDiff: emptyDiff(), overlap: [], titles: new Map() };
const result = { version: { version: 3 }, diff: emptyDiff(), issues: [], ids: [] } as unknown as PushResponse;
const base = { id: '00000000-0000-4000-8000-000000000001', category: null, title: 'A', summary: '', owningUnit: '', responsible: '', createdWhen: '', createdWhere: '', formats: [], retention: '' };
const reapplyPlan: ReapplyPlan = {
  head: { version: 2, etag: null, rows: [{ ...base, title: 'server' }] },
  baseVersion: 1,
  sheet: [{ ...base, title: 'lokal' }],
  result: reapply([base], [{ ...base, title: 'lokal' }], [{ ...base, title: 'server' }]),
  titles: new Map(),
};
const run = (events: SyncEvent[], from: SyncState = initialSyncState) => events.reduce(syncReducer, from);

describe('syncReducer', () => {
  it('goes review → pushed, and ignores a late "pushed" once the user moved on', () => {
    expect(run([{ type: 'pushPlanned', plan: pushPlan }, { type: 'pushed', result, unmatchedIds: 0 }]).step).toBe('pushed');
    expect(run([{ type: 'pushPlanned', plan: pushPlan }, { type: 'pullPlanned', plan: pullPlan(false) }, { type: 'pushed', result, unmatchedIds: 0 }]).step).toBe('pullReview');
  });

  it('turns a stale push into the conflict view', () => {
    const s = run([{ type: 'pushPlanned', plan: pushPlan }, { type: 'conflict', conflict }]);
    expect(s).toEqual({ step: 'conflict', conflict });
  });

  it('needs an explicit tick before overwriting unsaved edits, and none for a clean sheet', () => {
    const dirty = run([{ type: 'pullPlanned', plan: pullPlan(true) }]);
    expect(canOverwrite(dirty)).toBe(false);
    expect(canOverwrite(syncReducer(dirty, { type: 'confirmOverwrite', value: true }))).toBe(true);
    expect(canOverwrite(run([{ type: 'pullPlanned', plan: pullPlan(false) }]))).toBe(true);
    // "pulled" only follows the review it belongs to.
    expect(run([{ type: 'pulled', version: 2, rowCount: 0 }]).step).toBe('idle');
  });

  it('records a choice per conflict, and "all" sets every one', () => {
    const key = reapplyPlan.result.conflicts[0]!.key;
    const s1 = run([{ type: 'reapplyPlanned', plan: reapplyPlan }, { type: 'choose', key, choice: 'head' }]);
    expect(s1.step === 'reapplyReview' && s1.choices).toEqual({ [key]: 'head' });
    const s2 = syncReducer(s1, { type: 'chooseAll', choice: 'local' });
    expect(s2.step === 'reapplyReview' && s2.choices).toEqual({ [key]: 'local' });
    expect(syncReducer(s2, { type: 'reapplied', version: 2, rowCount: 1 })).toEqual({ step: 'reapplied', version: 2, rowCount: 1 });
    expect(syncReducer(s2, { type: 'reset' })).toEqual(initialSyncState);
  });
});
