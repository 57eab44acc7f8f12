/**
 * Test helpers for rounds: each step through the real HTTP app (publishing through the real approval workflow),
 * and filling a downloaded template with exceljs the way a unit would in Excel. Used only by the rounds tests.
 */
import ExcelJS from 'exceljs';
import type { PushResponse } from '../../../shared/api.js';
import { CATEGORY_LABELS, DIP_COLUMNS, FORMAT_LABELS, columnIndex, type ColumnKey } from '../../../shared/columns.js';
import type { DipRow } from '../../../shared/row.js';
import { createUnit, createUser, login } from '../auth/auth.service.js';
import { TEST_PASSWORD, type TestServer } from '../testing/server.js';
import { DATA_SHEET } from './template-meta.js';

export async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

export async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

/** A third unit and its user; returns the user's token. */
export async function addUnit(s: TestServer, code: string, name: string, username: string): Promise<string> {
  await createUnit(s.db, 'test', { code, name });
  await createUser(s.db, 'test', { username, password: TEST_PASSWORD, role: 'unit', unitCode: code });
  return (await login(s.db, username, TEST_PASSWORD, s.config.tokenTtlMs)).token;
}

async function pushOnHead(s: TestServer, rows: DipRow[], message: string): Promise<PushResponse> {
  const reg = await s.request('/api/register', { token: s.tokens.ppid });
  const etag = reg.headers.get('etag')!;
  const headers: Record<string, string> = etag === '"empty"' ? { 'If-None-Match': '*' } : { 'If-Match': etag };
  return json<PushResponse>(await s.request('/api/register/versions', { method: 'POST', token: s.tokens.ppid, headers, json: { message, rows } }), 201);
}
export { pushOnHead as push };

/** Push, submit (ppid2), approve (approver) and publish (ppid): the version units' templates are cut from. */
export async function publish(s: TestServer, rows: DipRow[]): Promise<PushResponse> {
  const pushed = await pushOnHead(s, rows, 'DIP untuk diterbitkan');
  const n = pushed.version.version;
  const step = async (path: string, token: string, body?: unknown) =>
    json(await s.request(`/api/register/versions/${n}/${path}`, { method: 'POST', token, ...(body === undefined ? {} : { json: body }) }), 200);
  await step('submit', s.tokens.ppid2);
  await step('approve', s.tokens.approver, { contentHash: pushed.version.contentHash, decreeNumber: '188.4/1/KPTS/PPID/2025', decreeDate: '2025-01-15' });
  await step('publish', s.tokens.ppid);
  return pushed;
}

export function upload(s: TestServer, path: string, token: string, bytes: Uint8Array, fileName: string, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  return s.request(path, { method: 'POST', token, headers, body: form });
}

export async function template(s: TestServer, roundId: number, token: string, unit?: string): Promise<Buffer> {
  const res = await s.request(`/api/rounds/${roundId}/template.xlsx${unit ? `?unit=${unit}` : ''}`, { token });
  if (res.status !== 200) throw new Error(`template: ${res.status} ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

export async function openWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

const col = (key: ColumnKey) => columnIndex(key) + 1;

/** The sheet row holding `title` (exact), or throws. */
export function rowByTitle(ws: ExcelJS.Worksheet, title: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(col('title')).text === title) found = row;
  });
  if (!found) throw new Error(`no row titled ${title}`);
  return found;
}

export function idOf(row: ExcelJS.Row): string {
  return row.getCell(col('id')).text;
}

/** A new line as a unit would type it (no id: the server assigns one). */
export function newLine(title: string, owningUnit: string): string[] {
  const cells: Partial<Record<ColumnKey, string>> = {
    category: CATEGORY_LABELS.berkala,
    title,
    summary: `Ringkasan ${title}`,
    owningUnit,
    responsible: `Kepala ${owningUnit}`,
    createdWhen: '2024',
    createdWhere: 'Kota Jambi',
    formats: FORMAT_LABELS.softcopy,
    retention: '5 tahun',
  };
  return DIP_COLUMNS.map((c) => cells[c.key] ?? '');
}

/** Opens a template, lets `edit` change the "DIP" sheet as a person would, and saves it. */
export async function fill(bytes: Buffer, edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = await openWorkbook(bytes);
  edit(wb.getWorksheet(DATA_SHEET)!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const setCell = (row: ExcelJS.Row, key: ColumnKey, value: string) => {
  row.getCell(col(key)).value = value;
};
