/**
 * What "nothing half-written" means for the register, checked straight in the database after a race, a crash or a
 * restart. Returns the problems found (empty = sound), so a failing test says what broke.
 */
import { sql } from 'kysely';
import { verifyAuditChain } from '../../server/src/audit/audit.service.js';
import type { Db } from '../../server/src/db/database.js';
import { verifyVersion } from '../../server/src/register/register.verify.js';

const count = async (db: Db, query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(db)).rows[0]?.n ?? 0);

export async function registerProblems(db: Db): Promise<string[]> {
  const problems: string[] = [];
  const orphanFrom = await count(db, sql<{ n: number }>`select count(*)::int as n from register_rows r
    where not exists (select 1 from register_versions v where v.version = r.from_version)`);
  if (orphanFrom) problems.push(`${orphanFrom} register_rows whose from_version has no version`);
  const orphanTo = await count(db, sql<{ n: number }>`select count(*)::int as n from register_rows r
    where r.to_version is not null and not exists (select 1 from register_versions v where v.version = r.to_version)`);
  if (orphanTo) problems.push(`${orphanTo} register_rows closed by a version that does not exist`);
  const overlaps = await count(db, sql<{ n: number }>`select count(*)::int as n from register_rows a join register_rows b
    on a.row_id = b.row_id and a.from_version < b.from_version where a.to_version is null or a.to_version > b.from_version`);
  if (overlaps) problems.push(`${overlaps} pairs of overlapping intervals of one row`);

  const versions = (await sql<{ version: number; parent: number | null }>`select version, parent from register_versions order by version`.execute(db)).rows;
  const reg = (await sql<{ head: number | null }>`select head from register where id = 1`.execute(db)).rows[0]!;
  versions.forEach((v, i) => {
    if (v.version !== i + 1) problems.push(`versions are not 1..N: found ${v.version} at position ${i + 1}`);
    if (v.parent !== (i === 0 ? null : i)) problems.push(`version ${v.version} has parent ${v.parent}`);
  });
  if ((reg.head ?? 0) !== versions.length) problems.push(`head is ${reg.head} but ${versions.length} versions exist`);
  for (const v of versions) {
    const check = await verifyVersion(db, v.version);
    if (!check.ok) problems.push(`version ${v.version} does not verify: ${JSON.stringify(check)}`);
  }

  const pushes = await count(db, sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'register.push'`);
  if (pushes !== versions.length) problems.push(`${pushes} register.push audit entries for ${versions.length} versions`);
  const audit = await verifyAuditChain(db);
  if (!audit.ok) problems.push(`audit chain does not verify: ${JSON.stringify(audit)}`);
  return problems;
}
