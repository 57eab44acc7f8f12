/**
 * The client address the login limiter keys on. Behind a reverse proxy or load balancer every request comes from the
 * proxy, so with TRUST_PROXY_HOPS=n the address is taken from X-Forwarded-For: the entry the nearest trusted proxy
 * appended, n from the right (entries further left are whatever the client chose to send, and are ignored).
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The address of the TCP peer; requests that come through `app.request` (tests) have none. */
function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function clientAddress(c: Context, trustProxyHops: number): string {
  if (trustProxyHops > 0) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const entry = forwarded[forwarded.length - trustProxyHops];
    // Bounded: it becomes part of a hashed key, but a megabyte of header must not be hashed on every attempt.
    if (entry) return entry.slice(0, 100);
  }
  return socketAddress(c);
}
