/**
 * Database errors that are not server faults, told apart so the API can answer them properly (http/errors.ts).
 *
 * Unavailable: the database cannot be reached right now (Postgres restarting or failing over, the network cut), as
 * opposed to a fault in the request or the code. The API answers 503 with Retry-After, so a client retries (with its
 * Idempotency-Key) instead of reporting a server bug; the transaction in flight was rolled back.
 */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const CONNECTION_MESSAGES = [/^Connection terminated/, /not queryable/, /^timeout exceeded when trying to connect/i, /^Connection ended/];

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    // SQLSTATE class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot connect now).
    if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code) || CONNECTION_CODES.has(code)) return true;
  }
  return CONNECTION_MESSAGES.some((re) => re.test(err.message));
}

/**
 * Text Postgres refuses to store: U+0000 (NUL) in a text value, or a character the database encoding lacks. Such
 * text comes from the request (a NUL in a name or a message); the API answers 422 instead of a 500.
 */
export function isUnstorableText(err: unknown): boolean {
  const code = err instanceof Error ? (err as { code?: unknown }).code : undefined;
  return code === '22021' || code === '22P05';
}
