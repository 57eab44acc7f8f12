/**
 * A real app over a real database for tests: `request()` goes through Hono's `app.request`, and users of each role
 * exist with known passwords.
 */
import type { Role } from '../../../shared/api.js';
import { createApp } from '../app.js';
import { createUnit, createUser, login } from '../auth/auth.service.js';
import { testConfig, type Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { TestBackend, TestDatabase } from './backends.js';
import { testRequestInit } from './request-init.js';

export const TEST_PASSWORD = 'rahasia-sekali-123';

export interface TestServer {
  db: Db;
  database: TestDatabase;
  app: ReturnType<typeof createApp>;
  config: Config;
  tokens: Record<'admin' | 'ppid' | 'ppid2' | 'approver' | 'unitA' | 'unitB', string>;
  request(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  /** Re-creates the app over a reopened database (a restart). */
  restart(): Promise<void>;
}

const USERS: [keyof TestServer['tokens'], Role, string | undefined][] = [
  ['admin', 'admin', undefined],
  ['ppid', 'ppid', undefined],
  ['ppid2', 'ppid', undefined],
  ['approver', 'approver', undefined],
  ['unitA', 'unit', 'UA'],
  ['unitB', 'unit', 'UB'],
];

export async function startTestServer(backend: TestBackend, opts: { dataDir?: string; config?: Partial<Config> } = {}): Promise<TestServer> {
  const database = await backend.create(opts.dataDir ? { dataDir: opts.dataDir } : {});
  const config = testConfig(opts.config);
  let db = database.handle.db;
  await createUnit(db, 'test', { code: 'UA', name: 'Bagian Umum' });
  await createUnit(db, 'test', { code: 'UB', name: 'Bidang Keuangan' });
  const tokens = {} as TestServer['tokens'];
  for (const [username, role, unitCode] of USERS) {
    await createUser(db, 'test', { username, password: TEST_PASSWORD, role, ...(unitCode ? { unitCode } : {}) });
    tokens[username] = (await login(db, username, TEST_PASSWORD, config.tokenTtlMs)).token;
  }
  const server: TestServer = {
    db,
    database,
    app: createApp({ db, config }),
    config,
    tokens,
    request(path, init = {}) {
      return Promise.resolve(server.app.request(path, { ...init, ...testRequestInit(init) }));
    },
    async restart() {
      db = (await database.reopen()).db;
      server.db = db;
      server.app = createApp({ db, config });
    },
  };
  return server;
}
