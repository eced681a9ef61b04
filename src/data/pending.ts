/**
 * A query DuckDB-WASM runs step by step, so that it can be stopped: started as a pending query,
 * polled (each poll runs the engine for up to about 100 ms), with the worker's event loop let in
 * between polls so a stop request is heard, and cancelled when asked (the engine's interrupt).
 * Its connection stays usable; nothing has to be restarted.
 */
import { tableFromIPC } from 'apache-arrow';
import { arrowToRows } from './arrow-rows';
import { taskPause } from './batch';
import type { Row } from './engine';

/** The pending-query calls of DuckDB-WASM's bindings (the same in the browser's and Node's builds). */
export interface PendingBindings {
  startPendingQuery(conn: number, text: string, allowStreamResult?: boolean): Uint8Array | null;
  pollPendingQuery(conn: number): Uint8Array | null;
  cancelPendingQuery(conn: number): boolean;
  fetchQueryResults(conn: number): Uint8Array | null;
}

/** A query stopped on request (the Stop button or the time limit), not failed. */
export class QueryStopped extends Error {
  constructor() {
    super('query stopped');
    this.name = 'QueryStopped';
  }
}

/**
 * Lets queued messages (a stop request) run before the next poll: in the browser a message task,
 * not a timer, which it clamps to 4 ms once nested, so short polls cost no waiting; in Node (the
 * tests) `setImmediate`, since a port answering itself there would starve the timers.
 */
const nextTask =
  typeof setImmediate === 'function' ? () => new Promise<void>((resolve) => setImmediate(resolve)) : taskPause();

/** Runs `sql` on the connection until it is done or `signal` aborts; the rows, or QueryStopped. */
export async function runPending(bindings: PendingBindings, conn: number, sql: string, signal: AbortSignal): Promise<Row[]> {
  if (signal.aborted) throw new QueryStopped();
  // Not streamed: the whole result is made while polling, so fetching it below takes no engine time.
  let header = bindings.startPendingQuery(conn, sql, false);
  while (header === null) {
    await nextTask();
    if (signal.aborted) {
      bindings.cancelPendingQuery(conn);
      throw new QueryStopped();
    }
    header = bindings.pollPendingQuery(conn);
  }
  // The Arrow stream: the schema (header), then record batches; an empty chunk ends it, null means "again".
  const chunks = [header];
  for (;;) {
    let chunk: Uint8Array | null;
    do chunk = bindings.fetchQueryResults(conn);
    while (chunk === null);
    if (chunk.length === 0) break;
    chunks.push(chunk);
  }
  return arrowToRows(tableFromIPC(chunks));
}
