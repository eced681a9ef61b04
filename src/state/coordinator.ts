/**
 * The page's one way to run a query (issue 14). Every view asks through a `Slot`; the coordinator
 *  - answers from the build-time snapshot while the engine starts (src/state/snapshot.ts);
 *  - collects what is asked in the same task and sends it as ONE batch (one worker message, one
 *    answer), asking a query asked twice (same SQL and values) once;
 *  - hands a batch's answers over together, in one synchronous loop, so the page redraws once;
 *  - never hands a slot an answer to a query it has since replaced (a stale answer is dropped);
 *  - cancels in the worker the queries nobody waits for any more (a superseded click's);
 *  - keeps the last answers, as Mosaic's coordinator does: a query asked again while the tables are
 *    as they were (a selection cleared, a filter toggled back) is answered at once, not run again.
 * Queries keep their declarations (`columns`, `measures`): the worker routes them by those.
 * Engine-agnostic: the client is anything that runs a batch (the worker's DbClient, or the engine
 * in Node in the unit tests).
 */
import type { Row } from '../data/engine';
import type { BatchResult, WorkerError } from '../data/protocol';
import type { BuiltQuery } from '../data/sql';
import { nextTask } from './next-task';

/** The coordinator's view of the database: runs a batch, and skips queries of it on request. */
export interface BatchClient {
  batch(queries: readonly BuiltQuery<unknown>[]): {
    answers: Promise<BatchResult[]>;
    cancel(indexes?: readonly number[]): void;
  };
  /** Counts up whenever the tables may have changed (src/data/client.ts); answers kept from before are not used. */
  readonly tablesVersion?: number;
}

/** How many answers are kept for asking again (a click and its undo; a filter toggled back). */
const CACHED_ANSWERS = 256;

export type Answer<T> = { rows: T[]; from: 'snapshot' | 'engine' } | { error: Error };

/** A query's failure as the worker reported it. */
export class QueryError extends Error {
  readonly code: WorkerError['code'];
  constructor(error: WorkerError) {
    super(error.message);
    this.name = 'QueryError';
    this.code = error.code;
  }
}

/** The dashboard's queries, kept as User Timing entries (what `npm run bench` replays bare). */
export const QUERY_MEASURE = 'db.query';
let logged = 0;

function logQuery(query: BuiltQuery<unknown>, start: number, ms: number): void {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  // Bounded: the entries of a long session would otherwise pile up.
  if (++logged % 500 === 0) performance.clearMeasures(QUERY_MEASURE);
  performance.measure(QUERY_MEASURE, { start, detail: { sql: query.sql, params: query.params, ms } });
}

export const queryKey = (query: BuiltQuery<unknown>): string => JSON.stringify([query.sql, query.params]);

interface Entry {
  key: string;
  query: BuiltQuery<unknown>;
  /** The slots waiting for it. */
  waiting: Set<Slot<unknown>>;
  /** Its batch and place in it, once sent. */
  sent?: { batch: Sent; index: number };
}

interface Sent {
  run: ReturnType<BatchClient['batch']>;
  entries: Entry[];
  cancelled: Set<number>;
}

export interface CoordinatorOptions {
  /** When the queries asked so far are sent: by default once the current task is done (`afterThisTask`). */
  schedule?: (flush: () => void) => void;
}

/** Sends what was asked once the current task is done, before the page redraws (src/state/next-task.ts). */
export const afterThisTask = (): ((flush: () => void) => void) => (flush) => void nextTask('ask', flush);

export class QueryCoordinator {
  #client: BatchClient;
  #snapshot: ReadonlyMap<string, Row[]> | null = null;
  /** Asked and not yet sent, by key. */
  #queued = new Map<string, Entry>();
  /** Sent and not yet answered, by key: a second ask waits for the same answer. */
  #inflight = new Map<string, Entry>();
  /** Sent entries that lost every slot since the last flush: cancelled then, unless asked again. */
  #orphans = new Set<Entry>();
  #scheduled = false;
  /** Answers by key, least recently used first, with the tables' version they were computed on. */
  #answers = new Map<string, { rows: unknown[]; version: number }>();
  readonly #schedule: (flush: () => void) => void;
  /** Batches sent, and answered (for tests and the page's idle work). */
  batches = 0;
  #idle: (() => void)[] = [];

  constructor(client: BatchClient, options: CoordinatorOptions = {}) {
    this.#client = client;
    this.#schedule = options.schedule ?? afterThisTask();
  }

