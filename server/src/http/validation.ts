/**
 * zValidator with the contract's error shape: a body that is not JSON is 400, a body of the wrong shape is 422
 * naming each path at fault.
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { AppError, badRequest } from './errors.js';

/** At most this many paths are named in one 422: enough to fix a body, never a megabyte of errors. */
export const MAX_NAMED_ISSUES = 20;

export interface BodyIssue {
  path: string;
  message: string;
}

/** zod issues as the 422's details, each path prefixed (e.g. `rows.12` for issues inside the 13th row). */
export function bodyIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, prefix: readonly PropertyKey[] = []): BodyIssue[] {
  return error.issues.slice(0, MAX_NAMED_ISSUES).map((i) => ({ path: [...prefix, ...i.path].map(String).join('.'), message: i.message }));
}

export const invalidBody = (issues: BodyIssue[]) =>
  new AppError(422, 'invalid_body', 'Isi permintaan tidak sesuai format.', 'Request body does not match the expected shape.', undefined, issues.slice(0, MAX_NAMED_ISSUES));

export const isJsonContentType = (header: string | undefined) => /^application\/([a-z.+-]*\+)?json\b/i.test(header ?? '');

export const unsupportedContentType = () =>
  new AppError(400, 'unsupported_content_type', 'Isi permintaan harus JSON (Content-Type: application/json).', 'Body must be JSON (Content-Type: application/json).');

export const malformedRequest = () => badRequest('malformed_request', 'Permintaan tidak dapat dibaca (JSON rusak?).', 'Malformed request (broken JSON?).');

/** A parsed body checked against a schema, with validate()'s errors (for routes that read the body themselves). */
export function checkedBody<T extends z.ZodType>(value: unknown, schema: T): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw invalidBody(bodyIssues(r.error));
}

export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(
    target,
    schema,
    (result, c) => {
      if (result.success) return;
      if (target === 'json' && !isJsonContentType(c.req.header('content-type'))) throw unsupportedContentType();
      throw invalidBody(bodyIssues(result.error));
    },
    // Synchronous parsing: zod compiles a fast path for objects that only the synchronous API uses (half the time of
    // safeParseAsync on a 10,000-row push). No schema here has async refinements; one that did would throw here.
    // (The cast: @hono/zod-validator types its option against another copy of zod's core types.)
    { validationFunction: (s, value) => s.safeParse(value) as never },
  );
}
