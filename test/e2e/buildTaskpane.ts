/**
 * The end-to-end test loads the task pane as the server ships it: addin/dist, built by Vite. It is rebuilt only when
 * missing or older than its sources, so a run after an unchanged checkout pays nothing.
 *
 * The build runs in a child process (not Vite's API inside the test worker): vitest sets NODE_ENV=test, which would
 * give the bundle React's development build. It writes to a fresh folder that then replaces addin/dist with two
 * renames, so a server test running in parallel never sees a half-emptied dist.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ADDIN_DIST = path.join(ROOT, 'addin/dist');
const SOURCES = ['addin/src', 'addin/public', 'addin/taskpane.html', 'addin/vite.config.ts', 'shared', 'package-lock.json'];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows as the folder's change
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function isStale(): boolean {
  const built = path.join(ADDIN_DIST, 'taskpane.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  return sources > statSync(built).mtimeMs;
}

function viteBuild(outDir: string): Promise<void> {
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  const args = [vite, 'build', '--config', 'addin/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (${code}):\n${output}`))));
  });
}

/** Builds addin/dist when it is missing or stale; says whether it built. */
export async function ensureTaskpaneBuilt(): Promise<boolean> {
  if (!isStale()) return false;
  const fresh = path.join(ROOT, 'addin', `.dist-${process.pid}`);
  const old = path.join(ROOT, 'addin', `.dist-old-${process.pid}`);
  try {
    await viteBuild(fresh);
    try {
      if (existsSync(ADDIN_DIST)) renameSync(ADDIN_DIST, old);
      renameSync(fresh, ADDIN_DIST);
    } catch (error) {
      // Another run may have swapped its own fresh build in meanwhile: that one serves as well as ours.
      if (!existsSync(path.join(ADDIN_DIST, 'taskpane.html'))) throw error;
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
  return true;
}
