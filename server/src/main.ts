/** Starts DIP Sync: database (Postgres or embedded PGlite), migrations, first admin, HTTP server. */
import { serve } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import { createApp } from './app.js';
import { bootstrapAdmin } from './auth/auth.service.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';

const config = loadConfig();
if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
await migrateToLatest(handle.db);

const admin = await bootstrapAdmin(handle.db, config.adminUsername, config.adminPassword);
if (admin.created) {
  console.log(
    admin.password
      ? `Admin pertama dibuat / first admin created: ${config.adminUsername ?? 'admin'} / ${admin.password}  (simpan sekarang — hanya ditampilkan sekali / save it now — shown once)`
      : `Admin pertama dibuat / first admin created: ${config.adminUsername ?? 'admin'}`,
  );
}

const server = serve({ fetch: createApp({ db: handle.db, config }).fetch, port: config.port, hostname: config.host }, (info) => {
  const where = handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite di/in ${config.dataDir}`;
  console.log(`DIP Sync berjalan di / running at http://${info.address}:${info.port}  — basis data / database: ${where}`);
  console.log(`  Panel tugas / task pane: http://${info.address}:${info.port}/taskpane.html`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: berhenti / stopping…`);
  server.close();
  await handle.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
