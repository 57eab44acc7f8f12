/**
 * The steps of the Sinkron pane as a reducer: which review is on screen and what may follow it. Busy/progress/error
 * live in useAction; this only holds the plans the user is looking at, so a stale plan can never be applied after
 * another one replaced it.
 */
import type { PushResponse } from '../../../../shared/api.js';
import type { Choice } from './reapply.js';
import type { ConflictInfo, PullPlan, PushPlan, ReapplyPlan } from './sync.js';

export type SyncState =
  | { step: 'idle' }
  | { step: 'pushReview'; plan: PushPlan }
  | { step: 'pushed'; result: PushResponse; unmatchedIds: number }
  | { step: 'conflict'; conflict: ConflictInfo }
  | { step: 'pullReview'; plan: PullPlan; confirmOverwrite: boolean }
  | { step: 'pulled'; version: number; rowCount: number }
  | { step: 'reapplyReview'; plan: ReapplyPlan; choices: Record<string, Choice> }
  | { step: 'reapplied'; version: number; rowCount: number };

export type SyncEvent =
  | { type: 'pushPlanned'; plan: PushPlan }
  | { type: 'pushed'; result: PushResponse; unmatchedIds: number }
  | { type: 'conflict'; conflict: ConflictInfo }
  | { type: 'pullPlanned'; plan: PullPlan }
  | { type: 'confirmOverwrite'; value: boolean }
  | { type: 'pulled'; version: number; rowCount: number }
  | { type: 'reapplyPlanned'; plan: ReapplyPlan }
  | { type: 'choose'; key: string; choice: Choice }
  | { type: 'chooseAll'; choice: Choice }
  | { type: 'reapplied'; version: number; rowCount: number }
  | { type: 'reset' };

export const initialSyncState: SyncState = { step: 'idle' };

/** Events that do not fit the current step are ignored: e.g. a late "pushed" after the user went to pull. */
export function syncReducer(state: SyncState, event: SyncEvent): SyncState {
  switch (event.type) {
    case 'reset':
      return initialSyncState;
    case 'pushPlanned':
      return { step: 'pushReview', plan: event.plan };
    case 'pullPlanned':
      // Overwriting unsaved edits needs an explicit tick; a clean sheet needs none.
      return { step: 'pullReview', plan: event.plan, confirmOverwrite: !event.plan.hasUnsavedEdits };
    case 'reapplyPlanned':
      return { step: 'reapplyReview', plan: event.plan, choices: {} };
    case 'pushed':
      return state.step === 'pushReview' ? { step: 'pushed', result: event.result, unmatchedIds: event.unmatchedIds } : state;
    case 'conflict':
      return state.step === 'pushReview' || state.step === 'idle' ? { step: 'conflict', conflict: event.conflict } : state;
    case 'confirmOverwrite':
      return state.step === 'pullReview' ? { ...state, confirmOverwrite: event.value } : state;
    case 'pulled':
      return state.step === 'pullReview' ? { step: 'pulled', version: event.version, rowCount: event.rowCount } : state;
    case 'choose':
      return state.step === 'reapplyReview' ? { ...state, choices: { ...state.choices, [event.key]: event.choice } } : state;
    case 'chooseAll':
      return state.step === 'reapplyReview'
        ? { ...state, choices: Object.fromEntries(state.plan.result.conflicts.map((c) => [c.key, event.choice])) }
        : state;
    case 'reapplied':
      return state.step === 'reapplyReview' ? { step: 'reapplied', version: event.version, rowCount: event.rowCount } : state;
  }
}

/** Whether the pull on screen may overwrite the sheet now. */
export function canOverwrite(state: SyncState): boolean {
  return state.step === 'pullReview' && state.confirmOverwrite;
}
