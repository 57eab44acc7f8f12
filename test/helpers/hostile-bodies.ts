/**
 * fast-check arbitraries for hostile requests: JSON built as text (so `__proto__` and duplicate keys reach the server
 * literally), well-formed bodies with one part broken, deep nesting, broken JSON, odd content types, garbage
 * multipart uploads, and hostile path parameters and headers.
 */
import fc from 'fast-check';

type Tree = null | boolean | number | string | { arr: Tree[] } | { obj: [string, Tree][] };

const NASTY = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\u202eevil', '\ufeff', '\r\n', '=HYPERLINK("http://x")', '+1+1', '@SUM(A1)', '-2+3',
  '<script>alert(1)</script>', "'; drop table users; --", '../../../etc/passwd', '%00', 'null', 'undefined', 'NaN', '-0', '1e309',
  '𝕯𝕴𝕻 🇮🇩', 'head', 'published', '2025-02-30', '9999-99-99', 'berkala', 'dikecualikan', 'softcopy',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  fc.constantFrom(...NASTY),
  fc.integer({ min: 1000, max: 120_000 }).map((n) => 'x'.repeat(n)),
);

const hostileKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf', 'then'), hostileString);
const hostileNumber = fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.constantFrom(1e308, -1e-308, 2 ** 53 + 1, -0, 0.1, 1e21));

const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    hostileNumber,
    hostileString,
    fc.array(tie('tree'), { maxLength: 4 }).map((arr) => ({ arr })),
    fc.array(fc.tuple(hostileKey, tie('tree')), { maxLength: 4 }).map((obj) => ({ obj })),
  ),
}));

function render(t: Tree): string {
  if (t === null || typeof t !== 'object') return JSON.stringify(t) ?? 'null';
  if ('arr' in t) return `[${t.arr.map(render).join(',')}]`;
  return `{${t.obj.map(([k, v]) => `${JSON.stringify(k)}:${render(v)}`).join(',')}}`;
}

function toTree(v: unknown): Tree {
  if (Array.isArray(v)) return { arr: v.map(toTree) };
  if (v !== null && typeof v === 'object') return { obj: Object.entries(v).map(([k, x]) => [k, toTree(x)]) };
  return v as Tree;
}

/** Every node of a tree with a way to replace it, depth first. */
function nodes(t: Tree, replace: (n: Tree) => Tree, out: { node: Tree; replace: (n: Tree) => Tree }[] = []) {
  out.push({ node: t, replace });
  if (t && typeof t === 'object') {
    if ('arr' in t) t.arr.forEach((c, i) => nodes(c, (n) => ((t.arr[i] = n), n), out));
    else t.obj.forEach((e, i) => nodes(e[1], (n) => ((t.obj[i] = [e[0], n]), n), out));
  }
  return out;
}

type Mutation =
  | { op: 'poison'; at: number; with: string }
  | { op: 'replace'; at: number; with: Tree }
  | { op: 'drop'; at: number }
  | { op: 'add'; at: number; key: string; value: Tree }
  | { op: 'duplicate'; at: number; value: Tree }
  | { op: 'wrap'; at: number };

// `poison` keeps the shape and swaps one text for a hostile one: that is what gets past validation to the database.
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('poison' as const), at: fc.nat(), with: fc.oneof(fc.constantFrom(...NASTY), hostileString) }) },
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), with: tree }),
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: hostileKey, value: tree }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), value: tree }),
  fc.record({ op: fc.constant('wrap' as const), at: fc.nat() }),
);

/** A well-formed body with one to three parts broken. */
export function mutated(sample: unknown, ms: Mutation[]): string {
  const root: { arr: Tree[] } = { arr: [toTree(structuredClone(sample))] };
  for (const m of ms) {
    const all = nodes(root.arr[0]!, (n) => (root.arr[0] = n));
    const target = all[m.at % all.length]!;
    const objects = all.filter((x) => x.node && typeof x.node === 'object' && 'obj' in x.node);
    const obj = objects.length ? (objects[m.at % objects.length]!.node as { obj: [string, Tree][] }) : undefined;
    const texts = all.filter((x) => typeof x.node === 'string');
    if (m.op === 'poison') {
      if (texts.length) texts[m.at % texts.length]!.replace(m.with);
    } else if (m.op === 'replace') target.replace(m.with);
    else if (m.op === 'wrap') target.replace({ arr: [target.node] });
    else if (obj && m.op === 'drop' && obj.obj.length) obj.obj.splice(m.at % obj.obj.length, 1);
    else if (obj && m.op === 'add') obj.obj.push([m.key, m.value]);
    else if (obj && m.op === 'duplicate' && obj.obj.length) obj.obj.push([obj.obj[m.at % obj.obj.length]![0], m.value]);
  }
  return render(root.arr[0]!);
}

