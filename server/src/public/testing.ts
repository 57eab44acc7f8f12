/**
 * Test fixtures for the public site: push rows through the real API and publish them, and serve an app on a real
 * loopback port (for the browser tests and the bench).
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { PushResponse } from '../../../shared/api.js';
import type { DipRow } from '../../../shared/row.js';
import type { TestServer } from '../testing/server.js';

type Fixture = Pick<TestServer, 'request' | 'tokens'>;

export interface Pushed {
  version: number;
  contentHash: string;
  /** The stored id of each row, in the order given. */
  ids: string[];
}

async function ok<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Pushes `rows` as the next register version (as user ppid), whatever the head is. */
export async function pushRows(s: Fixture, rows: readonly DipRow[], message = 'uji situs publik'): Promise<Pushed> {
  const info = await s.request('/api/register', { token: s.tokens.ppid });
  const { head } = await ok<{ head: number | null }>(info, 'read register');
  const pre: Record<string, string> = head === null ? { 'If-None-Match': '*' } : { 'If-Match': info.headers.get('etag')! };
  const res = await s.request('/api/register/versions', { method: 'POST', token: s.tokens.ppid, headers: pre, json: { message, rows } });
  const body = await ok<PushResponse>(res, 'push');
  return { version: body.version.version, contentHash: body.version.contentHash, ids: body.ids };
}

export interface Decision {
  decreeNumber: string;
  /** YYYY-MM-DD */
  decreeDate: string;
}

export const DEFAULT_DECISION: Decision = { decreeNumber: '188.4/12/KPTS/PPID/2026', decreeDate: '2026-03-12' };

/**
 * Pushes `rows` and takes that version through the real workflow: submitted by a second PPID, approved with an SK
 * by the approver (four-eyes: neither pushed it), published by the PPID.
 */
export async function publishRows(s: Fixture, rows: readonly DipRow[], decision: Decision = DEFAULT_DECISION): Promise<Pushed> {
  const pushed = await pushRows(s, rows);
  const step = async (action: string, token: string, json?: unknown) =>
    ok<unknown>(await s.request(`/api/register/versions/${pushed.version}/${action}`, { method: 'POST', token, ...(json === undefined ? {} : { json }) }), action);
  await step('submit', s.tokens.ppid2);
  await step('approve', s.tokens.approver, { contentHash: pushed.contentHash, ...decision });
  await step('publish', s.tokens.ppid);
  return pushed;
}

export interface Listening {
  url: string;
  server: ServerType;
  close(): Promise<void>;
}

/** Serves a fetch handler with @hono/node-server on 127.0.0.1 and a free port. */
export function serveOnLoopback(fetch: (req: Request) => Response | Promise<Response>): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        server,
        close: () =>
          new Promise<void>((done) => {
            // Keep-alive sockets (a browser's, autocannon's) would hold close() open: end them.
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
