/**
 * A mock Excel for the adapter's tests and benchmark: office-addin-mock's OfficeMockObject gives the Office.js
 * load/sync discipline (a property not loaded, or read before sync, is an error string; loading a property the
 * object does not have throws), and this file puts a live workbook (workbookModel.ts) behind it.
 *
 * Only the Office.js calls the adapter makes are modelled (see ../README.md); setting any other property throws.
 * Commands are applied to the model when queued; `context.sync()` closes the batch: it is counted, its request and
 * response sizes are measured (JSON, as Office.js sends them) and, like Excel on the web, a batch over
 * `limitBytes` fails with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded. An error Excel would
 * raise (ItemNotFound, ApiNotFound, InvalidArgument) is raised by the next sync, as in Office.js. `isNullObject`
 * can be read only after a sync that followed the object's making: Office.js throws PropertyNotLoaded before, and
 * office-addin-mock would answer at once.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { jsonBytes } from '../payload.js';
import type { ExcelRunner } from '../runner.js';
import { COST, buildSpecs } from './mockObjects.js';
import { WorkbookModel, type Rect, type SheetModel } from './workbookModel.js';

export interface Spec {
  /** Static values and methods. */
  props?: Record<string, unknown>;
  /** Scalars read from the model when loaded. */
  live?: Record<string, () => unknown>;
  /** What assigning a property does to the model. */
  set?: Record<string, (value: unknown) => void>;
  /** Navigation properties (range.format, table.worksheet…). */
  nav?: Record<string, Spec>;
}

export interface BatchStats {
  request: number;
  response: number;
}

export interface MockExcel {
  model: WorkbookModel;
  runner: ExcelRunner;
  /** Every closed batch (one per sync), in order. */
  batches: BatchStats[];
  syncCount(): number;
  maxRequest(): number;
  maxResponse(): number;
  resetStats(): void;
}

export interface MockOptions {
  /** Highest ExcelApi version the host claims (notes need 1.18, comments 1.10). */
  apiVersion?: string;
  /** Excel on the web refuses a request or response over 5 MB. */
  limitBytes?: number;
}

type Raw = OfficeMockObject;
interface PendingLoad {
  raw: Raw;
  names: string[];
}

function versionAtMost(version: string, max: string): boolean {
  const a = version.split('.').map(Number);
  const b = max.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return true;
}

const officeError = (code: string, message: string) => Object.assign(new Error(message), { name: 'RichApi.Error', code });

// What a call on an object Excel would refuse returns until the sync reports the error.
const dead: unknown = new Proxy(function dead() {}, {
  get: (_t, k) => (k === 'then' ? undefined : dead),
  apply: () => dead,
  set: () => true,
});

