/**
 * The server's unit list, for checking owning units in the sheet the way the server checks them on a push or a
 * submission (shared/validate.ts, `knownUnitsOf`). The sheet's other rules need no server: when the list cannot be
 * loaded, the rows are checked without it and the pane says the units were not matched.
 */
import { knownUnitsOf } from '../../../../shared/validate.js';
import type { ApiClient } from '../../api/client.js';
import { ApiError, isAbort } from '../../api/errors.js';
import { listUnits } from '../../api/rounds.js';

export type UnitCheck =
  | { state: 'checked'; knownUnits: string[] }
  /** The server has no units yet: nothing to match against (the server does not match either). */
  | { state: 'no_units' }
  /** The list could not be loaded (offline, server busy): units were not matched this time. */
  | { state: 'unavailable' };

export async function loadUnitCheck(api: ApiClient, signal?: AbortSignal): Promise<UnitCheck> {
  try {
    const knownUnits = knownUnitsOf(await listUnits(api, signal));
    return knownUnits ? { state: 'checked', knownUnits } : { state: 'no_units' };
  } catch (err) {
    // A cancel and a lapsed session go where they always go; anything else only costs the unit check.
    if (isAbort(err) || (err instanceof ApiError && err.status === 401)) throw err;
    return { state: 'unavailable' };
  }
}

/** The `knownUnits` a check runs with. */
export const knownUnitsIn = (check: UnitCheck | null | undefined): string[] | undefined => (check?.state === 'checked' ? check.knownUnits : undefined);
