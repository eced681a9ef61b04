/**
 * The page's side of reading a workbook: a worker of its own per workbook (workbook-worker.ts),
 * started when one is chosen, so that the parser is fetched only then and never in the first
 * bundle, and ended as soon as it answers. A worker that dies or does not answer in time is a
 * file too large to read here, said as such; the database and the page are untouched.
 */
import type { WorkbookRead } from '../import/workbook';

export interface WorkbookRequest {
  /** Transferred. */
  bytes: ArrayBuffer;
  sheet?: string;
}

export type WorkbookResponse = WorkbookRead;

/** Longer than any workbook within the limits takes here (a 100,000-row sheet of 13 columns took 44 s here, on a loaded machine). */
export const WORKBOOK_TIMEOUT_MS = 300_000;

function startWorker(): Worker {
  return new Worker(new URL('./workbook-worker.ts', import.meta.url), { type: 'module', name: 'workbook' });
}

export function readWorkbookFile(
  bytes: ArrayBuffer,
  sheet?: string,
  spawn: () => Worker = startWorker,
): Promise<WorkbookRead> {
  return new Promise((resolve) => {
    const worker = spawn();
    const done = (result: WorkbookRead) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const tooLarge = (): WorkbookRead => ({ ok: false, kind: null, error: 'too-large', items: [], sheets: [] });
    const timer = setTimeout(() => done(tooLarge()), WORKBOOK_TIMEOUT_MS);
    worker.addEventListener('message', (event: MessageEvent<WorkbookResponse>) => done(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      console.error(event.message);
      done(tooLarge());
    });
    const request: WorkbookRequest = { bytes, sheet };
    worker.postMessage(request, [bytes]);
  });
}
