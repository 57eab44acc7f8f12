/**
 * Sinkron: push the sheet as a new version (after reviewing the diff), pull the head (after a preview, never
 * overwriting unsaved edits without an explicit tick), and on a stale base pull and re-apply three-way.
 */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useReducer, useState } from 'react';
import type { RegisterInfo, UserInfo } from '../../../../shared/api.js';
import type { ApiClient } from '../../api/client.js';
import { isAbort } from '../../api/errors.js';
import { useI18n } from '../../i18n/index.js';
import type { SheetAdapter } from '../adapter.js';
import { ConflictView } from '../components/ConflictView.js';
import { Notice } from '../components/Notice.js';
import { PaneStatus } from '../components/PaneStatus.js';
import { PullReview } from '../components/PullReview.js';
import { PushReview } from '../components/PushReview.js';
import { ReapplyReview } from '../components/ReapplyReview.js';
import { Section } from '../components/Section.js';
import type { ActionContext } from '../hooks/useAction.js';
import { usePane } from '../hooks/usePane.js';
import type { BaseTracker } from '../logic/base.js';
import { applyPull, applyReapply, preparePull, preparePush, prepareReapply, pushPlan, type SyncDeps } from '../logic/sync.js';
import { initialSyncState, syncReducer } from '../logic/syncMachine.js';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  noShrink: { flexShrink: 0 },
  statusLine: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

export interface SyncPaneProps {
  adapter: SheetAdapter;
  api: ApiClient;
  base: BaseTracker;
  user: UserInfo;
  onError(err: unknown): void;
}

