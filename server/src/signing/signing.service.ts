/**
 * Ed25519 signatures through WebCrypto (globalThis.crypto.subtle). The server signs with one active key: the one given
 * in SIGNING_KEY_PKCS8_BASE64, or else the key pair it generated on first use and keeps in the database. Every public
 * key it ever used stays in `signing_keys`, so an approval signed years ago still verifies after a key change.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import * as repo from './signing.repository.js';

const ED25519 = { name: 'Ed25519' } as const;
const subtle = () => globalThis.crypto.subtle;

export interface PublicKeyInfo {
  keyId: string;
  algorithm: 'Ed25519';
  /** Raw 32-byte public key, base64url. */
  publicKey: string;
  /** The same key as a JWK (RFC 8037), for tools that take one. */
  jwk: { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string };
  source: 'generated' | 'env';
  createdAt: string;
  /** The key new approvals are signed with. */
  active: boolean;
}

export interface KeyDocument {
  /** How to check an approval: which bytes are signed. */
  signedPayload: string;
  keys: PublicKeyInfo[];
}

export type SignatureCheck = 'valid' | 'invalid' | 'unknown_key';

/** Key id: the first 16 hex digits of SHA-256 over the raw public key. */
export const keyIdOf = (rawPublicKey: Uint8Array): string => createHash('sha256').update(rawPublicKey).digest('hex').slice(0, 16);

const b64url = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64url');

interface ActiveKey {
  keyId: string;
  privateKey: CryptoKey;
}

async function importPrivate(pkcs8: Uint8Array<ArrayBuffer>): Promise<{ privateKey: CryptoKey; rawPublic: Uint8Array }> {
  // Imported extractable once, only to read the public half (`x`) from its JWK; the key kept for signing is not.
  const exportable = await subtle().importKey('pkcs8', pkcs8, ED25519, true, ['sign']);
  const jwk = await subtle().exportKey('jwk', exportable);
  if (!jwk.x) throw new Error('Ed25519 private key without public part');
  const privateKey = await subtle().importKey('pkcs8', pkcs8, ED25519, false, ['sign']);
  return { privateKey, rawPublic: new Uint8Array(Buffer.from(jwk.x, 'base64url')) };
}

async function loadFromEnv(db: Db, pkcs8Base64: string): Promise<ActiveKey> {
  let imported: Awaited<ReturnType<typeof importPrivate>>;
  try {
    imported = await importPrivate(new Uint8Array(Buffer.from(pkcs8Base64, 'base64')));
  } catch (err) {
    throw new Error(`SIGNING_KEY_PKCS8_BASE64 is not an Ed25519 PKCS#8 key in base64: ${String(err)}`, { cause: err });
  }
  const keyId = keyIdOf(imported.rawPublic);
  await repo.insertKeyIfAbsent(db, { key_id: keyId, public_key: b64url(imported.rawPublic), private_key_pkcs8: null, source: 'env' });
  return { keyId, privateKey: imported.privateKey };
}

async function loadOrGenerate(db: Db): Promise<ActiveKey> {
  let stored = await repo.findGeneratedKey(db);
  if (!stored) {
    const pair = (await subtle().generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
    const rawPublic = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
    const pkcs8 = await subtle().exportKey('pkcs8', pair.privateKey);
    // Two instances starting together may both get here: the unique index keeps the first, and both read it back.
    await repo.insertKeyIfAbsent(db, {
      key_id: keyIdOf(rawPublic),
      public_key: b64url(rawPublic),
      private_key_pkcs8: Buffer.from(pkcs8).toString('base64'),
      source: 'generated',
    });
    stored = await repo.findGeneratedKey(db);
  }
  if (!stored?.private_key_pkcs8) throw new Error('generated signing key has no private key');
  const { privateKey } = await importPrivate(new Uint8Array(Buffer.from(stored.private_key_pkcs8, 'base64')));
  return { keyId: stored.key_id, privateKey };
}

export interface KeyRing {
  /** Signs UTF-8 text with the active key (loading or generating it on first use). */
  sign(text: string): Promise<{ keyId: string; signature: string }>;
  activeKeyId(): Promise<string>;
}

/** One per app instance: the active key is loaded once, then kept in memory. */
export function createKeyRing(db: Db, pkcs8Base64?: string): KeyRing {
  let active: Promise<ActiveKey> | undefined;
  const load = () => {
    active ??= (pkcs8Base64 ? loadFromEnv(db, pkcs8Base64) : loadOrGenerate(db)).catch((err: unknown) => {
      active = undefined; // a failed load (database down) is retried on the next call
      throw err;
    });
    return active;
  };
  return {
    async sign(text) {
      const k = await load();
      const sig = await subtle().sign(ED25519, k.privateKey, new TextEncoder().encode(text));
      return { keyId: k.keyId, signature: b64url(sig) };
    },
    activeKeyId: async () => (await load()).keyId,
  };
}

const rings = new WeakMap<Db, Map<string, KeyRing>>();

/** The ring of this database and key setting: the approval routes and the key routes of one app share it (one load). */
export function keyRingFor(db: Db, pkcs8Base64?: string): KeyRing {
  let byKey = rings.get(db);
  if (!byKey) rings.set(db, (byKey = new Map()));
  let ring = byKey.get(pkcs8Base64 ?? '');
  if (!ring) byKey.set(pkcs8Base64 ?? '', (ring = createKeyRing(db, pkcs8Base64)));
  return ring;
}

/** Checks a signature against the public key stored under `keyId`. */
export async function verifySignature(db: Db, keyId: string, text: string, signature: string): Promise<SignatureCheck> {
  const stored = await repo.findPublicKey(db, keyId);
  if (!stored) return 'unknown_key';
  try {
    const key = await subtle().importKey('raw', new Uint8Array(Buffer.from(stored.public_key, 'base64url')), ED25519, false, ['verify']);
    const ok = await subtle().verify(ED25519, key, new Uint8Array(Buffer.from(signature, 'base64url')), new TextEncoder().encode(text));
    return ok ? 'valid' : 'invalid';
  } catch {
    return 'invalid'; // a mangled key or signature is as good as a wrong one
  }
}

export const SIGNED_PAYLOAD_DESCRIPTION =
  'Ed25519 over the UTF-8 bytes of the JSON {approvedAt, approver, contentHash, decreeDate, decreeNumber, version} with keys sorted and no whitespace';

/** The published key list (after making sure the active key exists, so a fresh server already lists it). */
export async function keyDocument(db: Db, ring: KeyRing): Promise<KeyDocument> {
  const activeId = await ring.activeKeyId();
  const keys = await repo.listPublicKeys(db);
  return {
    signedPayload: SIGNED_PAYLOAD_DESCRIPTION,
    keys: keys.map((k) => ({
      keyId: k.key_id,
      algorithm: k.algorithm,
      publicKey: k.public_key,
      jwk: { kty: 'OKP', crv: 'Ed25519', x: k.public_key, kid: k.key_id },
      source: k.source,
      createdAt: k.created_at.toISOString(),
      active: k.key_id === activeId,
    })),
  };
}
