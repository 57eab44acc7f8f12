/** Errors the task pane shows. Every one carries a code the message catalogue keys on, never raw text to display. */
import type { StaleBaseBody } from '../../../shared/api.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The server's own (Indonesian) message: kept for logs, never shown (the catalogue chooses the text). */
    readonly serverMessage: string,
    /** Machine-readable extras of some refusals (e.g. the validation summary of version_has_errors). */
    readonly details?: unknown,
  ) {
    super(`${status} ${code}`);
    this.name = 'ApiError';
  }
}

/** 412 on a push: someone pushed since our base. Carries what changed on the server. */
export class StaleBaseError extends ApiError {
  constructor(readonly body: StaleBaseBody) {
    super(412, body.error.code, body.error.message);
    this.name = 'StaleBaseError';
  }
}

/** The server could not be reached at all (offline, wrong URL, TLS). */
export class NetworkError extends Error {
  constructor(readonly url: string) {
    super(`network error: ${url}`);
    this.name = 'NetworkError';
  }
}

/**
 * The user pressed Batal (or the pane closed the action): a DOM AbortError, or the Excel adapter's own
 * `cancelled` error (it stops between chunks and says how far it got).
 */
export function isAbort(err: unknown): boolean {
  if (!(err instanceof DOMException || err instanceof Error)) return false;
  return err.name === 'AbortError' || (err.name === 'AdapterError' && (err as Error & { code?: unknown }).code === 'cancelled');
}

export function abortError(): DOMException {
  return new DOMException('aborted', 'AbortError');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** A failure the pane itself detects (not the server, not Excel); the catalogue has a message per code. */
export class TaskError extends Error {
  constructor(readonly code: 'sheet_changed' | 'nothing_to_pull' | 'no_selection' | 'one_row_only' | 'sheet_empty' | 'sheet_not_at_head') {
    super(code);
    this.name = 'TaskError';
  }
}
