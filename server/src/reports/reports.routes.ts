/**
 * Reports (ppid, approver, admin): the monthly availability report (JSON, .xlsx, printable HTML), the monev
 * coverage check and its checklist, round progress and overdue reminders, and the time standards.
 */
import { Hono } from 'hono';
import { requireAuth } from '../auth/auth.middleware.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { validate } from '../http/validation.js';
import { coverageReport, getChecklist, putChecklist } from './coverage.service.js';
import { monthlyHtml } from './monthly.html.js';
import { monthlyReport } from './monthly.service.js';
import { monthlyXlsx } from './monthly.xlsx.js';
import { getStandards, putStandards, roundProgress, roundReminders } from './progress.service.js';
import { checklistSchema, coverageQuerySchema, monthlyQuerySchema, standardsSchema } from './reports.contract.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function reportRoutes({ db }: AppDeps) {
  const readers = requireAuth(db, 'ppid', 'approver', 'admin');
  const admin = requireAuth(db, 'admin');

  return new Hono<AppEnv>()
    .get('/reports/monthly', readers, validate('query', monthlyQuerySchema), async (c) => {
      const q = c.req.valid('query');
      const report = await monthlyReport(db, q.month, q.basis ?? 'head');
      const headers = { 'Cache-Control': 'private, no-store' };
      if (q.format === 'xlsx') {
        return c.body(new Uint8Array(await monthlyXlsx(report)), 200, {
          ...headers,
          'Content-Type': XLSX_TYPE,
          'Content-Disposition': `attachment; filename="laporan-bulanan-${q.month}.xlsx"`,
        });
      }
      if (q.format === 'html') {
        // Its own page, not the public site's: no script at all, inline style only, never framed.
        return c.html(monthlyHtml(report), 200, {
          ...headers,
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
          'X-Content-Type-Options': 'nosniff',
        });
      }
      return c.json(report, 200, headers);
    })
    .get('/reports/coverage', readers, validate('query', coverageQuerySchema), async (c) => c.json(await coverageReport(db, c.req.valid('query').version)))
    .get('/reports/checklist', readers, async (c) => c.json({ items: await getChecklist(db) }))
    .put('/reports/checklist', admin, validate('json', checklistSchema), async (c) => c.json({ items: await putChecklist(db, c.get('user'), c.req.valid('json')) }))
    .get('/reports/standards', readers, async (c) => c.json({ standards: await getStandards(db) }))
    .put('/reports/standards', admin, validate('json', standardsSchema), async (c) => c.json({ standards: await putStandards(db, c.get('user'), c.req.valid('json')) }))
    // Under /rounds, where the contract puts it; `latest` is the newest open round (what the task pane shows).
    .get('/rounds/:ref/progress', readers, async (c) => c.json(await roundProgress(db, c.req.param('ref'))))
    .get('/rounds/:ref/reminders', requireAuth(db, 'ppid', 'admin'), async (c) => c.json(await roundReminders(db, c.req.param('ref'))));
}
