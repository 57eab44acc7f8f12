import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, issueMessage, issueTemplate, quoteValue } from './messages.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('issue message catalogue', () => {
  it('has a non-empty Indonesian and English message for every code, with the same placeholders', () => {
    expect(ISSUE_CODES.length).toBeGreaterThan(20);
    for (const code of ISSUE_CODES) {
      expect(code).toMatch(/^[a-z]+(?:_[a-z0-9]+)*$/);
      const id = issueTemplate(code, 'id');
      const en = issueTemplate(code, 'en');
      expect(id.trim().length, code).toBeGreaterThan(10);
      expect(en.trim().length, code).toBeGreaterThan(10);
      expect(id, `${code} is translated`).not.toBe(en);
      expect(placeholders(id), code).toEqual(placeholders(en));
    }
  });

  it('fills placeholders, Indonesian by default', () => {
    expect(issueMessage('required', undefined, { label: 'Judul Informasi' })).toBe('Judul Informasi wajib diisi.');
    expect(issueMessage('required', 'en', { label: 'Title' })).toBe('Title is required.');
    expect(issueMessage('title_too_long', 'id', { length: 612, max: 500 })).toBe(
      'Judul Informasi terlalu panjang: 612 karakter (maksimal 500).',
    );
  });

  it('leaves a placeholder without a value visible instead of blanking it', () => {
    expect(issueMessage('required', 'id')).toBe('{label} wajib diisi.');
  });

  it('does not read placeholders from the object prototype', () => {
    expect(issueMessage('unknown_unit', 'en', {})).toContain('{unit}');
    expect(issueMessage('unknown_unit', 'en', { unit: '$& {unit} $1' })).toBe('Unit "$& {unit} $1" is not in the list of known units.');
  });

  it('shortens long quoted values', () => {
    expect(quoteValue('abc')).toBe('abc');
    const long = quoteValue('x'.repeat(500));
    expect(long).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
  });
});
