/**
 * The approver's review, as plain data: which versions wait, what a version's validation says, and the approval
 * request — which carries the content hash of the version *as the approver loaded it*, never a hash fetched again
 * at click time (the point of the binding is that what was approved is what was seen).
 */
import type { ApproveRequest, VersionMeta } from '../../../../shared/api.js';
import type { Lang, ValidationIssue } from '../../../../shared/issues.js';
import type { StoredDipRow } from '../../../../shared/row.js';
import { summarizeIssues, validateRows, type IssueSummary } from '../../../../shared/validate.js';
import { ApiError } from '../../api/errors.js';
import { checkDate, checkText, type FieldProblem } from './forms.js';

/** Versions in state `submitted`, newest first. */
export function waitingVersions(versions: readonly VersionMeta[]): VersionMeta[] {
  return versions.filter((v) => v.state === 'submitted').sort((a, b) => b.version - a.version);
}

export interface VersionValidation {
  summary: IssueSummary;
  /** Errors first, then warnings, in row order. */
  issues: ValidationIssue[];
  rows: number;
}

/**
 * The same rules the server applies before approving (shared/validate.ts), over the version's rows, with the
 * known units so an unknown owning unit is a warning here exactly as there.
 */
export function validateVersion(rows: readonly StoredDipRow[], knownUnits: readonly string[] | undefined, lang: Lang): VersionValidation {
  const issues = validateRows(rows, { lang, knownUnits });
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? a.rowIndex - b.rowIndex : a.severity === 'error' ? -1 : 1));
  return { summary: summarizeIssues(issues), issues: sorted, rows: rows.length };
}

export interface ApproveForm {
  decreeNumber: string;
  decreeDate: string;
}

export const MAX_DECREE_NUMBER = 200;
export const MAX_REASON = 10_000;

export function checkApproveForm(form: ApproveForm): Partial<Record<keyof ApproveForm, FieldProblem>> {
  const out: Partial<Record<keyof ApproveForm, FieldProblem>> = {};
  const number = checkText(form.decreeNumber, MAX_DECREE_NUMBER);
  if (number) out.decreeNumber = number;
  const date = checkDate(form.decreeDate);
  if (date) out.decreeDate = date;
  return out;
}

/** The approval of the version the approver reviewed: its hash is the one in `reviewed`, whatever the server says now. */
export function approveRequest(reviewed: Pick<VersionMeta, 'contentHash'>, form: ApproveForm): ApproveRequest {
  return { contentHash: reviewed.contentHash, decreeNumber: form.decreeNumber.trim(), decreeDate: form.decreeDate.trim() };
}

/** The error count the server reported when it refused an approval for validation errors, if it did. */
export function refusedErrorCount(err: unknown): number | null {
  if (!(err instanceof ApiError) || err.code !== 'version_has_errors') return null;
  const summary = (err.details as { summary?: { errors?: unknown } } | undefined)?.summary;
  return typeof summary?.errors === 'number' ? summary.errors : null;
}

/** First characters of a hash, grouped for reading aloud or comparing by eye. */
export function shortHash(hash: string): string {
  return hash.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ');
}
