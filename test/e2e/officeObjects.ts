/**
 * How Office.js objects behave inside one Excel.run batch, for the in-page workbook stand-in (workbookStandIn.ts
 * builds the workbook's objects from specs with this). The rules a wrong adapter would otherwise slip through:
 * - a property can only be read after it was load()ed and the batch synced (else PropertyNotLoaded);
 * - `isNullObject` can only be read after a sync;
 * - an error Excel would raise (ItemNotFound, InvalidArgument) surfaces at the next context.sync(), not at the call,
 *   and the calls made on the failed object meanwhile do nothing;
 * - commands are applied when queued, so a load sees the commands queued before it, as in a real batch.
 * Reading or setting a property the spec does not model, or loading one, goes to `miss` (which throws).
 *
 * Serialised into the page (page.addInitScript): it must not use anything from outside its body.
 */

export interface Spec {
  /** Loadable properties: read from the model at load time, readable after the next sync. */
  live?: Record<string, () => unknown>;
  /** Settable properties: what assigning one does to the model. */
  set?: Record<string, (v: unknown) => void>;
  /** Methods and constants. */
  props?: Record<string, unknown>;
  /** Navigation properties (range.format, table.worksheet…), built once per object. */
  nav?: Record<string, () => unknown>;
}

export interface Batch {
  /** An object of the batch; `isNull` makes it the null object of a get…OrNullObject. */
  make(spec: Spec, isNull?: boolean): Record<string, unknown>;
  /** Records the error the next sync raises; returns an object on which every call does nothing. */
  fail(code: string, message: string): unknown;
  sync(): Promise<void>;
}

export type CreateBatch = (miss: (what: string) => never, onSync: () => void) => Batch;

export function createBatch(miss: (what: string) => never, onSync: () => void): Batch {
  let queue: (() => void)[] = [];
  let error: { code: string; message: string } | null = null;
  let syncs = 0;
  const dead: unknown = new Proxy(function dead() {}, { get: (_t, k) => (k === 'then' ? undefined : dead), apply: () => dead, set: () => true });

  function make(spec: Spec, isNull = false): Record<string, unknown> {
    const loaded = new Map<string, unknown>();
    const navs = new Map<string, unknown>();
    const born = syncs;
    const proxy: Record<string, unknown> = new Proxy({} as Record<string, unknown>, {
      get(_t, k) {
        // Promise resolution and JSON look for these on whatever a batch returns: not Office.js calls.
        if (typeof k !== 'string' || k === 'then' || k === 'toJSON') return undefined;
        if (k === 'isNullObject') return syncs > born ? isNull : miss('isNullObject read before context.sync()');
        if (k === 'load') return load;
        if (spec.props && k in spec.props) return spec.props[k];
        if (spec.nav?.[k]) {
          if (!navs.has(k)) navs.set(k, spec.nav[k]());
          return navs.get(k);
        }
        if (spec.live?.[k]) return loaded.has(k) ? loaded.get(k) : miss(`${k} read without load() and sync (PropertyNotLoaded)`);
        return miss(`reading ${k}`);
      },
      set(_t, k, v) {
        const handler = typeof k === 'string' ? spec.set?.[k] : undefined;
        if (!handler) return miss(`setting ${String(k)}`);
        if (!isNull) handler(v);
        return true;
      },
    });
    function load(names: string) {
      for (const name of names.split(',').map((n) => n.trim())) {
        // "items/content": the collection's items, each with its own property loaded.
        const [own, sub] = name.split('/') as [string, string | undefined];
        const live = spec.live?.[own] ?? miss(`load('${own}')`);
        const value = isNull ? undefined : live(); // the state at this point of the batch
        if (sub && Array.isArray(value)) for (const item of value as { load(n: string): void }[]) item.load(sub);
        queue.push(() => loaded.set(own, value));
      }
      return proxy;
    }
    return proxy;
  }

  return {
    make,
    fail(code, message) {
      error ??= { code, message };
      return dead;
    },
    async sync() {
      await new Promise((resolve) => setTimeout(resolve, 0)); // a real sync is a round trip
      const [done, failed] = [queue, error];
      queue = [];
      error = null;
      syncs++;
      onSync();
      if (failed) throw Object.assign(new Error(failed.message), { name: 'RichApi.Error', code: failed.code });
      for (const apply of done) apply();
    },
  };
}
