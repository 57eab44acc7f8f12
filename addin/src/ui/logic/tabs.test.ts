import { describe, expect, it } from 'vitest';
import { tabsFor } from './tabs.js';

describe('tabsFor', () => {
  it('gives each role its panes in order', () => {
    expect(tabsFor('ppid')).toEqual(['sheet', 'sync', 'rounds', 'history', 'reports']);
    expect(tabsFor('approver')).toEqual(['approval', 'history', 'reports']);
    expect(tabsFor('unit')).toEqual(['unit']);
    expect(tabsFor('admin')).toEqual(['history']);
  });
});
