/**
 * The monev coverage check (SOP Pengelolaan Informasi Publik, steps 13–15): the DIP against the checklist of
 * information that must be published periodically, and the checklist itself, which an admin maintains.
 */
import { checkCoverage } from '../../../shared/coverage.js';
import { CATEGORIES, type Category } from '../../../shared/row.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Db } from '../db/database.js';
import type { AuthUser } from '../http/env.js';
import { lockRegister, readRegister } from '../register/register.repository.js';
import { getVersionMeta, resolveVersion, rowsOf } from '../register/register.service.js';
import type { ChecklistItem, ChecklistRequest, CoverageReport } from './reports.contract.js';
import * as repo from './reports.repository.js';

function toItem(r: Awaited<ReturnType<typeof repo.readChecklist>>[number]): ChecklistItem {
  const keywords: unknown = JSON.parse(r.keywords);
  return {
    key: r.key,
    title: r.title,
    titleEn: r.title_en,
    basis: r.basis,
    keywords: Array.isArray(keywords) ? keywords.filter((k): k is string => typeof k === 'string') : [],
    expectedCategory: (CATEGORIES as readonly string[]).includes(r.expected_category ?? '') ? (r.expected_category as Category) : null,
  };
}

export async function getChecklist(db: Db): Promise<ChecklistItem[]> {
  return (await repo.readChecklist(db)).map(toItem);
}

/** Replaces the whole checklist (order as given), recorded in the audit log with what it was before. */
export async function putChecklist(db: Db, user: AuthUser, req: ChecklistRequest): Promise<ChecklistItem[]> {
  await db.transaction().execute(async (trx) => {
    // Lock order of every audited change: the register, then the audit head.
    await lockRegister(trx);
    const before = (await repo.readChecklist(trx)).map((r) => r.key);
    await repo.replaceChecklist(
      trx,
      req.items.map((i, n) => ({
        key: i.key,
        ord: n + 1,
        title: i.title,
        title_en: i.titleEn,
        basis: i.basis,
        keywords: JSON.stringify(i.keywords),
        expected_category: i.expectedCategory,
      })),
    );
    await recordAudit(trx, { actor: user.username, action: 'report.checklist.update', subject: 'report:checklist', details: { before, after: req.items.map((i) => i.key) } });
  });
  return getChecklist(db);
}

/**
 * The checklist against one version: `published` by default (what the public sees), the head when nothing is
 * published yet, or the version asked for. An empty register misses every item.
 */
export async function coverageReport(db: Db, ref: string | undefined, now = new Date()): Promise<CoverageReport> {
  let basis: CoverageReport['basis'];
  let version: number | null;
  if (ref === undefined) {
    const reg = await readRegister(db);
    basis = reg.published !== null ? 'published' : 'head';
    version = reg.published ?? reg.head;
  } else {
    basis = ref === 'head' || ref === 'published' ? ref : 'version';
    version = await resolveVersion(db, ref);
    await getVersionMeta(db, version);
  }
  const [items, rows] = await Promise.all([getChecklist(db), version === null ? [] : rowsOf(db, version)]);
  const results = checkCoverage(items, rows);
  const merged = items.map((item, i) => ({ ...item, ...results[i]! }));
  return {
    version,
    basis,
    generatedAt: now.toISOString(),
    items: merged,
    summary: {
      total: merged.length,
      present: merged.filter((m) => m.status === 'present').length,
      otherCategory: merged.filter((m) => m.status === 'other_category').length,
      missing: merged.filter((m) => m.status === 'missing').length,
    },
  };
}
