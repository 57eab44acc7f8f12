/**
 * A pane's first load when it opens (it is mounted on first view): `load` runs once per `load` identity (a new API
 * client loads again) and is aborted when the pane goes away. A failure is reported and shown in the pane's status;
 * an abort is not a failure. The reload buttons run `load` through the pane's action instead.
 */
import { useEffect, useRef } from 'react';
import { isAbort } from '../../api/errors.js';

export function useFirstLoad(load: (signal: AbortSignal) => Promise<unknown>, onError: (err: unknown) => void, fail: (err: unknown) => void) {
  // The latest handlers, read when the load fails: a parent passing a new callback must not load again.
  const handlers = useRef({ onError, fail });
  useEffect(() => {
    handlers.current = { onError, fail };
  });

  useEffect(() => {
    const ctrl = new AbortController();
    load(ctrl.signal).catch((err: unknown) => {
      if (isAbort(err)) return;
      handlers.current.onError(err);
      handlers.current.fail(err);
    });
    return () => ctrl.abort();
  }, [load]);
}
