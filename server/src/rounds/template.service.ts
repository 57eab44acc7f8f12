/**
 * Unit templates: which rows a unit's template holds (its base rows at first; after a submission, what it sent,
 * with the PPID's verdicts and comments), and reading a filled template back into a submission.
 */
import type { Db } from '../db/database.js';
import { badRequest, forbidden } from '../http/errors.js';
import type { AuthUser } from '../http/env.js';
import type { RoundRow } from './rounds.repository.js';
import * as repo from './rounds.repository.js';
import { getRoundForUnit } from './rounds.service.js';
import { baseRowsOfUnit } from './submit.service.js';
import { TEMPLATE_FORMAT, TEMPLATE_VERSION } from './template-meta.js';
import { readTemplateUpload, type TemplateUpload } from './template-read.js';
import { buildTemplate, type TemplateRow } from './template.js';
import { toItem } from './review.service.js';
import type { SheetGrid } from './upload/xlsx-read.js';

/**
 * The rows of the unit's next template. Before its first submission: its rows of the base version. After: the rows
 * of its latest submission with their verdicts, plus any removal the PPID returned (the row comes back, with why).
 */
export async function templateRows(db: Db, round: RoundRow, unit: { code: string; name: string }): Promise<TemplateRow[]> {
  const latest = (await repo.listSubmissions(db, round.id, unit.code)).at(-1);
  if (!latest) return (await baseRowsOfUnit(db, round, unit)).map((row) => ({ row, status: null, comment: null }));
  return (await repo.itemsOf(db, latest.id))
    .map(toItem)
    .filter((i) => i.kind === 'row' || i.status === 'returned')
    .map((i) => ({ row: i.row, status: i.status, comment: i.comment }));
}

/** Which unit's rows are asked for: the PPID names one; a unit gets its own (naming another is 403). */
function templateUnit(user: AuthUser, requested: string | undefined): string {
  if (user.role === 'unit') {
    if (requested !== undefined && requested !== user.unitCode) {
      throw forbidden('Unit hanya dapat mengunduh template unitnya sendiri.', 'A unit can only download its own template.');
    }
    return user.unitCode ?? '';
  }
  if (requested === undefined) throw badRequest('unit_required', 'Sebutkan unit: ?unit=KODE.', 'Name the unit: ?unit=CODE.');
  return requested;
}

export async function unitTemplate(db: Db, user: AuthUser, roundId: number, requested: string | undefined, now = new Date()) {
  const code = templateUnit(user, requested);
  const { round, unit } = await getRoundForUnit(db, roundId, code);
  const reviewed = await repo.lastReviewAt(db, roundId, code);
  const bytes = await buildTemplate({
    meta: {
      format: TEMPLATE_FORMAT,
      templateVersion: TEMPLATE_VERSION,
      roundId,
      unitCode: code,
      baseVersion: round.base_version,
      issuedAt: now.toISOString(),
      reviewedThrough: reviewed?.toISOString() ?? '',
    },
    roundTitle: round.title,
    dueDate: round.due_date,
    unitName: unit.name,
    rows: await templateRows(db, round, unit),
  });
  return { bytes, fileName: `template-dip-putaran-${roundId}-${code}.xlsx` };
}

/** The rows of a unit's next template as JSON: the task pane fills its sheet with them instead of the .xlsx. */
export async function unitTemplateRows(db: Db, user: AuthUser, roundId: number, requested: string | undefined): Promise<TemplateRow[]> {
  const { round, unit } = await getRoundForUnit(db, roundId, templateUnit(user, requested));
  return templateRows(db, round, unit);
}

/** A filled template, checked against this round and the unit of the login. */
export async function readFilledTemplate(db: Db, roundId: number, unitCode: string, sheets: readonly SheetGrid[]): Promise<TemplateUpload> {
  await getRoundForUnit(db, roundId, unitCode);
  return readTemplateUpload(sheets, { roundId, unitCode, lastReviewAt: await repo.lastReviewAt(db, roundId, unitCode) });
}
