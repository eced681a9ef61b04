/**
 * A batch of queries run one after another, with the event loop let in between them so a cancel
 * can arrive: a query cancelled before its turn is skipped. A query already running is not stopped
 * (the dashboard's statements run on the engine's synchronous bindings, as prepared statements).
 * The worker runs it (src/data/worker.ts); the coordinator's tests run it on the engine in Node.
 */
import type { BatchQuery, BatchResult, WorkerError } from './protocol';

export const CANCELLED: WorkerError = { code: 'stopped', message: 'cancelled' };

/** Which queries of a batch were cancelled: some by index, or all. */
export class BatchCancels {
  #all = false;
  readonly #some = new Set<number>();

  cancel(queries?: readonly number[]): void {
    if (!queries) this.#all = true;
    else for (const i of queries) this.#some.add(i);
  }

  has(index: number): boolean {
    return this.#all || this.#some.has(index);
  }
}

/** Lets the event loop in (a message task, not a clamped timer): a cancel posted meanwhile is heard. */
export function taskPause(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  // In Node (the tests), an idle port does not keep the process alive.
  (channel.port1 as { unref?: () => void }).unref?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });
}

/**
 * Runs `queries` through `run` (the single-query path), pausing between them; stops at a fatal
 * error (thrown), so the page restarts the engine with the whole batch.
 */
export async function runBatch(
  queries: readonly BatchQuery[],
  run: (query: BatchQuery) => Promise<BatchResult>,
  cancels: BatchCancels,
  pause: () => Promise<void>,
): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  for (let i = 0; i < queries.length; i++) {
    if (i > 0) await pause();
    results.push(cancels.has(i) ? { error: CANCELLED } : await run(queries[i]!));
  }
  return results;
}
