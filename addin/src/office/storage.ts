/**
 * localStorage with a key prefix: the Office partition key (when the host gives one) keeps two add-in sessions on
 * the same origin from sharing a sign-in. Failures (quota, disabled storage in a locked-down browser) are swallowed:
 * losing a preference must never break an action.
 */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): boolean;
  remove(key: string): void;
}

export function prefixedStorage(partitionKey: string | null, backing: Storage | undefined = globalThis.localStorage): KeyValueStore {
  const prefix = `${partitionKey ? `${partitionKey}:` : ''}dipsync:`;
  return {
    get(key) {
      try {
        return backing?.getItem(prefix + key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        backing?.setItem(prefix + key, value);
        return backing !== undefined;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        backing?.removeItem(prefix + key);
      } catch {
        // nothing to undo
      }
    },
  };
}

/** A store that lives only as long as the page: for tests and for hosts without localStorage. */
export function memoryStorage(): KeyValueStore & { dump(): Record<string, string> } {
  const map = new Map<string, string>();
  return {
    get: (k) => map.get(k) ?? null,
    set: (k, v) => (map.set(k, v), true),
    remove: (k) => void map.delete(k),
    dump: () => Object.fromEntries(map),
  };
}

export function readJson<T>(store: KeyValueStore, key: string): T | null {
  const raw = store.get(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}
