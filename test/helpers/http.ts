/** HTTP to a real server process over loopback: `fetch` for ordinary calls, node:http for hand-made bodies. */
import http from 'node:http';
import { testRequestInit } from '../../server/src/testing/request-init.js';

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

export interface CallInit {
  method?: string;
  token?: string;
  json?: unknown;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

/** One request; the body is always read (so connections are reused) and parsed as JSON when it is JSON. */
export async function call<T = unknown>(base: string, path: string, init: CallInit = {}): Promise<Reply<T>> {
  const { headers, body } = testRequestInit(init);
  const res = await fetch(new URL(path, base), { method: init.method ?? (body === null ? 'GET' : 'POST'), headers, body: body as BodyInit | null });
  const text = await res.text();
  let json: unknown = undefined;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) json = JSON.parse(text);
  return { status: res.status, headers: res.headers, text, json: json as T };
}

export interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The connection broke while we were still sending (the server answered early and closed). */
  writeError?: string;
}

/**
 * A request whose body is sent as the given chunks: with `Content-Length` (the chunks' total, or `declaredLength`)
 * or with `Transfer-Encoding: chunked`. Resolves with the server's answer even when it answers before the body is
 * all sent and drops the connection.
 */
export function rawRequest(
  port: number,
  opts: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    chunks: Buffer[];
    chunked?: boolean;
    timeoutMs?: number;
    /** Called once the whole body has been handed to the OS. */
    onSent?: () => void;
  },
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const total = opts.chunks.reduce((n, c) => n + c.length, 0);
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.chunked) headers['transfer-encoding'] = 'chunked';
    else headers['content-length'] = String(total);
    // Keep-alive, as browsers and fetch do: with `Connection: close` Node's server closes the socket right after an
    // early answer (a 413 before the body is read), and the reset can destroy that answer before it is read here.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'POST', path: opts.path, headers, agent });
    const done = () => agent.destroy();
    let writeError: string | undefined;
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${opts.timeoutMs ?? 30_000} ms`));
    }, opts.timeoutMs ?? 30_000);
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => {
        clearTimeout(timer);
        done();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8'), ...(writeError ? { writeError } : {}) });
      });
      res.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    let sent = false;
    req.on('finish', () => {
      sent = true;
      opts.onSent?.();
    });
    req.on('error', (e) => {
      const fail = () => {
        clearTimeout(timer);
        done();
        reject(new Error(`request failed before any answer: ${e.message}`));
      };
      if (sent) return fail();
      // EPIPE/ECONNRESET while writing after the server already answered: the 'response' above still arrives.
      writeError = e.message;
      setTimeout(fail, 2000).unref();
    });
    void (async () => {
      for (const chunk of opts.chunks) {
        if (req.destroyed) return;
        if (!req.write(chunk)) {
          await new Promise<void>((r) => {
            const go = () => {
              req.off('drain', go).off('close', go);
              r();
            };
            req.on('drain', go).on('close', go);
          });
        }
      }
      req.end();
    })();
  });
}
