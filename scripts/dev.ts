/**
 * `npm run dev`: the API server and Vite's dev server for the task pane, together, stopped together.
 *
 * - API server (server/src/main.ts) on http://127.0.0.1:$DEV_API_PORT (default 3001), same settings as `npm start`
 *   (PGlite in ./data unless DATABASE_URL is set).
 * - Vite on port $DEV_PORT (default 3000, the origin manifest.xml points at), https when office-addin-dev-certs'
 *   certificate exists (see addin/vite.config.ts); it proxies /api and /office-js to the API server, so the pane
 *   and the API share one origin as in production.
 *
 * Both are plain node processes started here (not through npx, whose child outlives a killed npx — STACK.md); their
 * PIDs are kept and both are stopped on Ctrl-C, on SIGTERM, or when either one exits. Each child also watches its
 * stdin pipe from this script and stops itself if this script dies without cleaning up (even on SIGKILL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = process.env.DEV_API_PORT ?? '3001';
const vitePort = process.env.DEV_PORT ?? '3000';
const apiUrl = `http://127.0.0.1:${apiPort}`;
const https = process.env.DEV_HTTPS !== '0' && existsSync(path.join(homedir(), '.office-addin-dev-certs', 'localhost.crt'));

// Loaded into each child: when this script's end of the stdin pipe closes, the child shuts down as on SIGTERM.
const WATCH_PARENT = `data:text/javascript,${encodeURIComponent("process.stdin.on('end',()=>process.kill(process.pid,'SIGTERM'));process.stdin.resume();")}`;

const children = new Map<string, ChildProcess>();
let stopping = false;

function prefixed(name: string, stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream): void {
  let rest = '';
  stream?.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) out.write(`[${name}] ${line}\n`);
  });
  stream?.on('end', () => rest && out.write(`[${name}] ${rest}\n`));
}

function start(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // detached: own process group, so a Ctrl-C in the terminal reaches only this script, which stops both in order.
  const child = spawn(process.execPath, ['--import', WATCH_PARENT, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  children.set(name, child);
  prefixed(name, child.stdout, process.stdout);
  prefixed(name, child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`[dev] ${name} stopped (${signal ?? `exit ${code}`}); stopping the other one too.`);
      void stop(code === 0 ? 1 : (code ?? 1));
    }
  });
  return child;
}

/** SIGTERM to each child by PID, SIGKILL after 5 s, then exit. */
async function stop(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const waits = [...children.entries()].map(
    ([name, child]) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => {
          console.error(`[dev] ${name} (pid ${child.pid}) did not stop: killing it.`);
          child.kill('SIGKILL');
        }, 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  );
  await Promise.all(waits);
  process.exit(exitCode);
}

async function waitForApi(timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(`${apiUrl}/healthz`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));
// Last resort if this script fails on its own: never leave the two servers behind.
process.on('exit', () => children.forEach((child) => child.kill('SIGTERM')));

const api = start('api', ['--import', 'tsx', 'server/src/main.ts'], { PORT: apiPort, HOST: '127.0.0.1' });
console.log(`[dev] API server: pid ${api.pid}, ${apiUrl}`);
if (!(await waitForApi(60_000))) {
  console.error(`[dev] the API server did not answer ${apiUrl}/healthz within 60 s.`);
  await stop(1);
}
const vite = start('vite', ['node_modules/vite/bin/vite.js', '--config', 'addin/vite.config.ts'], { DEV_PORT: vitePort, DIP_SERVER: apiUrl });
const pane = `${https ? 'https' : 'http'}://localhost:${vitePort}/taskpane.html`;
console.log(`[dev] Vite: pid ${vite.pid}`);
console.log(`[dev] Panel tugas / task pane: ${pane}`);
if (!https) {
  console.log('[dev] No dev certificate (~/.office-addin-dev-certs): plain http, enough for a browser but not for Excel. See README, "Excel add-in (development)".');
}
console.log('[dev] Ctrl-C menghentikan keduanya / stops both.');
