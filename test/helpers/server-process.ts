/**
 * Real DIP Sync server processes for the fault and load tests: `node --import tsx server/src/main.ts`, started
 * directly (not through npx, whose child outlives its PID), on 127.0.0.1 with a port the OS picks.
 *
 * Cleanup even on failure: every process is remembered and SIGKILLed when the test worker exits, and each one also
 * loads parent-watch.ts, which ends it when its stdin closes (the worker died without running exit handlers).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WATCH = path.join(ROOT, 'test/helpers/parent-watch.ts');

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export interface ServerOptions {
  /** Postgres URL; without it the server uses PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  /** Extra environment (LOGIN_LOCK_SECONDS, TRUST_PROXY_HOPS, BODY_LIMIT_MB...). */
  env?: Record<string, string>;
  /** Reuse a port (a restart at the same address). Default: one the OS picks. */
  port?: number;
  startTimeoutMs?: number;
}

export interface ServerProcess {
  pid: number;
  port: number;
  url: string;
  /** The last lines the process wrote (for failure messages). */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>;
  /** Sends `signal` and waits until the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<number | string>;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
  /** Resident set size in bytes, from /proc. */
  rssBytes(): number;
}

function environment(opts: ServerOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(opts.port ?? 0),
    LOG_REQUESTS: '0',
    // A lower scrypt cost only for users created by these tests would not apply to the server: keep its default.
    ...opts.env,
  };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else env.DATA_DIR = opts.dataDir ?? path.join(ROOT, 'data/test-unused');
  return env;
}

export async function startServer(opts: ServerOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', WATCH, 'server/src/main.ts'], {
    cwd: ROOT,
    env: environment(opts),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const output = () => lines.join('\n');

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${opts.startTimeoutMs ?? 60_000} ms:\n${output()}`));
    }, opts.startTimeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      const m = /running at http:\/\/127\.0\.0\.1:(\d+)/.exec(chunk.toString('utf8'));
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve(Number(m[1]));
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it started:\n${output()}`));
    });
  });

  const kill = (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return {
    pid: child.pid!,
    port,
    url: `http://127.0.0.1:${port}`,
    output,
    exited,
    kill,
    async stop() {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await kill('SIGTERM');
      clearTimeout(timer);
    },
    rssBytes() {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : 0;
    },
  };
}

/** Stops every given server (those already gone are fine). */
export async function stopAll(servers: (ServerProcess | undefined)[]): Promise<void> {
  await Promise.all(servers.map((s) => s?.stop()));
}
