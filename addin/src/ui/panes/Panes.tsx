/**
 * The panes a role works in, behind a tab list (tabsFor): PPID — Lembar DIP, Sinkron, Putaran, Riwayat, Laporan;
 * Atasan PPID — Persetujuan, Riwayat, Laporan; unit — Kiriman unit; admin — Riwayat. All stay mounted once shown
 * (hidden when not selected) so a review in Sinkron survives a look at Riwayat; arrow keys move between tabs
 * (Fluent's TabList). Panes that fetch lists load on first view.
 */
import { MessageBar, MessageBarBody, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState, type ReactNode } from 'react';
import type { UserInfo } from '../../../../shared/api.js';
import type { ApiClient } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import type { ReportWriter } from '../../excel/reportSheet.js';
import { useI18n } from '../../i18n/index.js';
import type { SheetAdapter } from '../adapter.js';
import type { BaseTracker } from '../logic/base.js';
import { LOAD_ON_VIEW, tabsFor, type PaneKey } from '../logic/tabs.js';
import { ApprovalPane } from './ApprovalPane.js';
import { HistoryPane } from './HistoryPane.js';
import { ReportPane } from './ReportPane.js';
import { RoundsPane } from './RoundsPane.js';
import { SheetPane } from './SheetPane.js';
import { SyncPane } from './SyncPane.js';
import { UnitPane } from './UnitPane.js';

const useStyles = makeStyles({
  // A task pane can be 320 px wide: five tabs scroll sideways instead of being cut off.
  tabs: { backgroundColor: tokens.colorNeutralBackground1, paddingLeft: tokens.spacingHorizontalXS, overflowX: 'auto', flexWrap: 'nowrap' },
  // Task panes are narrow, but a widened one (or a browser tab) should not stretch lines across the screen.
  panel: { padding: tokens.spacingHorizontalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60rem' },
  // A class with display:flex would beat the hidden attribute's display:none.
  hidden: { display: 'none' },
  note: { margin: tokens.spacingHorizontalS },
});

export interface PanesProps {
  adapter: SheetAdapter;
  api: ApiClient;
  base: BaseTracker;
  user: UserInfo;
  /** Writes the Laporan into a new sheet (addin/src/excel/reportSheet.ts). */
  reportWriter: ReportWriter;
  onUnauthorized(): void;
}

export function Panes({ adapter, api, base, user, reportWriter, onUnauthorized }: PanesProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const tabs = tabsFor(user.role);
  const [pane, setPane] = useState<PaneKey | undefined>(tabs[0]);
  const [opened, setOpened] = useState<ReadonlySet<PaneKey>>(() => new Set(tabs.slice(0, 1)));
  const onError = useCallback(
    (err: unknown) => {
      if (err instanceof ApiError && err.status === 401) onUnauthorized();
    },
    [onUnauthorized],
  );
  const select = (key: PaneKey) => {
    setPane(key);
    setOpened((s) => (s.has(key) ? s : new Set([...s, key])));
  };

  const content: Record<PaneKey, () => ReactNode> = {
    sheet: () => <SheetPane adapter={adapter} api={api} onError={onError} />,
    sync: () => <SyncPane adapter={adapter} api={api} base={base} user={user} onError={onError} />,
    rounds: () => <RoundsPane api={api} adapter={adapter} base={base} onError={onError} />,
    approval: () => <ApprovalPane api={api} onError={onError} />,
    unit: () => <UnitPane api={api} adapter={adapter} onError={onError} />,
    history: () => <HistoryPane api={api} onError={onError} canActOnWorkflow={user.role === 'ppid'} />,
    // The reports engineer's pane (ReportPane.tsx); ApiClient has the report calls it asks for.
    reports: () => <ReportPane api={api} writer={reportWriter} onError={onError} />,
  };

  return (
    <>
      {user.role === 'admin' ? (
        <MessageBar intent="info" className={styles.note}>
          <MessageBarBody>{t.tabs.adminNote}</MessageBarBody>
        </MessageBar>
      ) : null}
      <TabList className={styles.tabs} selectedValue={pane} onTabSelect={(_, d) => select(d.value as PaneKey)} aria-label={t.tabs.label}>
        {tabs.map((key) => (
          <Tab key={key} value={key} id={`tab-${key}`} aria-controls={`panel-${key}`}>
            {t.tabs[key]}
          </Tab>
        ))}
      </TabList>
      {tabs.map((key) => (
        <main key={key} className={pane === key ? styles.panel : styles.hidden} id={`panel-${key}`} role="tabpanel" aria-labelledby={`tab-${key}`} hidden={pane !== key}>
          {/* Loaded on first view where the pane fetches lists: signing in should not cost lists nobody looks at. */}
          {!LOAD_ON_VIEW.has(key) || opened.has(key) ? content[key]() : null}
        </main>
      ))}
    </>
  );
}
