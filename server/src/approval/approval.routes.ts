import { Hono } from 'hono';
import { approveRequestSchema, meetingRequestSchema, rejectRequestSchema } from '../../../shared/api.js';
import { requireAuth } from '../auth/auth.middleware.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { validate } from '../http/validation.js';
import { resolveVersion } from '../register/register.service.js';
import { keyRingFor } from '../signing/signing.service.js';
import { getApprovalInfo } from './approval.records.js';
import * as workflow from './approval.service.js';
import { verifyVersionRecords } from './verify.js';

/** The approval workflow of a version (submit, meeting, approve, reject, publish), its records, and its full check. */
export function approvalRoutes({ db, config }: AppDeps) {
  const readers = requireAuth(db, 'ppid', 'approver', 'admin');
  const ppid = requireAuth(db, 'ppid');
  const approver = requireAuth(db, 'approver');
  const ring = keyRingFor(db, config.signingKeyPkcs8Base64);
  const ref = (c: { req: { param(name: 'ref'): string } }) => resolveVersion(db, c.req.param('ref'));

  return new Hono<AppEnv>()
    .get('/register/versions/:ref/approval', readers, async (c) => c.json(await getApprovalInfo(db, await ref(c))))
    .get('/register/versions/:ref/verify', readers, async (c) => c.json(await verifyVersionRecords(db, await ref(c))))
    .post('/register/versions/:ref/submit', ppid, async (c) => c.json(await workflow.submitVersion(db, c.get('user'), await ref(c))))
    .post('/register/versions/:ref/meeting', ppid, validate('json', meetingRequestSchema), async (c) =>
      c.json(await workflow.recordMeeting(db, c.get('user'), await ref(c), c.req.valid('json')), 201),
    )
    .post('/register/versions/:ref/approve', approver, validate('json', approveRequestSchema), async (c) =>
      c.json(await workflow.approveVersion(db, ring, c.get('user'), await ref(c), c.req.valid('json'))),
    )
    .post('/register/versions/:ref/reject', approver, validate('json', rejectRequestSchema), async (c) =>
      c.json(await workflow.rejectVersion(db, c.get('user'), await ref(c), c.req.valid('json'))),
    )
    .post('/register/versions/:ref/publish', ppid, async (c) => c.json(await workflow.publishVersion(db, c.get('user'), await ref(c))));
}
