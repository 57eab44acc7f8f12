/**
 * Workbooks are parsed in worker threads, for two reasons: exceljs parses synchronously (a large workbook would
 * stall every other request for seconds), and a worker has its own heap cap (`resourceLimits`), so a file that
 * still manages to blow up exceljs past the guards kills only that worker — the upload gets a 422 and the server
 * keeps serving. Workers are reused while busy and end after a short idle time.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Worker } from 'node:worker_threads';
import type { UploadLimits } from './limits.js';
import type { ParseJob, ParseReply } from './parse-job.js';
import { UploadRefused } from './refusal.js';
import type { SheetGrid } from './xlsx-read.js';

const IDLE_MS = 30_000;
const idle: { worker: Worker; heapMb: number; timer: NodeJS.Timeout }[] = [];

function spawn(limits: UploadLimits): Worker {
  const worker = new Worker(new URL('./parse-worker.mjs', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: 32 },
  });
  // An idle worker must not keep the process alive (tests, shutdown).
  worker.unref();
  return worker;
}

function acquire(limits: UploadLimits): Worker {
  // A worker's heap cap is fixed when it starts: reuse only one started with the cap asked for.
  const i = idle.findLastIndex((e) => e.heapMb === limits.workerHeapMb);
  if (i < 0) return spawn(limits);
  const [entry] = idle.splice(i, 1);
  clearTimeout(entry!.timer);
  return entry!.worker;
}

function release(worker: Worker, heapMb: number) {
  const timer = setTimeout(() => {
    const i = idle.findIndex((e) => e.worker === worker);
    if (i >= 0) idle.splice(i, 1);
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle.push({ worker, heapMb, timer });
}

const tooComplex = (why: string, en: string) =>
  new UploadRefused(422, 'workbook_too_complex', `Berkas tidak dapat dibaca: ${why}. Simpan ulang di Excel tanpa objek atau format berlebihan, lalu unggah lagi.`, `The file could not be read: ${en}. Save it again in Excel without excess objects or formatting and upload again.`);

/** The workbook's grids, parsed in a worker; UploadRefused for a refused, unreadable, too heavy or too slow file. */
export function parseXlsxInWorker(bytes: Buffer, limits: UploadLimits): Promise<SheetGrid[]> {
  const worker = acquire(limits);
  // A copy the worker can own (the upload's buffer may be a view into a larger one).
  const owned = new Uint8Array(bytes);
  const job: ParseJob = { bytes: owned, limits };
  return new Promise<SheetGrid[]>((resolve, reject) => {
    let settled = false;
    const finish = (keep: boolean, outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (keep) release(worker, limits.workerHeapMb);
      else void worker.terminate();
      outcome();
    };
    const onMessage = (reply: ParseReply) =>
      finish(true, () => {
        if (reply.ok) resolve(reply.grids);
        else {
          const e = reply.error;
          reject(new UploadRefused(e.status as ContentfulStatusCode, e.code, e.message, e.messageEn ?? e.message, e.details));
        }
      });
    // ERR_WORKER_OUT_OF_MEMORY, or anything thrown outside the job's own try (a stream error inside exceljs).
    const onError = (err: Error & { code?: string }) =>
      finish(false, () =>
        reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex('membutuhkan terlalu banyak memori', 'it needs too much memory') : tooComplex('isinya rusak', 'its content is damaged')),
      );
    const onExit = () => finish(false, () => reject(tooComplex('pembaca berhenti', 'the reader stopped')));
    const timer = setTimeout(() => finish(false, () => reject(tooComplex('terlalu lama dibaca', 'it takes too long to read'))), limits.parseTimeoutMs);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job, [owned.buffer]);
  });
}
