import { Hono } from 'hono';
import { createUnitSchema, createUserSchema } from '../../../shared/api.js';
import { requireAuth } from '../auth/auth.middleware.js';
import * as auth from '../auth/auth.service.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { validate } from '../http/validation.js';

export function adminRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    // Every signed-in role needs the unit list (task pane drop-downs, validation of owning units).
    .get('/units', requireAuth(db), async (c) => c.json({ units: await auth.listUnits(db) }))
    .post('/units', requireAuth(db, 'admin'), validate('json', createUnitSchema), async (c) =>
      c.json(await auth.createUnit(db, c.get('user').username, c.req.valid('json')), 201),
    )
    .get('/users', requireAuth(db, 'admin'), async (c) => c.json({ users: await auth.listUsers(db) }))
    .post('/users', requireAuth(db, 'admin'), validate('json', createUserSchema), async (c) =>
      c.json(await auth.createUser(db, c.get('user').username, c.req.valid('json')), 201),
    );
}
