/**
 * HTTP for update rounds, unit submissions, verification, consolidation and DIP import (docs/api-rounds.md).
 * Only this file knows about requests; the services take plain values.
 */
import { Hono, type Context } from 'hono';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { dipRowsSchema } from '../../../shared/row.js';
import { requireAuth } from '../auth/auth.middleware.js';
import { AppError, notFound, unprocessable } from '../http/errors.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { checkedBody, malformedRequest, validate } from '../http/validation.js';
import { parseIdempotencyKey, requestHash } from '../idempotency/idempotency.service.js';
import { consolidated } from './consolidation.service.js';
import { importDip } from './import.service.js';
import { listReceipts, myRound, review, submissionDetail } from './review.service.js';
import { DURATION_PRESETS, MAX_SUBMISSION_ROWS, createRoundSchema, reviewSchema, submitRowsSchema, templateQuerySchema } from './rounds.contract.js';
import { closeRound, createRound, listRoundSummaries, roundDetail } from './rounds.service.js';
import { submit, unitOf, type SubmitInput } from './submit.service.js';
import { readFilledTemplate, unitTemplate, unitTemplateRows } from './template.service.js';
import { isMultipart, readGrids, readUploadedFile, uploadBodyLimit } from './upload/upload.js';
import { UploadRefused } from './upload/refusal.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function idParam(c: Context, name: string): number {
  const v = c.req.param(name) ?? '';
  if (!/^[1-9][0-9]{0,8}$/.test(v)) throw notFound(name === 'sid' ? `Kiriman ${v}` : `Putaran ${v}`, name === 'sid' ? `Submission ${v}` : `Round ${v}`);
  return Number(v);
}

const json = (c: Context, stored: { status: number; body: string }) =>
  c.body(stored.body, stored.status as 201, { 'Content-Type': 'application/json; charset=utf-8' });

/** A JSON body checked against a schema with the same errors as validate() (this route also takes multipart). */
function parseJson<T extends z.ZodType>(text: string, schema: T): z.infer<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformedRequest();
  }
  return checkedBody(value, schema);
}

const importQuery = z.strictObject({ sheet: z.string().min(1).max(200).optional() });

export function roundsRoutes({ db }: AppDeps) {
  const ppid = requireAuth(db, 'ppid');
  const readers = requireAuth(db, 'ppid', 'approver', 'admin');
  const signedIn = requireAuth(db, 'ppid', 'approver', 'admin', 'unit');
  const ppidOrUnit = requireAuth(db, 'ppid', 'unit');
  const unit = requireAuth(db, 'unit');

  /** The submission body: a filled template (multipart `file`) or JSON `{rows}`, as the input of `submit`. */
  async function submissionInput(c: Context<AppEnv>, roundId: number): Promise<SubmitInput> {
    const idempotencyKey = parseIdempotencyKey(c.req.header('idempotency-key'));
    if (isMultipart(c)) {
      const file = await readUploadedFile(c);
      if (file.kind !== 'xlsx') throw new UploadRefused(415, 'unsupported_file_type', 'Kirim template .xlsx unit Anda.', 'Send your unit’s .xlsx template.');
      const template = await readFilledTemplate(db, roundId, unitOf(c.get('user')), await readGrids(file));
      if (template.rows.length > MAX_SUBMISSION_ROWS) {
        throw unprocessable('too_many_rows', `Lebih dari ${MAX_SUBMISSION_ROWS} baris.`, `More than ${MAX_SUBMISSION_ROWS} rows.`);
      }
      return {
        rows: dipRowsSchema.parse(template.rows),
        source: 'xlsx',
        fileName: file.name,
        readIssues: template.issues,
        rowNumbers: template.sourceRows,
        idempotencyKey,
        // Bound to the file's bytes, not the multipart framing: a retry with a new boundary is the same request.
        requestHash: requestHash('POST', c.req.path, `xlsx:${createHash('sha256').update(file.bytes).digest('hex')}`),
      };
    }
    if (!/^application\/([a-z.+-]*\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
      throw new AppError(415, 'unsupported_content_type', 'Kirim JSON {rows} atau unggah template (multipart, kolom "file").', 'Send JSON {rows} or upload the template (multipart, field "file").');
    }
    const text = await c.req.text();
    return { rows: parseJson(text, submitRowsSchema).rows, source: 'json', fileName: null, readIssues: [], idempotencyKey, requestHash: requestHash('POST', c.req.path, text) };
  }

  return new Hono<AppEnv>()
    .get('/rounds/presets', signedIn, (c) =>
      c.json({ presets: Object.entries(DURATION_PRESETS).map(([key, p]) => ({ key, days: p.days, months: p.months, label: p.label })) }),
    )
    .post('/rounds', ppid, validate('json', createRoundSchema), async (c) => c.json(await createRound(db, c.get('user'), c.req.valid('json')), 201))
    .get('/rounds', signedIn, async (c) => c.json({ rounds: await listRoundSummaries(db, c.get('user')) }))
    .get('/rounds/:id', readers, async (c) => c.json(await roundDetail(db, idParam(c, 'id'))))
    .post('/rounds/:id/close', ppid, async (c) => c.json(await closeRound(db, c.get('user'), idParam(c, 'id'))))
    .get('/rounds/:id/template.xlsx', ppidOrUnit, validate('query', templateQuerySchema), async (c) => {
      const t = await unitTemplate(db, c.get('user'), idParam(c, 'id'), c.req.valid('query').unit);
      return c.body(new Uint8Array(t.bytes), 200, {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': `attachment; filename="${t.fileName}"`,
        'Cache-Control': 'no-store',
      });
    })
    .get('/rounds/:id/template.json', ppidOrUnit, validate('query', templateQuerySchema), async (c) =>
      c.json({ rows: await unitTemplateRows(db, c.get('user'), idParam(c, 'id'), c.req.valid('query').unit) }),
    )
    .post('/rounds/:id/submissions', unit, uploadBodyLimit(), async (c) => {
      const roundId = idParam(c, 'id');
      return json(c, await submit(db, c.get('user'), roundId, await submissionInput(c, roundId)));
    })
    .get('/rounds/:id/submissions', signedIn, validate('query', templateQuerySchema), async (c) =>
      c.json({ receipts: await listReceipts(db, c.get('user'), idParam(c, 'id'), c.req.valid('query').unit) }),
    )
    .get('/rounds/:id/submissions/:sid', signedIn, async (c) => c.json(await submissionDetail(db, c.get('user'), idParam(c, 'id'), idParam(c, 'sid'))))
    .post('/rounds/:id/submissions/:sid/review', ppid, validate('json', reviewSchema), async (c) =>
      c.json(await review(db, c.get('user'), idParam(c, 'id'), idParam(c, 'sid'), c.req.valid('json'))),
    )
    .get('/rounds/:id/my', unit, async (c) => c.json(await myRound(db, c.get('user'), idParam(c, 'id'))))
    .get('/rounds/:id/consolidated', ppid, async (c) => c.json(await consolidated(db, idParam(c, 'id'))))
    .post('/import', ppid, uploadBodyLimit(), validate('query', importQuery), async (c) => {
      if (!isMultipart(c)) throw new AppError(415, 'unsupported_content_type', 'Unggah berkas .xlsx atau .csv (multipart, kolom "file").', 'Upload an .xlsx or .csv file (multipart, field "file").');
      const file = await readUploadedFile(c);
      return c.json(await importDip(db, await readGrids(file), file.name, c.req.valid('query').sheet));
    });
}
