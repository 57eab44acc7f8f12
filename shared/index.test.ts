import { describe, expect, it } from 'vitest';
import * as shared from './index.js';

describe('shared barrel', () => {
  it('re-exports the domain API the server and the task pane call', () => {
    const names = [
      'validateRows', 'hasErrors', 'summarizeIssues', 'issueColumn', 'parseDipGrid', 'toDipGrid', 'normalizeRow',
      'normalizeCategory', 'normalizeFormats', 'normalizeRetention', 'normalizeCreatedWhen', 'normalizeText',
      'parseExemptionBasis', 'formatExemptionBasis', 'issueMessage', 'canonicalRow', 'contentHash', 'diff', 'applyDiff',
      'threeWayMerge', 'headerKey',
    ];
    for (const name of names) expect(typeof (shared as Record<string, unknown>)[name], name).toBe('function');
    expect(shared.dipRowSchema.safeParse({}).success).toBe(false);
    expect(shared.DIP_HEADERS).toHaveLength(16);
    expect(shared.ISSUE_CODES).toContain('permanent_exclusion');
  });
});
