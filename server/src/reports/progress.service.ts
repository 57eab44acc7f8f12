/** Round progress, overdue reminders and the time standards they are measured against. */
import { recordAudit } from '../audit/audit.service.js';
import type { Db } from '../db/database.js';
import { conflict, notFound } from '../http/errors.js';
import type { AuthUser } from '../http/env.js';
import { lockRegister } from '../register/register.repository.js';
import { computeProgress } from './progress.compute.js';
import { buildReminders } from './reminders.js';
import type { RoundProgress, RoundReminders, StandardsRequest, TimeStandard } from './reports.contract.js';
import * as repo from './reports.repository.js';

/** `:id` of a round, or `latest`: the newest open round (the newest of all when every round is closed). */
async function findRound(db: Db, ref: string): Promise<repo.RoundRow> {
  const round = ref === 'latest' ? await repo.latestRound(db) : /^[1-9][0-9]{0,8}$/.test(ref) ? await repo.findRound(db, Number(ref)) : undefined;
  if (!round) throw notFound(ref === 'latest' ? 'Putaran pemutakhiran' : `Putaran ${ref}`, ref === 'latest' ? 'Update round' : `Round ${ref}`);
  return round;
}

export async function roundProgress(db: Db, ref: string, now = new Date()): Promise<RoundProgress> {
  const round = await findRound(db, ref);
  const [units, submissions, reviewFacts, standards] = await Promise.all([
    repo.roundUnits(db, round.id),
    repo.roundSubmissions(db, round.id),
    repo.unitReviewFacts(db, round.id),
    getStandards(db),
  ]);
  const latest = new Map<string, number>();
  for (const s of submissions) latest.set(s.unit_code, s.id); // ordered by seq: the last one wins
  const statusCounts = await repo.itemStatusCounts(db, [...latest.values()]);
  return computeProgress({ round, units, submissions, statusCounts, reviewFacts, standards, now });
}

export async function roundReminders(db: Db, ref: string, now = new Date()): Promise<RoundReminders> {
  const progress = await roundProgress(db, ref, now);
  if (progress.round.closed) {
    throw conflict('round_closed', 'Putaran sudah ditutup: tidak ada lagi yang perlu diingatkan.', 'The round is closed: there is nobody left to remind.');
  }
  return buildReminders(progress, now);
}

export async function getStandards(db: Db): Promise<TimeStandard[]> {
  return (await repo.readStandards(db)).map((s) => ({ key: s.key, label: s.label, labelEn: s.label_en, minutes: s.minutes, source: s.source }));
}

export async function putStandards(db: Db, user: AuthUser, req: StandardsRequest): Promise<TimeStandard[]> {
  await db.transaction().execute(async (trx) => {
    // Lock order of every audited change: the register, then the audit head.
    await lockRegister(trx);
    const before = await getStandards(trx);
    for (const s of req.standards) {
      await repo.updateStandard(trx, s.key, {
        minutes: s.minutes,
        ...(s.label !== undefined ? { label: s.label } : {}),
        ...(s.labelEn !== undefined ? { label_en: s.labelEn } : {}),
        ...(s.source !== undefined ? { source: s.source } : {}),
      });
    }
    await recordAudit(trx, {
      actor: user.username,
      action: 'report.standards.update',
      subject: 'report:standards',
      details: { before: before.map((s) => ({ key: s.key, minutes: s.minutes })), after: req.standards },
    });
  });
  return getStandards(db);
}