export function SyncPane({ adapter, api, base, user, onError }: SyncPaneProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const pane = usePane(onError);
  const { action, tools } = pane;
  const [state, dispatch] = useReducer(syncReducer, initialSyncState);
  const [register, setRegister] = useState<RegisterInfo | null>(null);
  const deps: SyncDeps = { api, adapter, base };
  const canPush = user.role === 'ppid';
  const baseVersion = base.pointer(api.baseUrl)?.version ?? null;

  const refresh = useCallback(
    (signal?: AbortSignal) =>
      api.register(signal).then(
        (r) => setRegister(r.data),
        (err: unknown) => {
          if (!isAbort(err)) onError(err);
        },
      ),
    [api, onError],
  );
  useEffect(() => {
    const ctrl = new AbortController();
    void refresh(ctrl.signal);
    return () => ctrl.abort();
  }, [refresh]);

  const start = <T,>(label: string, fn: (ctx: ActionContext) => Promise<T>, cancelable = true) => tools.run<T>(label, fn, { cancelable });
  const readProgress = (progress: (d: number, n: number, l?: string) => void) => (d: number, n: number) => progress(d, n, t.sync.readingSheet);
  const writeProgress = (progress: (d: number, n: number, l?: string) => void) => (d: number, n: number) => progress(d, n, t.sync.writingSheet);

  const planPush = async () => {
    const r = await start(t.sync.comparing, ({ signal, progress }) => preparePush(deps, { signal, progress: readProgress(progress) }));
    if (r?.kind === 'ready') dispatch({ type: 'pushPlanned', plan: r.plan });
    else if (r?.kind === 'conflict') {
      dispatch({ type: 'reset' });
      dispatch({ type: 'conflict', conflict: r.conflict });
    }
    void refresh();
  };

  const push = async (message: string) => {
    if (state.step !== 'pushReview') return;
    const plan = state.plan;
    // Not cancelable: once the request is out the server may commit it; the Idempotency-Key makes a retry safe.
    const r = await start(t.sync.pushing, ({ progress }) => pushPlan(deps, plan, message, { progress: writeProgress(progress) }), false);
    if (r?.kind === 'pushed') dispatch({ type: 'pushed', result: r.response, unmatchedIds: r.unmatchedIds });
    else if (r?.kind === 'conflict') dispatch({ type: 'conflict', conflict: r.conflict });
    void refresh();
  };

  const planPull = async () => {
    const plan = await start(t.sync.fetchingHead, ({ signal, progress }) => preparePull(deps, { signal, progress: readProgress(progress) }));
    if (plan) dispatch({ type: 'pullPlanned', plan });
    void refresh();
  };

  const overwrite = async () => {
    if (state.step !== 'pullReview' || !state.confirmOverwrite) return;
    const plan = state.plan;
    // Not cancelable: a write stopped half-way would leave the sheet holding only the first rows of the version.
    const ok = await start(
      t.sync.writingSheet,
      async ({ progress }) => {
        await applyPull(deps, plan, { progress: writeProgress(progress) });
        return true;
      },
      false,
    );
    if (ok) dispatch({ type: 'pulled', version: plan.version, rowCount: plan.rows.length });
  };

  const planReapply = async () => {
    const plan = await start(t.sync.fetchingHead, ({ signal, progress }) => prepareReapply(deps, { signal, progress: readProgress(progress) }));
    if (plan) dispatch({ type: 'reapplyPlanned', plan });
    void refresh();
  };

  const writeReapply = async () => {
    if (state.step !== 'reapplyReview') return;
    const { plan, choices } = state;
    let count = 0;
    const ok = await start(
      t.sync.writingSheet,
      async ({ progress }) => {
        count = await applyReapply(deps, plan, choices, { progress: writeProgress(progress) });
        return true;
      },
      false,
    );
    if (ok) dispatch({ type: 'reapplied', version: plan.head.version, rowCount: count });
  };

  const busy = action.state.busy;
  return (
    <>
      <PaneStatus pane={pane} />
      <Section title={t.sync.title}>
        <div className={styles.statusLine}>
          <Caption1 className={styles.muted} role="status">
            {register ? t.sync.registerLine(register.head, register.published, baseVersion) : t.sync.registerUnknown}
          </Caption1>
          <Button className={styles.noShrink} size="small" appearance="subtle" onClick={() => void refresh()} disabled={busy}>
            {t.sync.refresh}
          </Button>
        </div>
        <div className={styles.buttons}>
          <Button appearance="primary" onClick={planPush} disabled={busy || !canPush}>
            {t.sync.preparePush}
          </Button>
          <Button onClick={planPull} disabled={busy}>
            {t.sync.preparePull}
          </Button>
        </div>
        {!canPush ? <Caption1 className={styles.muted}>{t.sync.pushNeedsPpid}</Caption1> : null}
      </Section>
      {state.step === 'pushReview' ? <PushReview plan={state.plan} busy={busy} onPush={push} onCancel={() => dispatch({ type: 'reset' })} /> : null}
      {state.step === 'pushed' ? <Notice notice={{ intent: 'success', text: t.sync.pushed(state.result.version.version, state.result.version.rowCount) }} onDismiss={() => dispatch({ type: 'reset' })} /> : null}
      {state.step === 'pushed' && (state.result.issues.length > 0 || state.unmatchedIds > 0) ? (
        <Notice
          notice={{ intent: 'warning', text: [state.result.issues.length > 0 ? t.sync.serverIssues(state.result.issues.length) : '', state.unmatchedIds > 0 ? t.sync.unmatchedIds(state.unmatchedIds) : ''].filter(Boolean).join(' ') }}
          onDismiss={() => dispatch({ type: 'reset' })}
        />
      ) : null}
      {state.step === 'conflict' ? <ConflictView conflict={state.conflict} busy={busy} onReapply={planReapply} onCancel={() => dispatch({ type: 'reset' })} /> : null}
      {state.step === 'pullReview' ? (
        <PullReview
          plan={state.plan}
          confirmed={state.confirmOverwrite}
          busy={busy}
          onConfirm={(value) => dispatch({ type: 'confirmOverwrite', value })}
          onOverwrite={overwrite}
          onReapply={planReapply}
          onCancel={() => dispatch({ type: 'reset' })}
        />
      ) : null}
      {state.step === 'pulled' ? <Notice notice={{ intent: 'success', text: t.sync.pulled(state.version, state.rowCount) }} onDismiss={() => dispatch({ type: 'reset' })} /> : null}
      {state.step === 'reapplyReview' ? (
        <ReapplyReview
          plan={state.plan}
          choices={state.choices}
          busy={busy}
          onChoose={(key, choice) => dispatch({ type: 'choose', key, choice })}
          onChooseAll={(choice) => dispatch({ type: 'chooseAll', choice })}
          onApply={writeReapply}
          onCancel={() => dispatch({ type: 'reset' })}
        />
      ) : null}
      {state.step === 'reapplied' ? (
        <Notice notice={{ intent: 'success', text: t.sync.reapplied(state.version, state.rowCount) }} onDismiss={() => dispatch({ type: 'reset' })} />
      ) : null}
    </>
  );
}
