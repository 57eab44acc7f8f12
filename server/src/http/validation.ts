/**
 * zValidator with the contract's error shape: a body that is not JSON is 400, a body of the wrong shape is 422
 * naming each path at fault.
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { AppError } from './errors.js';

export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c) => {
    if (result.success) return;
    if (target === 'json' && !/^application\/([a-z.+-]*\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
      throw new AppError(400, 'unsupported_content_type', 'Isi permintaan harus JSON (Content-Type: application/json).', 'Body must be JSON (Content-Type: application/json).');
    }
    const issues = result.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError(422, 'invalid_body', 'Isi permintaan tidak sesuai format.', 'Request body does not match the expected shape.', undefined, issues);
  });
}
