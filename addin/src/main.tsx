/**
 * Entry point: wait for Office.js, then render the pane with the real Excel adapter (inside Excel) or the
 * "open me from Excel" page (anywhere else). Storage keys carry Office's partition key.
 */
import { createRoot } from 'react-dom/client';
import { createExcelAdapter } from './excel/adapter.js';
import { documentSettingsStore, onThemeChange, waitForHost } from './excel/host.js';
import { prefixedStorage } from './office/storage.js';
import { App } from './ui/App.js';

async function main(): Promise<void> {
  const host = await waitForHost();
  const store = prefixedStorage(host.partitionKey);
  // The sheet's base version belongs to the workbook: keep it in the file when the host allows.
  const baseStore = (host.inExcel ? documentSettingsStore() : null) ?? store;
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <App
      host={host}
      adapter={host.inExcel ? createExcelAdapter() : null}
      store={store}
      baseStore={baseStore}
      defaultServerUrl={window.location.origin}
      subscribeTheme={host.inExcel ? onThemeChange : undefined}
    />,
  );
}

void main();
