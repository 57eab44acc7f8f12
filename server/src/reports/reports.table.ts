import type { Category } from '../../../shared/row.js';

/** One item of the monev coverage checklist (shared/coverage.ts matches it against the DIP). */
export interface ReportChecklistTable {
  key: string;
  /** Position in the list as people read it. */
  ord: number;
  title: string;
  title_en: string;
  basis: string;
  /** JSON array of keyword phrases. */
  keywords: string;
  expected_category: Category | null;
}

/** An SOP time standard (mutu baku waktu) that round progress is measured against. */
export interface ReportStandardsTable {
  key: 'receive' | 'verify';
  label: string;
  label_en: string;
  minutes: number;
  /** Where the figure comes from (the SOP step), shown beside it. */
  source: string;
}

export interface ReportsTables {
  report_checklist: ReportChecklistTable;
  report_standards: ReportStandardsTable;
}
