/**
 * Laporan: the monthly availability figures (rows per kategori and per unit as bars), the open round's progress
 * and the monev coverage, and a button that writes the report into a new sheet with a native chart. The workbook is
 * reached only through the `writer` prop (addin/src/excel/reportSheet.ts); the figures come from the server.
 */
import { Badge, Button, Caption1, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Lang } from '../../../../shared/issues.js';
import { dateText, dateTimeText, officeMonth } from '../../../../server/src/reports/period.js';
import { REPORT_LABELS, categoryText, type ReportLabels } from '../../../../server/src/reports/report.labels.js';
import { monthlyTables, progressTable } from '../../../../server/src/reports/report.tables.js';
import { FIGURE_KEYS, type CoverageReport, type MonthlyReport, type RoundProgress, type SubmissionTiming } from '../../../../server/src/reports/reports.contract.js';
import type { ApiClient } from '../../api/client.js';
import { ApiError, isAbort } from '../../api/errors.js';
import type { ReportSheetSpec, ReportWriter } from '../../excel/reportSheet.js';
import { useI18n } from '../../i18n/index.js';
import { ActionStatus } from '../components/ActionStatus.js';
import { Notice, type NoticeValue } from '../components/Notice.js';
import { Section } from '../components/Section.js';
import { useAction } from '../hooks/useAction.js';

/** The reports API over the task pane's client, in the manner of addin/src/api/rounds.ts (it may move there). */
export async function fetchMonthlyReport(api: ApiClient, month: string, signal?: AbortSignal): Promise<MonthlyReport> {
  return (await api.request('GET', `/api/reports/monthly?month=${encodeURIComponent(month)}`, { signal })).json as MonthlyReport;
}

/** The monev coverage of the published DIP (the head while nothing is published). */
export async function fetchCoverage(api: ApiClient, signal?: AbortSignal): Promise<CoverageReport> {
  return (await api.request('GET', '/api/reports/coverage', { signal })).json as CoverageReport;
}

/** A round's progress per unit; `latest` is the newest open round (404 when there is none). */
export async function fetchRoundProgress(api: ApiClient, ref: number | 'latest', signal?: AbortSignal): Promise<RoundProgress> {
  return (await api.request('GET', `/api/rounds/${encodeURIComponent(String(ref))}/progress`, { signal })).json as RoundProgress;
}

export interface ReportPaneProps {
  api: ApiClient;
  writer: ReportWriter;
  onError(err: unknown): void;
  /** The clock (tests fix it). */
  now?: () => Date;
}

interface Figures {
  monthly: MonthlyReport;
  coverage: CoverageReport;
  /** null: there is no round yet. */
  progress: RoundProgress | null;
}

