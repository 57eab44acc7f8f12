import { describe, expect, it } from 'vitest';
import { memoryStorage, prefixedStorage } from '../../office/storage.js';
import type { VersionMeta } from '../../../../shared/api.js';
import { defaultPair } from './history.js';
import { clearSession, lastServerUrl, loadSession, saveSession } from './session.js';

const login = { token: 't0k3n', expiresAt: '2030-01-01T00:00:00.000Z', user: { id: 1, username: 'ppid', role: 'ppid' as const, unitCode: null } };

describe('session storage', () => {
  it('keeps the session per partition key', () => {
    const backing = new Map<string, string>();
    const storage = {
      getItem: (k: string) => backing.get(k) ?? null,
      setItem: (k: string, v: string) => void backing.set(k, v),
      removeItem: (k: string) => void backing.delete(k),
    } as Storage;
    const a = prefixedStorage('partA', storage);
    const b = prefixedStorage('partB', storage);
    saveSession(a, 'https://dip.test', login);
    expect(loadSession(a)?.token).toBe('t0k3n');
    expect(loadSession(b)).toBeNull();
    expect([...backing.keys()].every((k) => k.startsWith('partA:dipsync:'))).toBe(true);
    expect(lastServerUrl(b, 'https://origin.test')).toBe('https://origin.test');
    expect(lastServerUrl(a, 'https://origin.test')).toBe('https://dip.test');
  });

  it('forgets an expired session, and sign-out clears it', () => {
    const s = memoryStorage();
    saveSession(s, 'https://dip.test', login);
    expect(loadSession(s, Date.parse('2031-01-01'))).toBeNull();
    expect(s.get('session')).toBeNull();
    saveSession(s, 'https://dip.test', login);
    clearSession(s);
    expect(loadSession(s)).toBeNull();
  });

  it('survives a storage that throws (locked-down browser)', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => undefined } as unknown as Storage;
    const s = prefixedStorage(null, broken);
    expect(s.set('x', '1')).toBe(false);
    expect(s.get('x')).toBeNull();
  });
});

describe('defaultPair', () => {
  const meta = (version: number, parent: number | null): VersionMeta =>
    ({ version, parent, author: 'a', message: 'm', contentHash: 'h', rowCount: 1, state: 'draft', createdAt: '2024-01-01T00:00:00Z' });
  it('compares the newest version with its parent', () => {
    expect(defaultPair([meta(3, 1), meta(2, 1), meta(1, null)])).toEqual({ from: 1, to: 3 });
    expect(defaultPair([meta(1, null)])).toBeNull();
  });
});
