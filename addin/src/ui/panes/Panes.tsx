/**
 * The three panes behind a tab list. All stay mounted (hidden when not selected) so a review in Sinkron survives a
 * look at Riwayat; arrow keys move between tabs (Fluent's TabList).
 */
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { UserInfo } from '../../../../shared/api.js';
import type { ApiClient } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import { useI18n } from '../../i18n/index.js';
import type { SheetAdapter } from '../adapter.js';
import type { BaseTracker } from '../logic/base.js';
import { HistoryPane } from './HistoryPane.js';
import { SheetPane } from './SheetPane.js';
import { SyncPane } from './SyncPane.js';

type PaneKey = 'sheet' | 'sync' | 'history';

const useStyles = makeStyles({
  tabs: { backgroundColor: tokens.colorNeutralBackground1, paddingLeft: tokens.spacingHorizontalXS },
  // Task panes are narrow, but a widened one (or a browser tab) should not stretch lines across the screen.
  panel: { padding: tokens.spacingHorizontalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60rem' },
  // A class with display:flex would beat the hidden attribute's display:none.
  hidden: { display: 'none' },
});

export interface PanesProps {
  adapter: SheetAdapter;
  api: ApiClient;
  base: BaseTracker;
  user: UserInfo;
  onUnauthorized(): void;
}

export function Panes({ adapter, api, base, user, onUnauthorized }: PanesProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [pane, setPane] = useState<PaneKey>('sheet');
  const [historyOpened, setHistoryOpened] = useState(false);
  const onError = useCallback(
    (err: unknown) => {
      if (err instanceof ApiError && err.status === 401) onUnauthorized();
    },
    [onUnauthorized],
  );
  const select = (key: PaneKey) => {
    setPane(key);
    if (key === 'history') setHistoryOpened(true);
  };
  const tabs: { key: PaneKey; label: string }[] = [
    { key: 'sheet', label: t.tabs.sheet },
    { key: 'sync', label: t.tabs.sync },
    { key: 'history', label: t.tabs.history },
  ];
  return (
    <>
      <TabList className={styles.tabs} selectedValue={pane} onTabSelect={(_, d) => select(d.value as PaneKey)} aria-label={t.tabs.label}>
        {tabs.map((tab) => (
          <Tab key={tab.key} value={tab.key} id={`tab-${tab.key}`} aria-controls={`panel-${tab.key}`}>
            {tab.label}
          </Tab>
        ))}
      </TabList>
      <main className={pane === 'sheet' ? styles.panel : styles.hidden} id="panel-sheet" role="tabpanel" aria-labelledby="tab-sheet" hidden={pane !== 'sheet'}>
        <SheetPane adapter={adapter} onError={onError} />
      </main>
      <main className={pane === 'sync' ? styles.panel : styles.hidden} id="panel-sync" role="tabpanel" aria-labelledby="tab-sync" hidden={pane !== 'sync'}>
        <SyncPane adapter={adapter} api={api} base={base} user={user} onError={onError} />
      </main>
      <main className={pane === 'history' ? styles.panel : styles.hidden} id="panel-history" role="tabpanel" aria-labelledby="tab-history" hidden={pane !== 'history'}>
        {/* Loaded on first view: signing in should not cost a version list nobody looks at. */}
        {historyOpened ? <HistoryPane api={api} onError={onError} /> : null}
      </main>
    </>
  );
}
