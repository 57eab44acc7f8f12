/**
 * The monthly report as a printable page (A4), Bahasa Indonesia: the heading a report to the Atasan PPID carries,
 * the totals, and every table of report.tables.ts. Self-contained (inline style, no script, no external asset), so
 * it prints or saves as PDF from any browser, offline.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { dateTimeText, monthText } from './period.js';
import { REPORT_LABELS } from './report.labels.js';
import { monthlyTables, type ReportTable } from './report.tables.js';
import { FIGURE_KEYS, type MonthlyReport } from './reports.contract.js';

type Html = HtmlEscapedString;
// hono/html's tag, typed as what it is here: synchronous (nothing awaited inside).
const h = html as (strings: TemplateStringsArray, ...values: unknown[]) => Html;

const NUMBER = new Intl.NumberFormat('id-ID');

const STYLE = `
@page { size: A4 landscape; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font: 10pt/1.4 "Segoe UI", Arial, sans-serif; color: #111; margin: 0 auto; max-width: 277mm; padding: 8mm; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 11.5pt; margin: 7mm 0 2mm; break-after: avoid; }
.meta { margin: 0 0 4mm; padding: 0; list-style: none; color: #333; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; }
caption { text-align: left; font-weight: 600; padding: 0 0 1.5mm; }
th, td { border: 0.3mm solid #999; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
thead th { background: #1f4e78; color: #fff; }
th.num { text-align: right; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 700; background: #ddebf7; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.none { color: #555; font-style: italic; }
@media print { body { padding: 0; } thead th, tr.total td { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

function table(t: ReportTable, none: string): Html {
  if (t.rows.length === 0) return h`<h2>${t.caption}</h2><p class="none">${none}</p>`;
  const isNum = t.headers.map((_, i) => t.rows.every((r) => typeof r[i] === 'number' || r[i] === ''));
  const cls = (i: number) => (isNum[i] ? 'num' : '');
  const body = t.rows.map((r, n) => {
    const total = t.hasTotal && n === t.rows.length - 1;
    return h`<tr${total ? h` class="total"` : ''}>${r.map((c, i) => h`<td class="${cls(i)}">${typeof c === 'number' ? NUMBER.format(c) : c}</td>`)}</tr>`;
  });
  return h`<h2>${t.caption}</h2>
<table>
<thead><tr>${t.headers.map((hd, i) => h`<th scope="col" class="${cls(i)}">${hd}</th>`)}</tr></thead>
<tbody>${body}</tbody>
</table>`;
}

export function monthlyHtml(report: MonthlyReport): string {
  const l = REPORT_LABELS.id;
  const title = `${l.monthlyTitle} — ${monthText(report.month)}`;
  const totals = FIGURE_KEYS.map((k) => h`<tr><th scope="row">${l.figures[k]}</th><td class="num">${NUMBER.format(report.totals[k])}</td></tr>`);
  const page = h`<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${title}</h1>
<ul class="meta">
<li>${l.period}: ${monthText(report.month)}</li>
<li>${l.versions(report.fromVersion, report.toVersion)} (${l.basisLabel.toLowerCase()}: ${l.basis[report.basis]})</li>
<li>${l.generatedAt}: ${dateTimeText(new Date(report.generatedAt))}</li>
</ul>
<table style="width:auto">
<caption>${l.summary}</caption>
<tbody>${totals}</tbody>
</table>
${monthlyTables(report, 'id').map((t) => table(t, l.none))}
</main>
</body>
</html>`;
  return page.toString();
}
