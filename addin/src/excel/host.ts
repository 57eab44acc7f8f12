/**
 * The few Office.js calls the task pane shell needs that are not about the workbook: whether we run inside Excel,
 * the storage partition key and the Office theme. Everything workbook-related is in the SheetAdapter.
 */

export interface HostInfo {
  /** True only when Office.onReady reports the Excel host. */
  inExcel: boolean;
  /**
   * Office's storage partition key: add-ins in different Office sessions share one browser origin, so
   * localStorage keys must carry it (https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings).
   */
  partitionKey: string | null;
  /** The Office theme's darkness, or null when the host does not say. */
  isDarkTheme: boolean | null;
}

const OUTSIDE: HostInfo = { inExcel: false, partitionKey: null, isDarkTheme: null };

function readTheme(): boolean | null {
  try {
    const theme = Office.context?.officeTheme;
    if (!theme) return null;
    if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme;
    return isDarkColor(theme.bodyBackgroundColor);
  } catch {
    // Older hosts throw on officeTheme access instead of returning undefined.
    return null;
  }
}

/** "#1F1F1F" → true. Used when the host gives colours but no isDarkTheme flag. */
export function isDarkColor(hex: string | undefined): boolean | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? '0', 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/**
 * Waits for Office.js. Resolves OUTSIDE when Office.js is missing (the page was opened in a plain browser and the
 * script failed or was stubbed away), when the host is not Excel, or when onReady never answers within `timeoutMs`.
 */
export async function waitForHost(timeoutMs = 10_000): Promise<HostInfo> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return OUTSIDE;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    if (!info || info.host !== Office.HostType.Excel) return OUTSIDE;
    let partitionKey: string | null = null;
    try {
      partitionKey = Office.context?.partitionKey || null;
    } catch {
      partitionKey = null;
    }
    return { inExcel: true, partitionKey, isDarkTheme: readTheme() };
  } catch {
    return OUTSIDE;
  } finally {
    clearTimeout(timer);
  }
}

/** Calls `onChange` when the user switches the Office theme; returns an unsubscribe function. No-op where unsupported. */
export function onThemeChange(onChange: (isDark: boolean | null) => void): () => void {
  let active = true;
  try {
    Office.context.document.addHandlerAsync(Office.EventType.OfficeThemeChanged, () => {
      if (active) onChange(readTheme());
    });
  } catch {
    // Hosts without the event: the theme read at start stays.
  }
  return () => {
    active = false;
  };
}

/**
 * Settings saved inside the workbook (Office.context.document.settings): what belongs to this file rather than to
 * the user, such as the register version the sheet was pulled from. Null where the host has no document settings.
 */
export function documentSettingsStore(): { get(key: string): string | null; set(key: string, value: string): boolean; remove(key: string): void } | null {
  let settings: Office.Settings | undefined;
  try {
    settings = Office.context?.document?.settings;
  } catch {
    settings = undefined;
  }
  if (!settings) return null;
  const s = settings;
  // saveAsync persists into the file; a failed save only costs the pointer, which the pane can re-derive.
  const save = () => {
    try {
      s.saveAsync(() => undefined);
    } catch {
      // ignored on purpose, see above
    }
  };
  return {
    get(key) {
      try {
        const v: unknown = s.get(key);
        return typeof v === 'string' ? v : null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        s.set(key, value);
        save();
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        s.remove(key);
        save();
      } catch {
        // ignored: nothing to remove
      }
    },
  };
}