const MONTHS_SHOWN = 12;

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: '8rem' },
  muted: { color: tokens.colorNeutralForeground3 },
  figures: { display: 'grid', gridTemplateColumns: '1fr auto', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  value: { margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  bar: { display: 'grid', gridTemplateColumns: 'minmax(5rem, 40%) 1fr auto', alignItems: 'center', gap: tokens.spacingHorizontalS },
  barLabel: { overflowWrap: 'anywhere' },
  track: { height: '0.75rem', backgroundColor: tokens.colorNeutralBackground4, borderRadius: tokens.borderRadiusSmall, overflow: 'hidden' },
  fill: { display: 'block', height: '100%', backgroundColor: tokens.colorBrandBackground },
  unit: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

const TIMING_COLOR: Record<SubmissionTiming, 'success' | 'warning' | 'danger' | 'informative'> = {
  on_time: 'success',
  late: 'warning',
  missing: 'danger',
  not_yet_due: 'informative',
};

const monthName = (lang: Lang, month: string) =>
  new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** The last twelve months (office time), newest first. */
function recentMonths(now: Date): string[] {
  const [y, m] = officeMonth(now).split('-').map(Number) as [number, number];
  return Array.from({ length: MONTHS_SHOWN }, (_, i) => new Date(Date.UTC(y, m - 1 - i, 1)).toISOString().slice(0, 7));
}

/** The sheet the button writes: per kategori (charted), per unit, unit × kategori, and the round when there is one. */
export function reportSheetSpec(lang: Lang, monthly: MonthlyReport, progress: RoundProgress | null): ReportSheetSpec {
  const l = REPORT_LABELS[lang];
  const [byUnitCategory, byUnit, byCategory] = monthlyTables(monthly, lang);
  const tables = [byCategory!, byUnit!, byUnitCategory!, ...(progress ? [progressTable(progress, lang)] : [])];
  return {
    name: l.pane.sheetName(monthly.month),
    title: `${l.monthlyTitle} — ${monthName(lang, monthly.month)}`,
    notes: [
      `${l.period}: ${monthName(lang, monthly.month)}`,
      `${l.versions(monthly.fromVersion, monthly.toVersion)} (${l.basis[monthly.basis]})`,
      `${l.generatedAt}: ${dateTimeText(new Date(monthly.generatedAt))}`,
    ],
    tables: tables.map((t) => ({ caption: t.caption, headers: t.headers, rows: t.rows, widths: t.widths, hasTotal: t.hasTotal })),
    chart: { table: 0, title: l.pane.perCategory, type: 'ColumnClustered', series: 1 },
  };
}

async function loadFigures(api: ApiClient, month: string, signal: AbortSignal): Promise<Figures> {
  const [monthly, coverage, progress] = await Promise.all([
    fetchMonthlyReport(api, month, signal),
    fetchCoverage(api, signal),
    fetchRoundProgress(api, 'latest', signal).catch((err: unknown) => {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }),
  ]);
  return { monthly, coverage, progress };
}

/** Bars drawn with divs: the number is always written beside the bar, so the chart reads without seeing it. */
function Bars({ title, items, lang }: { title: string; items: { key: string; label: string; value: number }[]; lang: Lang }) {
  const styles = useStyles();
  const max = Math.max(1, ...items.map((i) => i.value));
  const fmt = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB');
  return (
    <div>
      <Text as="h3" weight="semibold" size={300}>
        {title}
      </Text>
      <ul className={styles.list} aria-label={title}>
        {items.map((i) => (
          <li key={i.key} className={styles.bar}>
            <span className={styles.barLabel}>{i.label}</span>
            <span className={styles.track} aria-hidden="true">
              <span className={styles.fill} style={{ width: `${(i.value / max) * 100}%` }} />
            </span>
            <span className={styles.value}>{fmt.format(i.value)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ReportPane({ api, writer, onError, now = () => new Date() }: ReportPaneProps) {
  const { lang } = useI18n();
  const l: ReportLabels = REPORT_LABELS[lang];
  const styles = useStyles();
  const action = useAction({ onError });
  const { run, fail } = action;
  // Once per pane: the clock is read when it opens, not on every render.
  const [months] = useState(() => recentMonths(now()));
  const [month, setMonth] = useState(months[0]!);
  const [figures, setFigures] = useState<Figures | null>(null);
  const [notice, setNotice] = useState<NoticeValue | null>(null);

  const load = useCallback(
    async (m: string) => {
      setNotice(null);
      const f = await run(l.pane.loading, ({ signal }) => loadFigures(api, m, signal), { cancelable: true });
      if (f) setFigures(f);
    },
    [api, run, l],
  );

  // First load when the pane opens; later loads come from the month picker and Muat ulang.
  useEffect(() => {
    const ctrl = new AbortController();
    loadFigures(api, months[0]!, ctrl.signal).then(setFigures, (err: unknown) => {
      if (isAbort(err)) return;
      onError(err);
      fail(err);
    });
    return () => ctrl.abort();
  }, [api, months, onError, fail]);

  const write = async () => {
    if (!figures) return;
    setNotice(null);
    const result = await run(l.pane.writing, () => writer.writeReportSheet(reportSheetSpec(lang, figures.monthly, figures.progress)));
    if (result) setNotice({ intent: 'success', text: l.pane.written(result.sheetName) });
  };

  const m = figures?.monthly;
  const fmt = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB');
  return (
    <>
      <ActionStatus state={action.state} onCancel={action.cancel} onDismiss={action.dismiss} />
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <Section title={`${l.pane.monthly}${m ? ` — ${monthName(lang, m.month)}` : ''}`}>
        <div className={styles.row}>
          <Field className={styles.grow} label={l.pane.month}>
            <Select
              value={month}
              onChange={(_, d) => {
                setMonth(d.value);
                void load(d.value);
              }}
            >
              {months.map((x) => (
                <option key={x} value={x}>
                  {monthName(lang, x)}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="subtle" onClick={() => void load(month)} disabled={action.state.busy}>
            {l.pane.reload}
          </Button>
        </div>
        {!m ? (
          <Text className={styles.muted}>{l.pane.loading}</Text>
        ) : (
          <>
            <Caption1 className={styles.muted}>{l.versions(m.fromVersion, m.toVersion)}</Caption1>
            <dl className={styles.figures}>
              {FIGURE_KEYS.map((k) => (
                <div key={k} style={{ display: 'contents' }}>
                  <dt>{l.figures[k]}</dt>
                  <dd className={styles.value}>{fmt.format(m.totals[k])}</dd>
                </div>
              ))}
            </dl>
            {m.totals.rows === 0 ? <Text className={styles.muted}>{l.pane.noRows}</Text> : null}
            <Bars title={l.pane.perCategory} lang={lang} items={m.categories.map((c) => ({ key: c.category ?? 'none', label: categoryText(l, c.category), value: c.rows }))} />
            <Bars title={l.pane.perUnit} lang={lang} items={m.units.map((u) => ({ key: u.unitCode ?? `?${u.unitName}`, label: u.unitName, value: u.rows }))} />
            <div>
              <Button appearance="primary" onClick={() => void write()} disabled={action.state.busy}>
                {l.pane.write}
              </Button>
            </div>
          </>
        )}
      </Section>
      {figures ? <ProgressSection progress={figures.progress} l={l} lang={lang} /> : null}
      {figures ? <CoverageSection coverage={figures.coverage} l={l} lang={lang} /> : null}
    </>
  );
}

function ProgressSection({ progress, l, lang }: { progress: RoundProgress | null; l: ReportLabels; lang: Lang }) {
  const styles = useStyles();
  if (!progress) {
    return (
      <Section title={l.sections.progress}>
        <Text className={styles.muted}>{l.pane.noRound}</Text>
      </Section>
    );
  }
  const s = progress.summary;
  const timings: [SubmissionTiming, number][] = [['on_time', s.onTime], ['late', s.late], ['missing', s.missing], ['not_yet_due', s.notYetDue]];
  return (
    <Section title={`${l.sections.progress}: ${progress.round.title}`} description={l.pane.due(dateText(progress.round.dueDate))}>
      <Bars title={l.progress.timing} lang={lang} items={timings.map(([k, v]) => ({ key: k, label: l.timing[k], value: v }))} />
      <ul className={styles.list} aria-label={l.unit}>
        {progress.units.map((u) => (
          <li key={u.unitCode} className={styles.unit}>
            <Text>{u.unitName}</Text>
            <Badge appearance="tint" color={TIMING_COLOR[u.timing]}>
              {u.daysLate !== null ? `${l.timing[u.timing]}, ${l.pane.lateDays(u.daysLate)}` : l.timing[u.timing]}
            </Badge>
            <Badge appearance="outline">{l.review[u.review]}</Badge>
            {u.returnedRows > 0 ? <Caption1 className={styles.muted}>{l.pane.returned(u.returnedRows)}</Caption1> : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function CoverageSection({ coverage, l, lang }: { coverage: CoverageReport; l: ReportLabels; lang: Lang }) {
  const groups: [string, CoverageReport['items']][] = [
    [l.pane.missingItems, coverage.items.filter((i) => i.status === 'missing')],
    [l.pane.otherCategoryItems, coverage.items.filter((i) => i.status === 'other_category')],
  ];
  return (
    <Section title={l.coverageTitle} description={l.pane.coverageSummary(coverage.summary.present, coverage.summary.total)}>
      {groups.map(([label, items]) => (items.length === 0 ? null : <ItemList key={label} label={label} titles={items.map((i) => (lang === 'id' ? i.title : i.titleEn))} />))}
    </Section>
  );
}

function ItemList({ label, titles }: { label: string; titles: string[] }) {
  const styles = useStyles();
  return (
    <div>
      <Text as="h3" weight="semibold" size={300}>
        {label}
      </Text>
      <ul className={styles.list} aria-label={label}>
        {titles.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </div>
  );
}
