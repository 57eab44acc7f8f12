/**
 * A pane's one action runner and its notice line: starting an action clears the last
 * outcome, so a stale "done" never sits above a new error.
 */
import { useState } from 'react';
import type { NoticeValue } from '../components/Notice.js';
import { useAction, type PaneTools } from './useAction.js';

export function usePane(onError: (err: unknown) => void) {
  const action = useAction({ onError });
  const [notice, setNotice] = useState<NoticeValue | null>(null);
  const tools: PaneTools = {
    run: (label, fn, opts) => {
      setNotice(null);
      return action.run(label, fn, opts);
    },
    busy: action.state.busy,
    notify: setNotice,
  };
  return { action, notice, setNotice, tools };
}
