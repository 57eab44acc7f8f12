import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { workflow } from '../approval/approval.testkit.js';
import { createApp } from '../app.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { createKeyRing, keyIdOf, verifySignature, type KeyDocument } from './signing.service.js';

async function freshKeyPair() {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { pkcs8: Buffer.from(await crypto.subtle.exportKey('pkcs8', pair.privateKey)).toString('base64'), keyId: keyIdOf(raw), publicKey: Buffer.from(raw).toString('base64url') };
}

describe.each(testBackends)('signing keys on $name', (backend) => {
  let s: TestServer;
  let dataDir: string | undefined;

  beforeAll(async () => {
    dataDir = backend.name === 'pglite' ? mkdtempSync(path.join(tmpdir(), 'dip-keys-')) : undefined;
    s = await startTestServer(backend, dataDir ? { dataDir } : {});
  });
  afterAll(async () => {
    await s.database.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const keys = async () => {
    const res = await s.request('/api/keys');
    expect(res.status).toBe(200);
    return (await res.json()) as KeyDocument;
  };

  it('publishes one generated key without login, at /api/keys and /.well-known', async () => {
    const doc = await keys();
    expect(doc.keys).toHaveLength(1);
    const [k] = doc.keys;
    expect(k).toMatchObject({ algorithm: 'Ed25519', source: 'generated', active: true, jwk: { kty: 'OKP', crv: 'Ed25519', x: k!.publicKey, kid: k!.keyId } });
    expect(k!.keyId).toBe(keyIdOf(new Uint8Array(Buffer.from(k!.publicKey, 'base64url'))));
    const wellKnown = await s.request('/.well-known/dip-sync-keys.json');
    expect(wellKnown.headers.get('access-control-allow-origin')).toBe('*');
    expect(await wellKnown.json()).toEqual(doc);
    expect(JSON.stringify(doc)).not.toMatch(/private|pkcs8/i);
  });

  it('keeps the same key across a restart', async () => {
    const before = (await keys()).keys[0]!.keyId;
    await s.restart();
    expect((await keys()).keys.map((k) => k.keyId)).toEqual([before]);
  });

  it('two instances starting together on an empty database agree on one key', async () => {
    const fresh = await backend.create();
    try {
      const db = fresh.handle.db;
      const ids = await Promise.all([createKeyRing(db).activeKeyId(), createKeyRing(db).activeKeyId(), createKeyRing(db).activeKeyId()]);
      expect(new Set(ids).size).toBe(1);
      expect(await db.selectFrom('signing_keys').select('key_id').execute()).toEqual([{ key_id: ids[0] }]);
    } finally {
      await fresh.dispose();
    }
  });

  it('signs with SIGNING_KEY_PKCS8_BASE64 when given, keeps its private half out of the database, and old approvals still verify', async () => {
    const w = workflow(s);
    const old = await w.approved(sampleRows(3));
    const oldApproval = (await w.info(old.version)).body.approval!;

    const envKey = await freshKeyPair();
    const app = createApp({ db: s.db, config: { ...s.config, signingKeyPkcs8Base64: envKey.pkcs8 } });
    // The same database served by an app configured with the key (what a restart with the variable set does).
    const request: TestServer['request'] = (p, init = {}) => {
      const headers = new Headers(init.headers);
      if (init.token) headers.set('authorization', `Bearer ${init.token}`);
      if (init.json !== undefined) headers.set('content-type', 'application/json');
      return Promise.resolve(app.request(p, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : (init.body ?? null) }));
    };
    const withEnvKey: TestServer = { ...s, app, request };
    const w2 = workflow(withEnvKey);
    const v = await w2.approved(sampleRows(3, 10));
    const approval = (await w2.info(v.version)).body.approval!;
    expect(approval.keyId).toBe(envKey.keyId);
    expect(approval.keyId).not.toBe(oldApproval.keyId);

    const doc = (await (await app.request('/api/keys')).json()) as KeyDocument;
    expect(doc.keys.map((k) => [k.keyId, k.source, k.active]).sort()).toEqual([[envKey.keyId, 'env', true], [oldApproval.keyId, 'generated', false]].sort());
    expect(doc.keys.find((k) => k.keyId === envKey.keyId)!.publicKey).toBe(envKey.publicKey);
    const stored = await s.db.selectFrom('signing_keys').select(['key_id', 'private_key_pkcs8']).where('key_id', '=', envKey.keyId).executeTakeFirstOrThrow();
    expect(stored.private_key_pkcs8).toBeNull();

    expect(await verifySignature(s.db, approval.keyId, approval.payload, approval.signature)).toBe('valid');
    expect(await verifySignature(s.db, oldApproval.keyId, oldApproval.payload, oldApproval.signature)).toBe('valid');
    expect(await verifySignature(s.db, oldApproval.keyId, approval.payload, oldApproval.signature)).toBe('invalid');
    expect(await verifySignature(s.db, 'ffffffffffffffff', approval.payload, approval.signature)).toBe('unknown_key');
    expect((await w2.verify(old.version)).body).toMatchObject({ ok: true, signature: 'valid' });
  });

  it('says clearly when the configured key is not an Ed25519 PKCS#8 key', async () => {
    await expect(createKeyRing(s.db, Buffer.from('not a key').toString('base64')).activeKeyId()).rejects.toThrow(/SIGNING_KEY_PKCS8_BASE64/);
  });
});
