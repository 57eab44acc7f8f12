/**
 * Update rounds over the API client (server/src/rounds/rounds.routes.ts): the PPID's rounds, per-unit status,
 * review and consolidation; a unit's template rows, submissions and receipts. Shapes come from the rounds
 * contract, which is pure (zod and shared/ types) so the pane can import its types.
 */
import type { Unit } from '../../../shared/api.js';
import type { DipRow, StoredDipRow } from '../../../shared/row.js';
// One list of the contract's types: re-exported below for the pane, and used here through the namespace.
import type * as Contract from '../../../server/src/rounds/rounds.contract.js';
import type { ApiClient } from './client.js';

export type {
  ConsolidatedResponse,
  CreateRoundRequest,
  MyRoundResponse,
  Receipt,
  ReviewRequest,
  ReviewResponse,
  RoundDetail,
  RoundSummary,
  SubmissionDetail,
  SubmissionItem,
  SubmitResponse,
  RoundUnitStatus,
  UnitRoundStatus,
} from '../../../server/src/rounds/rounds.contract.js';

/** A row of a unit's next template: its row, and the PPID's verdict on it when it was submitted before. */
export interface TemplateRow {
  row: StoredDipRow;
  status: 'pending' | 'accepted' | 'returned' | null;
  comment: string | null;
}

const round = (id: number) => `/api/rounds/${encodeURIComponent(String(id))}`;

export async function listUnits(api: ApiClient, signal?: AbortSignal): Promise<Unit[]> {
  return ((await api.request('GET', '/api/units', { signal })).json as { units: Unit[] }).units;
}

/** Rounds the user may see (a unit: the rounds it is asked in). */
export async function listRounds(api: ApiClient, signal?: AbortSignal): Promise<Contract.RoundSummary[]> {
  return ((await api.request('GET', '/api/rounds', { signal })).json as { rounds: Contract.RoundSummary[] }).rounds;
}

export async function createRound(api: ApiClient, body: Contract.CreateRoundRequest, signal?: AbortSignal): Promise<Contract.RoundSummary> {
  return (await api.request('POST', '/api/rounds', { body, signal })).json as Contract.RoundSummary;
}

export async function roundDetail(api: ApiClient, id: number, signal?: AbortSignal): Promise<Contract.RoundDetail> {
  return (await api.request('GET', round(id), { signal })).json as Contract.RoundDetail;
}

export async function submissionDetail(api: ApiClient, id: number, sid: number, signal?: AbortSignal): Promise<Contract.SubmissionDetail> {
  return (await api.request('GET', `${round(id)}/submissions/${encodeURIComponent(String(sid))}`, { signal })).json as Contract.SubmissionDetail;
}

export async function reviewSubmission(api: ApiClient, id: number, sid: number, body: Contract.ReviewRequest, signal?: AbortSignal): Promise<Contract.ReviewResponse> {
  return (await api.request('POST', `${round(id)}/submissions/${encodeURIComponent(String(sid))}/review`, { body, signal })).json as Contract.ReviewResponse;
}

export async function consolidatedRows(api: ApiClient, id: number, signal?: AbortSignal): Promise<Contract.ConsolidatedResponse> {
  return (await api.request('GET', `${round(id)}/consolidated`, { signal })).json as Contract.ConsolidatedResponse;
}

/** The unit's own page of a round: status, receipts (newest first), returned rows with comments. */
export async function myRound(api: ApiClient, id: number, signal?: AbortSignal): Promise<Contract.MyRoundResponse> {
  return (await api.request('GET', `${round(id)}/my`, { signal })).json as Contract.MyRoundResponse;
}

/** The rows of the unit's next template, as JSON (what the .xlsx template holds). */
export async function templateRows(api: ApiClient, id: number, signal?: AbortSignal): Promise<TemplateRow[]> {
  return ((await api.request('GET', `${round(id)}/template.json`, { signal })).json as { rows: TemplateRow[] }).rows;
}

/** Submits the unit's rows; the same key on a retry answers with the first receipt instead of a second submission. */
export async function submitRows(api: ApiClient, id: number, rows: readonly DipRow[], idempotencyKey: string, signal?: AbortSignal): Promise<Contract.SubmitResponse> {
  const headers = { 'idempotency-key': idempotencyKey };
  return (await api.request('POST', `${round(id)}/submissions`, { body: { rows }, headers, signal })).json as Contract.SubmitResponse;
}

export async function listReceipts(api: ApiClient, id: number, signal?: AbortSignal): Promise<Contract.Receipt[]> {
  return ((await api.request('GET', `${round(id)}/submissions`, { signal })).json as { receipts: Contract.Receipt[] }).receipts;
}