  /** The build-time rows that answer their queries while the engine starts; null once it answers. */
  useSnapshot(results: ReadonlyMap<string, Row[]> | Record<string, Row[]> | null): void {
    this.#snapshot = results === null ? null : results instanceof Map ? results : new Map(Object.entries(results));
  }

  /**
   * The engine has loaded the data the snapshot was made from: its rows are the engine's answers
   * for these tables, kept as if the engine had given them, so going back to the opening view (a
   * selection cleared) asks nothing. A later change of the tables drops them, as any kept answer.
   */
  confirmSnapshot(): void {
    if (!this.#snapshot) return;
    const version = this.#tablesVersion();
    for (const [key, rows] of this.#snapshot) if (!this.#answers.has(key)) this.#keep(key, rows, version);
  }

  /** The snapshot's rows for this query while it stands in for the engine; undefined otherwise. */
  snapshotRows<T>(query: BuiltQuery<unknown>): T[] | undefined {
    return this.#snapshot?.get(queryKey(query)) as T[] | undefined;
  }

  /** A view's place to ask: each ask replaces its last; `onAnswer` gets only the answer to its latest. */
  slot<T>(onAnswer: (answer: Answer<T>, query: BuiltQuery<unknown>) => void): Slot<T> {
    return new Slot<T>(this, onAnswer);
  }

  /** One answer, as a promise (a one-off query: year span, a slide). Aborting `signal` withdraws it. */
  fetch<T>(query: BuiltQuery<unknown>, signal?: AbortSignal): Promise<T[]> {
    return new Promise<T[]>((resolve, reject) => {
      const slot = this.slot<T>((answer) => {
        signal?.removeEventListener('abort', abort);
        if ('error' in answer) reject(answer.error);
        else resolve(answer.rows);
      });
      const abort = () => {
        slot.drop();
        reject(new QueryError({ code: 'stopped', message: 'withdrawn' }));
      };
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, { once: true });
      slot.ask(query);
    });
  }

  /** Resolves once nothing is queued or on its way. */
  idle(): Promise<void> {
    if (this.#queued.size === 0 && this.#inflight.size === 0 && !this.#scheduled) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** @internal A slot asks; answered now from the snapshot, or queued for the next batch. */
  ask(slot: Slot<unknown>, query: BuiltQuery<unknown>): Entry | null {
    const early = this.snapshotRows<unknown>(query);
    if (early) {
      // The engine's own answer, computed at build time: drawn now, while the engine starts.
      slot.deliver({ rows: early, from: 'snapshot' }, query);
      return null;
    }
    const key = queryKey(query);
    const kept = this.#kept(key);
    if (kept) {
      slot.deliver({ rows: kept, from: 'engine' }, query);
      return null;
    }
    let entry = this.#inflight.get(key) ?? this.#queued.get(key);
    if (!entry) {
      entry = { key, query, waiting: new Set() };
      this.#queued.set(key, entry);
      this.#plan();
    }
    entry.waiting.add(slot);
    this.#orphans.delete(entry);
    return entry;
  }

  /** The answer kept for this key, when the tables are still those it was computed on. */
  #kept(key: string): unknown[] | undefined {
    const kept = this.#answers.get(key);
    if (!kept) return undefined;
    this.#answers.delete(key);
    if (kept.version !== this.#tablesVersion()) return undefined;
    this.#answers.set(key, kept); // the most recently used now
    return kept.rows;
  }

  #keep(key: string, rows: unknown[], version: number): void {
    if (version !== this.#tablesVersion()) return;
    this.#answers.delete(key);
    this.#answers.set(key, { rows, version });
    if (this.#answers.size > CACHED_ANSWERS) this.#answers.delete(this.#answers.keys().next().value!);
  }

  #tablesVersion(): number {
    return this.#client.tablesVersion ?? 0;
  }

  /** @internal A slot no longer waits for this entry's answer. */
  withdraw(slot: Slot<unknown>, entry: Entry): void {
    entry.waiting.delete(slot);
    if (entry.waiting.size > 0) return;
    if (!entry.sent) {
      if (this.#queued.get(entry.key) === entry) this.#queued.delete(entry.key);
      return;
    }
    // Cancelled at the next flush unless asked again in this tick (a toggle back and forth).
    this.#orphans.add(entry);
    this.#plan();
  }

  #plan(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#schedule(() => this.#flush());
  }

  #flush(): void {
    this.#scheduled = false;
    this.#cancelOrphans();
    const entries = [...this.#queued.values()];
    this.#queued.clear();
    if (entries.length > 0) this.#send(entries);
    this.#settle();
  }

  #cancelOrphans(): void {
    const byBatch = new Map<Sent, number[]>();
    for (const entry of this.#orphans) {
      if (!entry.sent || entry.waiting.size > 0) continue;
      if (this.#inflight.get(entry.key) === entry) this.#inflight.delete(entry.key);
      const { batch, index } = entry.sent;
      batch.cancelled.add(index);
      byBatch.set(batch, [...(byBatch.get(batch) ?? []), index]);
    }
    this.#orphans.clear();
    for (const [batch, indexes] of byBatch) {
      batch.run.cancel(batch.cancelled.size === batch.entries.length ? undefined : indexes);
    }
  }

  #send(entries: Entry[]): void {
    const start = typeof performance === 'undefined' ? 0 : performance.now();
    const version = this.#tablesVersion();
    const run = this.#client.batch(entries.map((e) => e.query));
    const sent: Sent = { run, entries, cancelled: new Set() };
    entries.forEach((entry, index) => {
      entry.sent = { batch: sent, index };
      this.#inflight.set(entry.key, entry);
    });
    this.batches++;
    run.answers.then(
      (results) => {
        // Every answer first, then every slot at once: one redraw for the batch.
        const deliveries: [Entry, Answer<unknown>][] = [];
        entries.forEach((entry, i) => {
          if (this.#inflight.get(entry.key) === entry) this.#inflight.delete(entry.key);
          const result = results[i];
          if (!result) return;
          // A query cancelled after it had started still answers: kept for the next ask.
          if (!('error' in result)) this.#keep(entry.key, result.rows, version);
          if (sent.cancelled.has(i)) return;
          if ('error' in result) deliveries.push([entry, { error: new QueryError(result.error) }]);
          else {
            logQuery(entry.query, start, result.ms);
            deliveries.push([entry, { rows: result.rows, from: 'engine' }]);
          }
        });
        for (const [entry, answer] of deliveries) this.#deliver(entry, answer);
        this.#settle();
      },
      (error: unknown) => {
        const failure = error instanceof Error ? error : new Error(String(error));
        for (const entry of entries) {
          if (this.#inflight.get(entry.key) === entry) this.#inflight.delete(entry.key);
          if (!sent.cancelled.has(entry.sent!.index)) this.#deliver(entry, { error: failure });
        }
        this.#settle();
      },
    );
  }

  #deliver(entry: Entry, answer: Answer<unknown>): void {
    const waiting = [...entry.waiting];
    entry.waiting.clear();
    for (const slot of waiting) slot.deliver(answer, entry.query);
  }

  #settle(): void {
    if (this.#queued.size > 0 || this.#inflight.size > 0 || this.#scheduled) return;
    const idle = this.#idle;
    this.#idle = [];
    for (const resolve of idle) resolve();
  }
}

/** One view's query: asking again replaces the last ask, whose answer it will never get. */
export class Slot<T> {
  readonly #coordinator: QueryCoordinator;
  readonly #onAnswer: (answer: Answer<T>, query: BuiltQuery<unknown>) => void;
  #entry: Entry | null = null;
  #dropped = false;

  constructor(coordinator: QueryCoordinator, onAnswer: (answer: Answer<T>, query: BuiltQuery<unknown>) => void) {
    this.#coordinator = coordinator;
    this.#onAnswer = onAnswer;
  }

  /** Whether an answer is on its way. */
  get waiting(): boolean {
    return this.#entry !== null;
  }

  ask(query: BuiltQuery<unknown>): void {
    if (this.#dropped) return;
    this.#leave();
    this.#entry = this.#coordinator.ask(this as Slot<unknown>, query);
  }

  /** Stops waiting (the view is gone): its query is cancelled if no other view waits for it. */
  drop(): void {
    this.#dropped = true;
    this.#leave();
  }

  #leave(): void {
    if (this.#entry) this.#coordinator.withdraw(this as Slot<unknown>, this.#entry);
    this.#entry = null;
  }

  /** @internal */
  deliver(answer: Answer<unknown>, query: BuiltQuery<unknown>): void {
    if (this.#dropped) return;
    this.#entry = null;
    this.#onAnswer(answer as Answer<T>, query);
  }
}

const coordinators = new WeakMap<object, QueryCoordinator>();

/** The coordinator of a client (one per engine worker): every view of the page asks it. */
export function coordinatorFor(client: BatchClient): QueryCoordinator {
  let coordinator = coordinators.get(client);
  if (!coordinator) {
    coordinator = new QueryCoordinator(client);
    coordinators.set(client, coordinator);
  }
  return coordinator;
}
