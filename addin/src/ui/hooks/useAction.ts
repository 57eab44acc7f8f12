/**
 * Runs one user action at a time with progress, cancellation and an error caught at the edge (shown from the
 * catalogue by code). Components call `run` from event handlers; nothing here knows what the action does.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../../api/errors.js';
import type { NoticeValue } from '../components/Notice.js';

export interface ActionContext {
  signal: AbortSignal;
  /** Reports progress: `done` of `total`, with an optional phase label. */
  progress(done: number, total: number, label?: string): void;
}

export interface ActionState {
  busy: boolean;
  /** What is running, for the progress label. */
  label: string | null;
  progress: { done: number; total: number } | null;
  cancelable: boolean;
  error: unknown;
  canceled: boolean;
}

const IDLE: ActionState = { busy: false, label: null, progress: null, cancelable: false, error: null, canceled: false };

export function useAction(opts: { onError?: (err: unknown) => void } = {}) {
  const [state, setState] = useState<ActionState>(IDLE);
  const onError = useRef(opts.onError);
  useEffect(() => {
    onError.current = opts.onError;
  });
  const controller = useRef<AbortController | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const run = useCallback(async <T,>(label: string, fn: (ctx: ActionContext) => Promise<T>, opts: { cancelable?: boolean } = {}): Promise<T | undefined> => {
    if (controller.current) return undefined; // one action at a time: a double click must not push twice
    const ctrl = new AbortController();
    controller.current = ctrl;
    setState({ ...IDLE, busy: true, label, cancelable: opts.cancelable ?? false });
    const ctx: ActionContext = {
      signal: ctrl.signal,
      progress: (done, total, phase) => {
        if (mounted.current && controller.current === ctrl) setState((s) => ({ ...s, label: phase ?? s.label, progress: { done, total } }));
      },
    };
    try {
      const result = await fn(ctx);
      if (mounted.current) setState(IDLE);
      return result;
    } catch (err) {
      if (!isAbort(err)) onError.current?.(err);
      if (mounted.current) setState({ ...IDLE, error: isAbort(err) ? null : err, canceled: isAbort(err) });
      return undefined;
    } finally {
      if (controller.current === ctrl) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismiss = useCallback(() => setState((s) => (s.busy ? s : IDLE)), []);
  /** Shows an error that did not come from `run` (e.g. a check before starting). */
  const fail = useCallback((error: unknown) => setState({ ...IDLE, error }), []);

  return { state, run, cancel, dismiss, fail };
}

/** What a pane hands its sections: its one action runner and its notice line. */
export interface PaneTools {
  run: ReturnType<typeof useAction>['run'];
  busy: boolean;
  notify(notice: NoticeValue | null): void;
}
