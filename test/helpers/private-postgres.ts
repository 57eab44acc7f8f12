/**
 * A throwaway Postgres cluster of our own (initdb in a temp directory, its own port), for the test that restarts
 * Postgres in the middle of a push. Restarting the shared server instead would cut off every other test file that
 * runs at the same time (vitest runs files in parallel) and anyone else using it.
 *
 * Needs the server binaries (Debian: /usr/lib/postgresql/<ver>/bin) and to run as root (initdb then runs as the
 * `postgres` user) or as `postgres`. `privatePostgresUnavailable()` says why not, otherwise undefined.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin/pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

const asPostgres = (): string[] | undefined => (process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : userInfo().username === 'postgres' ? [] : undefined);

export function privatePostgresUnavailable(): string | undefined {
  if (!binDir()) return 'no Postgres server binaries under /usr/lib/postgresql';
  if (!asPostgres()) return 'needs root or the postgres user to run initdb';
  return undefined;
}

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** pg_ctl restart -m fast: every connection is cut, the server is back when this returns. */
  restart(): void;
  /** Stops the cluster (immediately) and removes its directory. Safe to call twice. */
  destroy(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const why = privatePostgresUnavailable();
  if (why) throw new Error(why);
  const bin = binDir()!;
  const prefix = asPostgres()!;
  const dir = mkdtempSync(path.join(tmpdir(), 'dip-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = pgIds();
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const [cmd, ...rest] = [...prefix, path.join(bin, tool), ...args];
    // stdout ignored: a postmaster started by pg_ctl would otherwise hold our pipe open.
    execFileSync(cmd!, rest, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
  };
  run('initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60`;
  const log = path.join(dir, 'server.log');
  run('pg_ctl', ['-D', dir, '-o', options, '-l', log, '-w', 'start']);
  let alive = true;
  const destroy = () => {
    if (!alive) return;
    alive = false;
    try {
      run('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', destroy);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => run('pg_ctl', ['-D', dir, '-l', log, '-m', 'fast', '-w', 'restart']),
    destroy,
  };
}

function pgIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}
