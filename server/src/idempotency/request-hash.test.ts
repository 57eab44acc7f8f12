import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeSha256 } from '../crypto.js';
import { requestHash } from './idempotency.service.js';

describe('requestHash', () => {
  it('is SHA-256 of "method \\n path \\n body" (keys remembered before it was fed in parts still match)', () => {
    fc.assert(
      fc.property(fc.constantFrom('POST', 'PUT'), fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 200 }), (method, path, body) => {
        expect(requestHash(method, path, body)).toBe(nodeSha256(`${method}\n${path}\n${body}`));
      }),
    );
    expect(requestHash('POST', '/api/register/versions', '{"a":1}')).not.toBe(requestHash('POST', '/api/register/versions', '{"a":2}'));
  });
});