/** Nesting `depth` levels deep, optionally under a key the endpoint expects. */
export function deep(depth: number, shape: 'array' | 'object', under: string | null): string {
  const inner = shape === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return under ? `{${JSON.stringify(under)}:${inner}}` : inner;
}

const RAW = [
  '', 'null', '[]', '{}', '"x"', '0', '1e999999', '{"a":1}garbage', '\ufeff{}', '{"a":NaN}', '{"a":undefined}', "{'a':1}", '{"a":1,}', '[1,]',
  '{"__proto__":{"polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}', '{"__proto__":null}', '\u0000', '{"a":"\\ud800"}', '{"a":"\\u0000"}',
];

export type HostileBody =
  | { kind: 'text'; text: string; contentType: string | null }
  | { kind: 'form'; parts: { field: string; name: string; bytes: Uint8Array }[] };

const CONTENT_TYPES = [
  'application/json; charset=utf-16le', 'APPLICATION/JSON', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=----x',
  'multipart/form-data', 'application/vnd.dip+json', 'application/json; boundary=x', 'application/xml', '*/*', 'application/json\u00ff',
];

/** Bodies for an endpoint whose well-formed body is `sample` (undefined: it takes none). */
export function hostileBody(sample: unknown): fc.Arbitrary<HostileBody> {
  const json = (text: string): HostileBody => ({ kind: 'text', text, contentType: 'application/json' });
  const base = sample ?? {};
  return fc.oneof(
    { weight: 8, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => json(mutated(base, ms))) },
    { weight: 3, arbitrary: tree.map((t) => json(render(t))) },
    { weight: 2, arbitrary: fc.oneof(fc.constantFrom(...RAW), hostileString, fc.nat().map((n) => JSON.stringify(base).slice(0, n % (JSON.stringify(base).length + 1)))).map(json) },
    {
      weight: 2,
      arbitrary: fc
        .record({ depth: fc.integer({ min: 50, max: 120_000 }), shape: fc.constantFrom('array' as const, 'object' as const), under: fc.option(fc.constantFrom(...Object.keys(base), 'rows')) })
        .map((d) => json(deep(d.depth, d.shape, d.under))),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ type: fc.option(fc.constantFrom(...CONTENT_TYPES)), text: fc.oneof(fc.constant(JSON.stringify(base)), fc.constantFrom('a=1&__proto__[polluted]=1&constructor[prototype][x]=1', '------x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\u0003\u0004garbage\r\n------x--', '--', 'PK\u0003\u0004'), hostileString) })
        .map((r): HostileBody => ({ kind: 'text', text: r.text, contentType: r.type })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.record({ field: fc.constantFrom('file', 'rows', '__proto__', 'constructor'), name: fc.oneof(fc.constantFrom('template.xlsx', 'dip.csv', '../../x.xlsx', 'a\u0000.xlsx', ''), hostileString), bytes: fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.constant(Uint8Array.from(Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000', 'latin1')))) }), { minLength: 1, maxLength: 3 })
        .map((parts): HostileBody => ({ kind: 'form', parts })),
    },
  );
}

/** A path parameter: usually a real one, sometimes not. */
export const hostileParam = (real: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(real) },
    { weight: 2, arbitrary: fc.constantFrom('0', '-1', '1.5', '1e3', '99999999999999999999', 'head', 'published', 'latest', '%00', '%2e%2e%2f', 'abc', '%F0%9F%92%A9', '%', '1%20') },
    { weight: 1, arbitrary: hostileString.filter((s) => s.length > 0 && s.length < 200).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, 'x'))) },
  );

/** A header value a client can send (visible latin-1 characters), hostile in content. */
export const hostileHeader = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'abcXYZ019_.:-/"*, Wé\u00ff'), maxLength: 300 }),
  fc.constantFrom('*', 'W/"1-0000000000000000"', '"1-0000000000000000"', '"empty"', '', 'W/', '"999999999-zzzz"'),
);
