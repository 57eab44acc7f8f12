import type { Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the schema as it was then, not as the code sees it now.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one place: every migration imports this alias
export type AnyDb = Kysely<any>;
