/**
 * The task pane root: language and theme providers, then either the "open me from Excel" page, the sign-in form,
 * or the three panes. Everything the outside world provides (host, adapter, storage, fetch) comes in as props so
 * tests can hand in fakes at the boundary.
 */
import { FluentProvider, webDarkTheme, webLightTheme, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LoginResponse } from '../../../shared/api.js';
import { ApiClient } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import type { HostInfo } from '../excel/host.js';
import { createReportWriter, type ReportWriter } from '../excel/reportSheet.js';
import { I18nProvider, useI18n } from '../i18n/index.js';
import type { KeyValueStore } from '../office/storage.js';
import type { SheetAdapter } from './adapter.js';
import { Header } from './components/Header.js';
import { BaseTracker } from './logic/base.js';
import { clearSession, lastServerUrl, loadSession, saveSession, type Session } from './logic/session.js';
import { OutsideExcel } from './panes/OutsideExcel.js';
import { Panes } from './panes/Panes.js';
import { SignInPane } from './panes/SignInPane.js';

export interface AppProps {
  host: HostInfo;
  /** Null outside Excel. */
  adapter: SheetAdapter | null;
  /** Partitioned localStorage (session, language). */
  store: KeyValueStore;
  /** Where the sheet's base version pointer lives: the workbook's settings when available. */
  baseStore: KeyValueStore;
  defaultServerUrl: string;
  fetchImpl?: typeof fetch;
  /** Writes the Laporan into the workbook; Excel itself unless a test hands in one over the mock. */
  reportWriter?: ReportWriter;
  /** Theme changes pushed by the host after start. */
  subscribeTheme?: (onChange: (isDark: boolean | null) => void) => () => void;
}

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
});

function prefersDark(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export function App(props: AppProps) {
  const [isDark, setIsDark] = useState<boolean>(() => props.host.isDarkTheme ?? prefersDark());
  const { subscribeTheme } = props;
  useEffect(() => subscribeTheme?.((d) => setIsDark(d ?? prefersDark())), [subscribeTheme]);
  return (
    <I18nProvider store={props.store}>
      <FluentProvider theme={isDark ? webDarkTheme : webLightTheme}>
        <AppBody {...props} />
      </FluentProvider>
    </I18nProvider>
  );
}

function AppBody({ host, adapter, store, baseStore, defaultServerUrl, fetchImpl, reportWriter }: AppProps) {
  const { lang } = useI18n();
  const styles = useStyles();
  const [session, setSession] = useState<Session | null>(() => loadSession(store));
  const [expired, setExpired] = useState(false);
  const base = useMemo(() => new BaseTracker(baseStore), [baseStore]);
  // Only called from the Laporan pane, which exists only inside Excel.
  const writer = useMemo(() => reportWriter ?? createReportWriter(), [reportWriter]);
  const api = useMemo(() => (session ? new ApiClient({ baseUrl: session.serverUrl, token: session.token, fetch: fetchImpl }) : null), [session, fetchImpl]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const endSession = useCallback(
    (why: 'expired' | 'signedOut') => {
      clearSession(store);
      setSession(null);
      setExpired(why === 'expired');
    },
    [store],
  );

  // A stored token may have been revoked or expired on the server: check it once when the pane opens.
  useEffect(() => {
    if (!api) return;
    const ctrl = new AbortController();
    api.me(ctrl.signal).catch((err: unknown) => {
      if (err instanceof ApiError && err.status === 401) endSession('expired');
    });
    return () => ctrl.abort();
    // Only when the session itself changes, not on every render of the client.
  }, [api, endSession]);

  const onSignedIn = (serverUrl: string, login: LoginResponse) => {
    setSession(saveSession(store, serverUrl, login));
    setExpired(false);
  };

  const signOut = async () => {
    // Revoke on the server when we can; signing out locally must work offline too.
    await api?.logout().catch(() => undefined);
    endSession('signedOut');
  };

  const inExcel = host.inExcel && adapter !== null;
  return (
    <div className={styles.root}>
      <Header user={inExcel ? (session?.user ?? null) : null} onSignOut={signOut} />
      {!inExcel ? (
        <OutsideExcel />
      ) : !session || !api ? (
        <SignInPane initialServerUrl={lastServerUrl(store, defaultServerUrl)} fetchImpl={fetchImpl} expired={expired} onSignedIn={onSignedIn} />
      ) : (
        <Panes adapter={adapter} api={api} base={base} user={session.user} reportWriter={writer} onUnauthorized={() => endSession('expired')} />
      )}
    </div>
  );
}
