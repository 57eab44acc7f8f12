import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { loginRequestSchema } from '../../../shared/api.js';
import { AppError } from '../http/errors.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { validate } from '../http/validation.js';
import { requireAuth } from './auth.middleware.js';
import * as auth from './auth.service.js';
import { clientAddress } from './login-limit.client.js';
import { limitLogin, LoginLimitedError, loginLimitPolicy } from './login-limit.js';

const tooLarge = () => {
  throw new AppError(413, 'payload_too_large', 'Isi permintaan terlalu besar.', 'Request body too large.');
};

export function authRoutes({ db, config }: AppDeps) {
  const policy = loginLimitPolicy(config.loginLockSeconds);
  return new Hono<AppEnv>()
    // Anyone may call login: its body (a username and a password) is capped far below the general 1 MB, so a crowd of
    // anonymous requests cannot make the server hold megabytes each.
    .post('/auth/login', bodyLimit({ maxSize: 4096, onError: tooLarge }), validate('json', loginRequestSchema), async (c) => {
      const { username, password } = c.req.valid('json');
      const subject = { username, client: clientAddress(c, config.trustProxyHops) };
      try {
        return c.json(await limitLogin(db, policy, subject, () => auth.login(db, username, password, config.tokenTtlMs)));
      } catch (err) {
        if (err instanceof LoginLimitedError) c.header('Retry-After', String(err.retryAfterSeconds));
        throw err;
      }
    })
    .post('/auth/logout', requireAuth(db), async (c) => {
      await auth.logout(db, c.get('user'), c.get('tokenHash'));
      return c.json({ ok: true });
    })
    .get('/me', requireAuth(db), (c) => c.json({ user: c.get('user') }));
}
