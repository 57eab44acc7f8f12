/**
 * Two real server processes on one fresh Postgres database, seeded with the test users: the setup of every
 * multi-instance test. Registers its own beforeAll/afterAll; read the fields inside tests.
 */
import { afterAll, beforeAll } from 'vitest';
import { freshPostgres, seedStore, type Seed, type TestStore } from './database.js';
import { startServer, stopAll, type ServerProcess } from './server-process.js';

export interface TwoServers {
  store: TestStore;
  seed: Seed;
  servers: [ServerProcess, ServerProcess];
}

export function twoServersOnFreshPostgres(url: string | undefined): TwoServers {
  const world = {} as TwoServers;
  beforeAll(async () => {
    world.store = await freshPostgres(url!);
    world.seed = await seedStore(world.store);
    world.servers = await Promise.all([startServer(world.store.server), startServer(world.store.server)]);
  });
  afterAll(async () => {
    await stopAll(world.servers ?? []);
    await world.store?.dispose();
  });
  return world;
}
