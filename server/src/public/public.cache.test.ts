import { describe, expect, it } from 'vitest';
import { Lru, singleFlight } from './public.cache.js';

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe('Lru', () => {
  it('shares one load between concurrent callers and keeps the result', async () => {
    const lru = new Lru<string>(4);
    let loads = 0;
    const load = async () => `v${++loads}`;
    const [a, b] = await Promise.all([lru.getOrLoad('k', load), lru.getOrLoad('k', load)]);
    expect([a, b, loads]).toEqual(['v1', 'v1', 1]);
    expect(await lru.getOrLoad('k', load)).toBe('v1');
  });

  it('forgets a failed load so the next caller tries again', async () => {
    const lru = new Lru<string>(4);
    await expect(lru.getOrLoad('k', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await Promise.resolve();
    expect(await lru.getOrLoad('k', async () => 'ok')).toBe('ok');
  });

  it('evicts the least recently used beyond its entry and byte limits', async () => {
    const lru = new Lru<string>(2, 10, (v) => v.length);
    await lru.getOrLoad('a', async () => 'aaaa');
    await lru.getOrLoad('b', async () => 'bbbb');
    await lru.getOrLoad('a', async () => 'x'); // touch a: b is now the oldest
    await lru.getOrLoad('c', async () => 'cccc');
    expect(await lru.getOrLoad('a', async () => 'reloaded')).toBe('aaaa');
    expect(await lru.getOrLoad('b', async () => 'reloaded')).toBe('reloaded');
    const big = new Lru<string>(10, 10, (v) => v.length);
    await big.getOrLoad('x', async () => '123456');
    await big.getOrLoad('y', async () => '123456');
    expect(big.size).toBe(1);
  });
});

describe('singleFlight', () => {
  it('shares the call in flight, then calls again', async () => {
    let calls = 0;
    let gate = deferred<number>();
    const read = singleFlight(() => {
      calls++;
      return gate.promise;
    });
    const p1 = read();
    const p2 = read();
    gate.resolve(1);
    expect([await p1, await p2, calls]).toEqual([1, 1, 1]);
    gate = deferred<number>();
    const p3 = read();
    gate.resolve(2);
    expect([await p3, calls]).toEqual([2, 2]);
  });
});
