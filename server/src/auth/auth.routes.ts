import { Hono } from 'hono';
import { loginRequestSchema } from '../../../shared/api.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { validate } from '../http/validation.js';
import { requireAuth } from './auth.middleware.js';
import * as auth from './auth.service.js';

export function authRoutes({ db, config }: AppDeps) {
  return new Hono<AppEnv>()
    .post('/auth/login', validate('json', loginRequestSchema), async (c) => {
      const { username, password } = c.req.valid('json');
      return c.json(await auth.login(db, username, password, config.tokenTtlMs));
    })
    .post('/auth/logout', requireAuth(db), async (c) => {
      await auth.logout(db, c.get('user'), c.get('tokenHash'));
      return c.json({ ok: true });
    })
    .get('/me', requireAuth(db), (c) => c.json({ user: c.get('user') }));
}
