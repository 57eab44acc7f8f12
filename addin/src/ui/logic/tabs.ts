/**
 * Which panes a role sees, in tab order. The server enforces every permission; this only keeps a person's tab list
 * to what their role can do (an approver has nothing to push, a unit cannot read the register).
 */
import type { Role } from '../../../../shared/api.js';

export type PaneKey = 'sheet' | 'sync' | 'rounds' | 'approval' | 'unit' | 'history' | 'reports';

const TABS: Record<Role, readonly PaneKey[]> = {
  ppid: ['sheet', 'sync', 'rounds', 'history', 'reports'],
  approver: ['approval', 'history', 'reports'],
  unit: ['unit'],
  admin: ['history'],
};

export function tabsFor(role: Role): readonly PaneKey[] {
  return TABS[role] ?? [];
}

/** Panes that load data on first view rather than at sign-in (nobody should pay for a list they never open). */
export const LOAD_ON_VIEW: ReadonlySet<PaneKey> = new Set(['history', 'reports', 'rounds']);
