/**
 * The base of the sheet: the register version it was last pulled from or pushed as. Re-applying edits and
 * telling whether the sheet has unsaved edits both need it. The pointer (server, version, ETag) is kept in the
 * workbook's settings when the host has them (it belongs to the file), else in partitioned localStorage; the rows are
 * cached in memory and fetched again by number when the pane reloads (the server keeps every version).
 */
import type { StoredDipRow } from '../../../../shared/row.js';
import type { ApiClient } from '../../api/client.js';
import { readJson, type KeyValueStore } from '../../office/storage.js';

export interface BasePointer {
  serverUrl: string;
  version: number;
  /** The ETag the server gave for this version: what If-Match sends on the next push. */
  etag: string | null;
}

const KEY = 'base';

export class BaseTracker {
  private cache: { serverUrl: string; version: number; rows: StoredDipRow[] } | null = null;

  constructor(private readonly store: KeyValueStore) {}

  /** The pointer for this server, or null when the sheet has no known base there. */
  pointer(serverUrl: string): BasePointer | null {
    const p = readJson<BasePointer>(this.store, KEY);
    if (!p || p.serverUrl !== serverUrl || !Number.isInteger(p.version)) return null;
    return p;
  }

  remember(pointer: BasePointer, rows: readonly StoredDipRow[]): void {
    this.store.set(KEY, JSON.stringify(pointer));
    this.cache = { serverUrl: pointer.serverUrl, version: pointer.version, rows: [...rows] };
  }

  forget(): void {
    this.store.remove(KEY);
    this.cache = null;
  }

  /** The base rows, from memory or from the server; null when there is no base. Fills in a missing ETag when it fetches. */
  async load(api: ApiClient, signal?: AbortSignal): Promise<{ pointer: BasePointer; rows: StoredDipRow[] } | null> {
    const pointer = this.pointer(api.baseUrl);
    if (!pointer) return null;
    const c = this.cache;
    if (c && c.serverUrl === pointer.serverUrl && c.version === pointer.version) return { pointer, rows: c.rows };
    const { data, etag } = await api.version(pointer.version, signal);
    const next = { ...pointer, etag: pointer.etag ?? etag };
    this.remember(next, data.rows);
    return { pointer: next, rows: data.rows };
  }
}
