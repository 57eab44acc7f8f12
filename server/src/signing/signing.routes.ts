import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../http/env.js';
import { keyDocument, keyRingFor } from './signing.service.js';

/**
 * The public keys approvals are signed with, without login: anyone holding an exported DIP and its approval can check
 * the signature. Mounted at the root (not under /api) because of the /.well-known path.
 */
export function signingRoutes({ db, config }: AppDeps) {
  const ring = keyRingFor(db, config.signingKeyPkcs8Base64);
  const send = async (c: Context<AppEnv>) =>
    c.json(await keyDocument(db, ring), 200, { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' });
  return new Hono<AppEnv>().get('/api/keys', send).get('/.well-known/dip-sync-keys.json', send);
}
