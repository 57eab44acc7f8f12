import type { Generated } from 'kysely';

/** A signing key pair (Ed25519). Public keys are kept forever; see migrations/0002_approval.ts. */
export interface SigningKeysTable {
  /** First 16 hex digits of SHA-256 over the raw public key. */
  key_id: string;
  algorithm: 'Ed25519';
  /** Raw 32-byte public key, base64url. */
  public_key: string;
  /** PKCS#8 private key, base64; null for a key given through the environment. */
  private_key_pkcs8: string | null;
  source: 'generated' | 'env';
  created_at: Generated<Date>;
}

export interface SigningTables {
  signing_keys: SigningKeysTable;
}
