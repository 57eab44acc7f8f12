/**
 * What a unit template records about itself, in a very hidden sheet, so that an upload can be checked: the
 * round, the unit, the layout version and when it was issued. It is a guard against mistakes (the wrong file),
 * not a security boundary: the server always takes the unit from the login, never from the file.
 */
import type { GridCell } from './upload/xlsx-read.js';

export const TEMPLATE_FORMAT = 'dip-sync/round-template';
/** Bump when the template's columns or meaning change: older files are then refused as outdated. */
export const TEMPLATE_VERSION = 1;
export const META_SHEET = '_dipsync';
export const DATA_SHEET = 'DIP';
export const INFO_SHEET = 'Petunjuk';
/** Columns after the DIP columns: shown to the unit, ignored on upload. */
export const EXTRA_HEADERS = ['Status Verifikasi', 'Catatan PPID'] as const;

export interface TemplateMeta {
  format: string;
  templateVersion: number;
  roundId: number;
  unitCode: string;
  baseVersion: number | null;
  /** ISO instant the template was generated (for people). */
  issuedAt: string;
  /**
   * The PPID's latest decision on the unit's rows when the template was issued (database time, ISO; '' for none).
   * Compared with the database's own value on upload, so clock differences between servers cannot matter.
   */
  reviewedThrough: string;
}

export function metaGrid(m: TemplateMeta): [string, string][] {
  return [
    ['format', m.format],
    ['templateVersion', String(m.templateVersion)],
    ['roundId', String(m.roundId)],
    ['unitCode', m.unitCode],
    ['baseVersion', m.baseVersion === null ? '' : String(m.baseVersion)],
    ['issuedAt', m.issuedAt],
    ['reviewedThrough', m.reviewedThrough],
  ];
}

/** The meta back from the hidden sheet's grid; null when it is missing or not ours. */
export function readMeta(grid: readonly (readonly GridCell[])[]): TemplateMeta | null {
  const kv = new Map<string, string>();
  for (const row of grid) {
    const [k, v] = row;
    if (typeof k === 'string') kv.set(k, v === null || v === undefined ? '' : typeof v === 'object' && !(v instanceof Date) ? v.text : String(v));
  }
  const roundId = Number(kv.get('roundId'));
  const templateVersion = Number(kv.get('templateVersion'));
  const issuedAt = kv.get('issuedAt') ?? '';
  if (kv.get('format') !== TEMPLATE_FORMAT || !Number.isSafeInteger(roundId) || !Number.isSafeInteger(templateVersion) || Number.isNaN(Date.parse(issuedAt))) {
    return null;
  }
  const base = kv.get('baseVersion') ?? '';
  const reviewedThrough = kv.get('reviewedThrough') ?? '';
  if (reviewedThrough !== '' && Number.isNaN(Date.parse(reviewedThrough))) return null;
  return { format: TEMPLATE_FORMAT, templateVersion, roundId, unitCode: kv.get('unitCode') ?? '', baseVersion: base === '' ? null : Number(base), issuedAt, reviewedThrough };
}
