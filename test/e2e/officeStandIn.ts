/**
 * Office's side of the in-page Excel stand-in: Office.onReady reporting the Excel host, and Office.context with what
 * the pane reads from it (partition key, requirement sets, document settings, the theme-change handler). Office.js
 * itself stays the real one from the npm package: its enums (HostType, PlatformType, EventType) are what the pane
 * compares against.
 *
 * When to patch: office.js copies an existing window.Office and then sets its own onReady and context, which answer
 * "no host" outside Office (a stand-in installed before office.js is overwritten: checked); outside a host it then
 * loads o15apptofilemappingtable.js, which redefines Office.context (as a getter) once more. So Office is patched on
 * the load event of every script from the Office.js folder. That event fires right after the script ran, before any
 * other script: office.js's own comes before the pane's module script (which waits for the parser) calls onReady,
 * and the later one is patched over before the pane next reads Office.context. Office.js does not define
 * window.Excel outside a host, so workbookStandIn.ts simply sets it.
 *
 * Serialised into the page (page.addInitScript): it must not use anything from outside its body.
 */

export interface OfficeStandInOptions {
  /** Highest ExcelApi version claimed (notes need 1.18). */
  apiVersion: string;
  partitionKey: string;
  /** Where Office.js and the scripts it loads are served from, e.g. "/office-js/". */
  officeBase: string;
}

export function installOfficeStandIn(opts: OfficeStandInOptions): void {
  const w = window as unknown as { Office?: Record<string, unknown> & { HostType?: { Excel: string }; PlatformType: { OfficeOnline: string } } };
  const settings = new Map<string, unknown>();
  const version = (v: string) => v.split('.').map(Number);
  const atMost = (v: string, max: string) => {
    const [a, b] = [version(v), version(max)];
    for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
    return true;
  };
  const done = (cb?: (r: { status: string }) => void) => cb?.({ status: 'succeeded' });
  const context = {
    partitionKey: opts.partitionKey,
    requirements: { isSetSupported: (set: string, v = '1.1') => set === 'ExcelApi' && atMost(v, opts.apiVersion) },
    document: {
      // The workbook's own settings (the pane keeps the sheet's base version there): they live as long as the page.
      settings: {
        get: (k: string) => settings.get(k) ?? null,
        set: (k: string, v: unknown) => void settings.set(k, v),
        remove: (k: string) => void settings.delete(k),
        saveAsync: done,
      },
      addHandlerAsync: (_type: unknown, _handler: unknown, cb?: (r: { status: string }) => void) => done(cb),
    },
  };

  const patch = () => {
    const office = w.Office;
    if (!office?.HostType) return;
    const info = { host: office.HostType.Excel, platform: office.PlatformType.OfficeOnline };
    office.onReady = (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    };
    Object.defineProperty(office, 'context', { configurable: true, enumerable: true, get: () => context });
  };
  document.addEventListener(
    'load',
    (event) => {
      const target = event.target as HTMLScriptElement | null;
      if (target?.tagName === 'SCRIPT' && new URL(target.src, location.href).pathname.startsWith(opts.officeBase)) patch();
    },
    true,
  );
}
