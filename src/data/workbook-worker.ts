/// <reference lib="webworker" />
/**
 * Reads one workbook, off the page and off the database worker: the parser (SheetJS) lives only in
 * this worker's bundle, which the page starts when a workbook is chosen and ends when it answers.
 * A workbook that takes this worker down (out of memory) costs neither the page nor the data.
 */
import { readWorkbook } from '../import/workbook';
import type { WorkbookRequest, WorkbookResponse } from './workbook-client';

declare const self: DedicatedWorkerGlobalScope;

self.addEventListener('message', (event: MessageEvent<WorkbookRequest>) => {
  const { bytes, sheet } = event.data;
  let response: WorkbookResponse;
  try {
    response = readWorkbook(new Uint8Array(bytes), { sheet });
  } catch (error) {
    // A parser failure not caught by readWorkbook itself: the file cannot be read.
    console.error(error);
    response = { ok: false, kind: null, error: error instanceof RangeError ? 'too-large' : 'xlsx', items: [], sheets: [] };
  }
  self.postMessage(response);
});