export function createMockExcel(options: MockOptions = {}): MockExcel {
  const apiVersion = options.apiVersion ?? '1.18';
  const limit = options.limitBytes ?? 5 * 1024 * 1024;
  const model = new WorkbookModel();
  const batches: BatchStats[] = [];
  let request = 0;
  let pending: PendingLoad[] = [];
  let error: Error | null = null;

  const supports = (set: string, version: string) => set === 'ExcelApi' && versionAtMost(version, apiVersion);

  const io: MockIo = {
    charge(bytes: number) {
      request += bytes;
    },
    fail(code: string, message: string): unknown {
      error ??= officeError(code, message);
      return dead;
    },
    supports,
    make,
    nullObject,
    ranges: new WeakMap<object, RangeInfo>(),
  };

  /** Builds a tracked mock object from a spec: an object path in the request, as a method's result is. */
  function make(spec: Spec): unknown {
    request += COST.path;
    const raw = new OfficeMockObject(dataOf(spec));
    return wrap(raw, spec);
  }

  function nullObject(props: Record<string, unknown> = {}): unknown {
    const raw = new OfficeMockObject({ ...props });
    raw.isNullObject = true;
    return wrap(raw, { props });
  }

  function dataOf(spec: Spec): Record<string, unknown> {
    const data: Record<string, unknown> = { ...spec.props };
    // Placeholders: the mock only loads properties it was built with; the model's value is put in at load time.
    for (const k of Object.keys(spec.live ?? {})) data[k] = '';
    for (const k of Object.keys(spec.set ?? {})) if (!(k in data)) data[k] = '';
    for (const [k, child] of Object.entries(spec.nav ?? {})) data[k] = dataOf(child);
    return data;
  }

  const proxies = new WeakMap<Raw, unknown>();
  // The sync count when each object was made: its isNullObject is known only after a later sync.
  const born = new WeakMap<Raw, number>();

  function wrap(raw: Raw, spec: Spec): unknown {
    const known = proxies.get(raw);
    if (known) return known;
    if (!('isNullObject' in raw)) raw.isNullObject = false;
    born.set(raw, batches.length);
    const proxy: unknown = new Proxy(raw, {
      get(target, key) {
        if (key === 'load') return (arg?: string) => (load(target, spec, arg), proxy);
        if (key === 'isNullObject' && batches.length <= (born.get(target) ?? -1)) {
          throw officeError('PropertyNotLoaded', 'isNullObject read before context.sync()');
        }
        if (typeof key === 'string' && spec.nav?.[key]) {
          const child = target[key] as Raw;
          if (!proxies.has(child)) request += COST.nav;
          return wrap(child, spec.nav[key]);
        }
        return target[key as string];
      },
      set(target, key, value) {
        const handler = typeof key === 'string' ? spec.set?.[key] : undefined;
        if (!handler) throw new Error(`mock Excel: setting ${String(key)} is not modelled`);
        request += COST.set + String(key).length + jsonBytes(value);
        handler(value);
        target[key as string] = value;
        return true;
      },
    });
    proxies.set(raw, proxy);
    return proxy;
  }

  function load(raw: Raw, spec: Spec, arg: string | undefined): void {
    if (typeof arg !== 'string') throw new Error('mock Excel: load() takes property names, as the adapter always gives them');
    const names = arg.split(',').map((n) => n.trim()).filter(Boolean);
    const own = [...new Set(names.map((n) => (n.startsWith('items/') ? 'items' : n)))];
    const fresh = new Map<string, unknown>();
    for (const name of own) {
      const live = spec.live?.[name];
      if (!live) continue;
      // Read the model now: a load sees the commands queued before it, as in Office.js.
      fresh.set(name, live());
      (raw as unknown as { setValue(k: string, v: unknown): void }).setValue(name, fresh.get(name));
    }
    raw.load(own);
    request += COST.load + arg.length;
    pending.push({ raw, names: own });
    // "items/content": the mock keeps collection items as a plain array, so each item loads its own properties.
    const itemProps = names.filter((n) => n.startsWith('items/')).map((n) => n.slice('items/'.length));
    const items = fresh.get('items');
    if (itemProps.length > 0 && Array.isArray(items)) for (const item of items as { load(a: string): void }[]) item.load(itemProps.join(','));
  }

  async function sync(): Promise<void> {
    const loads = pending;
    const failure = error;
    const sent = request;
    pending = [];
    error = null;
    request = 0;
    let response = 0;
    if (!failure) {
      for (const { raw, names } of loads) {
        await raw.sync();
        for (const name of names) if (name !== 'items') response += 16 + jsonBytes(raw[name]);
      }
      // office-addin-mock updates nested objects from promises it does not await: let them settle.
      await new Promise((resolve) => setImmediate(resolve));
    }
    batches.push({ request: sent, response });
    if (failure) throw failure;
    if (sent > limit) throw officeError('RequestPayloadSizeLimitExceeded', `request of ${sent} bytes`);
    if (response > limit) throw officeError('ResponsePayloadSizeLimitExceeded', `response of ${response} bytes`);
  }

  const specs = buildSpecs(model, io);

  const runner: ExcelRunner = {
    supports,
    async run(batch) {
      const context = make({ props: { sync }, nav: { workbook: specs.workbook() } }) as Excel.RequestContext;
      request = 0; // the context itself is not a command
      try {
        const result = await batch(context);
        // Excel.run sends whatever is still queued when the batch function returns.
        if (request > 0 || pending.length > 0 || error) await sync();
        return result;
      } finally {
        pending = [];
        error = null;
        request = 0;
      }
    },
  };

  return {
    model,
    runner,
    batches,
    syncCount: () => batches.length,
    maxRequest: () => Math.max(0, ...batches.map((b) => b.request)),
    maxResponse: () => Math.max(0, ...batches.map((b) => b.response)),
    resetStats: () => {
      batches.length = 0;
    },
  };
}

/** A range object's place, so methods taking a Range (tables.add, resize, notes.add) can find it. */
export interface RangeInfo {
  sheet: SheetModel;
  rect: () => Rect;
}

/** What the object builders (mockObjects.ts) use to reach the batch. */
export interface MockIo {
  charge(bytes: number): void;
  fail(code: string, message: string): unknown;
  supports(set: string, version: string): boolean;
  make(spec: Spec): unknown;
  nullObject(props?: Record<string, unknown>): unknown;
  ranges: WeakMap<object, RangeInfo>;
}
