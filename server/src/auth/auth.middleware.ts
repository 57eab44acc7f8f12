import { createMiddleware } from 'hono/factory';
import type { Role } from '../../../shared/api.js';
import type { Db } from '../db/database.js';
import { forbidden, unauthorized } from '../http/errors.js';
import type { AppEnv } from '../http/env.js';
import { authenticate, hashToken } from './auth.service.js';

/** Bearer-token auth; `roles` limits who may pass (403 for the others). */
export function requireAuth(db: Db, ...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+([A-Za-z0-9_-]{16,200})$/.exec(header);
    if (!m?.[1]) throw unauthorized();
    const user = await authenticate(db, m[1]);
    if (roles.length > 0 && !roles.includes(user.role)) throw forbidden();
    c.set('user', user);
    c.set('tokenHash', hashToken(m[1]));
    await next();
  });
}
