// The worker thread that parses uploaded workbooks (see parse-pool.ts). Plain JS so that it starts the same way
// under tsx, vitest or plain node: when the TypeScript job cannot be imported as is, it registers tsx and retries.
import { parentPort } from 'node:worker_threads';

async function loadJob() {
  try {
    return await import('./parse-job.ts');
  } catch (err) {
    if (err?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw err;
    const { register } = await import('tsx/esm/api');
    register();
    // A new specifier: the failed load of the plain one stays cached.
    return import('./parse-job.ts?tsx');
  }
}

const { runParseJob } = await loadJob();
parentPort.on('message', async (job) => parentPort.postMessage(await runParseJob(job)));
