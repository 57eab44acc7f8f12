/**
 * The approval workflow of a register version (../shared/DESIGN.md steps 6–9) over the API client: the records of a
 * version, and each step — submit, meeting, approve, reject (the approver), publish. Each answers with the version's
 * records after the step, so the pane shows what the server now holds.
 */
import type { ApproveRequest, MeetingRequest, RejectRequest, VersionApprovalInfo } from '../../../shared/api.js';
import type { RowDiff } from '../../../shared/diff.js';
import type { ApiClient } from './client.js';

const base = (n: number) => `/api/register/versions/${encodeURIComponent(String(n))}`;

export async function approvalInfo(api: ApiClient, n: number, signal?: AbortSignal): Promise<VersionApprovalInfo> {
  return (await api.request('GET', `${base(n)}/approval`, { signal })).json as VersionApprovalInfo;
}

export async function submitVersion(api: ApiClient, n: number, signal?: AbortSignal): Promise<VersionApprovalInfo> {
  return (await api.request('POST', `${base(n)}/submit`, { signal })).json as VersionApprovalInfo;
}

export async function recordMeeting(api: ApiClient, n: number, body: MeetingRequest, signal?: AbortSignal): Promise<VersionApprovalInfo> {
  return (await api.request('POST', `${base(n)}/meeting`, { body, signal })).json as VersionApprovalInfo;
}

/** `body.contentHash` must be the hash the approver reviewed: the server refuses any other (content_hash_mismatch). */
export async function approveVersion(api: ApiClient, n: number, body: ApproveRequest, signal?: AbortSignal): Promise<VersionApprovalInfo> {
  return (await api.request('POST', `${base(n)}/approve`, { body, signal })).json as VersionApprovalInfo;
}

export async function rejectVersion(api: ApiClient, n: number, body: RejectRequest, signal?: AbortSignal): Promise<VersionApprovalInfo> {
  return (await api.request('POST', `${base(n)}/reject`, { body, signal })).json as VersionApprovalInfo;
}

export async function publishVersion(api: ApiClient, n: number, signal?: AbortSignal): Promise<VersionApprovalInfo> {
  return (await api.request('POST', `${base(n)}/publish`, { signal })).json as VersionApprovalInfo;
}

/**
 * What version `n` changes against the published DIP. With nothing published yet, against the empty list (every
 * row is new): `published` is then null.
 */
export async function diffFromPublished(api: ApiClient, n: number, published: number | null, signal?: AbortSignal): Promise<RowDiff> {
  const from = published === null ? '0' : String(published);
  return (await api.request('GET', `/api/register/diff?from=${from}&to=${n}`, { signal })).json as RowDiff;
}
