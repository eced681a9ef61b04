import type { Row } from './engine';
import type {
  CatalogTable,
  FilePayload,
  ImportMode,
  ImportProgressDetail,
  ImportResult,
  Preview,
  RejectedFile,
  StoredRows,
} from './import-protocol';
import type { ConsoleResult } from './console';
import type { BatchQuery, BatchResult, LoadResult, Request, Response, WorkerError } from './protocol';
import type { BuiltQuery } from './sql';

/** A failure reported by the worker, rebuilt on this side with its code and detail. */
export class DbError extends Error {
  readonly code: WorkerError['code'];
  readonly detail: string | undefined;
  constructor(error: WorkerError) {
    super(error.message);
    this.name = 'DbError';
    this.code = error.code;
    this.detail = error.detail;
  }
}

type Stage = Extract<Response, { type: 'progress' }>['stage'];
type LoadStage = 'engine' | 'fetch' | 'ingest';

// Distributes Omit over the union, so each request keeps its own fields.
type Body = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

interface Pending {
  body: Body;
  transfer: Transferable[];
  /** The worker it was posted to (its generation), or 0 while it waits for a restart to finish. */
  sentTo: number;
  /** Sent again to a new worker after a crash: only work without transferred bytes, and only once. */
  rerun: boolean;
  resolve(response: Response): void;
  reject(error: DbError): void;
  onProgress?: (stage: Stage, detail?: ImportProgressDetail) => void;
}

/** A batch on its way: its answers, and a way to skip its queries not yet run. */
export interface BatchRun {
  answers: Promise<BatchResult[]>;
  cancel(indexes?: readonly number[]): void;
}

/** What the engine did that the page should say: restarted after a crash, or could not be. */
export type EngineEvent = 'restarting' | 'restarted' | 'failed';

/** What made the tables what they are: the last load, then the imports that changed them. */
type Replayed =
  | { type: 'load'; dataUrl: string }
  | { type: 'restore'; files: StoredRows[] }
  | { type: 'import'; files: { name: string; blob: Blob; options: FilePayload['options'] }[]; mode: ImportMode; replacesSample: boolean };

/** Restarts in a row with no answer in between: past this the engine is given up on. */
const MAX_RESTARTS = 3;

/**
 * How long a stopped console query has to answer once told to stop (the engine is interrupted
 * between steps of about 100 ms): past this the worker is held stuck and restarted with its data.
 */
export const STOP_GRACE_MS = 3000;

function startWorker(name: string): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name });
}

function lockName(): string {
  const random = typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : String(Math.random()).slice(2);
  return `duckdb-${random}`;
}

/** Requests that leave the tables as they are; any other may change them. */
const READS_ONLY: ReadonlySet<Request['type']> = new Set(['query', 'batch', 'console', 'cancel', 'rejects', 'catalog']);

/** The request that does a remembered step again; an import's bytes are read back from its blobs. */
async function replayBody(entry: Replayed): Promise<[Body, Transferable[]]> {
  if (entry.type === 'load') return [{ type: 'load', dataUrl: entry.dataUrl }, []];
  if (entry.type === 'restore') return [{ type: 'restore', files: entry.files }, []];
  const buffers = await Promise.all(entry.files.map((f) => f.blob.arrayBuffer()));
  const files = entry.files.map((f, i) => ({ name: f.name, bytes: buffers[i]!, options: f.options }));
  return [{ type: 'import', files, mode: entry.mode, replacesSample: entry.replacesSample }, buffers];
}

/**
 * The page's one door to the database: requests with ids, answers matched back. When the
 * worker dies (an uncaught error, a closed or killed worker, a fatal engine error) a new one is
 * started, the data the page had is loaded again (the bundled files, then the imports) and the
 * requests still waiting are sent again, so the page keeps its state.
 */
export class DbClient {
  #worker: Worker;
  #generation = 0;
  #pending = new Map<number, Pending>();
  #nextId = 1;
  #replay: Replayed[] = [];
  #listeners = new Set<(event: EngineEvent) => void>();
  /** Requests wait on this while a restart posts the replay, so they reach the new worker after it. */
  #gate: Promise<void> = Promise.resolve();
  #restarts = 0;
  #restoring = false;
  #stopped = false;
  readonly #spawn: (name: string) => Worker;

  constructor(spawn: (name: string) => Worker = startWorker) {
    this.#spawn = spawn;
    this.#worker = this.#start();
  }

  #start(): Worker {
    const generation = ++this.#generation;
    const name = lockName();
    const worker = this.#spawn(name);
    const current = () => generation === this.#generation && !this.#stopped;
    worker.addEventListener('message', (event: MessageEvent<Response>) => {
      if (!current()) return;
      if (event.data.type === 'alive') return this.#watch(name, generation);
      this.#receive(event.data);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (current()) void this.#crashed(event.message || 'worker failed');
    });
    return worker;
  }

  /** The worker holds the lock named after it while it lives: the page is granted it when it dies. */
  #watch(name: string, generation: number): void {
    void navigator.locks?.request(name, () => {
      if (generation === this.#generation && !this.#stopped) void this.#crashed('worker ended');
    });
  }

  #receive(message: Response): void {
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') return pending.onProgress?.(message.stage, 'detail' in message ? message.detail : undefined);
    this.#pending.delete(message.id);
    if (message.type === 'error') {
      pending.reject(new DbError(message.error));
      if (message.error.fatal) void this.#crashed(message.error.message);
      return;
    }
    this.#restarts = 0;
    pending.resolve(message);
  }

  /**
   * Which state of the tables the next request sees: counts up with every request that may change
   * them (a load, an import, a restore, …), so answers kept from before are known to be stale
   * (the coordinator's answer cache, src/state/coordinator.ts). Requests run in order in the worker.
   */
  get tablesVersion(): number {
    return this.#tablesVersion;
  }
  #tablesVersion = 0;

  #send(body: Body, onProgress?: Pending['onProgress'], transfer: Transferable[] = []): Promise<Response> {
    if (!READS_ONLY.has(body.type)) this.#tablesVersion++;
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (this.#stopped) return reject(new DbError({ code: 'engine', message: 'the database engine stopped' }));
      const rerun = transfer.length === 0 && body.type !== 'console';
      this.#pending.set(id, { body, transfer, sentTo: 0, rerun, resolve, reject, ...(onProgress ? { onProgress } : {}) });
      void this.#gate.then(() => this.#post(id));
    });
  }

  #post(id: number, replaying = false): void {
    const pending = this.#pending.get(id);
    if (!pending || pending.sentTo !== 0 || this.#stopped || (this.#restoring && !replaying)) return;
    pending.sentTo = this.#generation;
    this.#worker.postMessage({ ...pending.body, id } as Request, pending.transfer);
  }

  /** Remembers what a successful load or import did to the tables, to do it again after a crash. */
  #remember(entry: Replayed): void {
    if (entry.type === 'load') this.#replay = [entry];
    else this.#replay.push(entry);
  }

  async #crashed(reason: string): Promise<void> {
    if (this.#stopped) return;
    console.warn(`database engine stopped (${reason}); starting a new one`);
    const dead = this.#generation;
    this.#worker.terminate();
    // Work the dead worker had: sent again once if it carried no bytes; otherwise it may be the
    // cause (a file, a typed query), and fails with the engine's error.
    for (const [id, pending] of this.#pending) {
      if (pending.sentTo !== dead) continue;
      if (pending.rerun) {
        pending.rerun = false;
        pending.sentTo = 0;
      } else {
        this.#pending.delete(id);
        pending.reject(new DbError({ code: 'engine', message: reason }));
      }
    }
    if (++this.#restarts > MAX_RESTARTS) return this.#giveUp(reason);
    this.#emit('restarting');
    this.#worker = this.#start();
    const generation = this.#generation;
    let restored!: () => void;
    this.#gate = new Promise((resolve) => (restored = resolve));
    this.#restoring = true;
    const answers: Promise<Response>[] = [];
    try {
      for (const entry of this.#replay.slice()) {
        const [body, transfer] = await replayBody(entry);
        if (generation !== this.#generation) return;
        const answer = this.#sendNow(body, transfer);
        answer.catch(() => {}); // awaited below, unless a newer restart took over
        answers.push(answer);
      }
    } catch (error) {
      answers.push(Promise.reject(error instanceof Error ? error : new Error(String(error))));
    } finally {
      if (generation === this.#generation) {
        this.#restoring = false;
        restored();
      }
    }
    for (const id of this.#pending.keys()) this.#post(id);
    try {
      await Promise.all(answers);
      if (generation === this.#generation) this.#emit('restarted');
    } catch (error) {
      console.error(error);
      if (generation === this.#generation) this.#emit('failed');
    }
  }

  /** Posts a replayed step at once, ahead of every request waiting for the restart. */
  #sendNow(body: Body, transfer: Transferable[]): Promise<Response> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { body, transfer, sentTo: 0, rerun: false, resolve, reject });
      this.#post(id, true);
    });
  }

  #giveUp(reason: string): void {
    this.#stopped = true;
    for (const pending of this.#pending.values()) pending.reject(new DbError({ code: 'engine', message: reason }));
    this.#pending.clear();
    this.#emit('failed');
  }

  #emit(event: EngineEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  /** Tells `listener` when the engine restarts; returns the function that stops it. */
  onEngineEvent(listener: (event: EngineEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Starts the engine and loads the CSV files found under `dataUrl`. */
  async load(dataUrl: string, onProgress?: (stage: LoadStage) => void): Promise<LoadResult> {
    const response = await this.#send({ type: 'load', dataUrl }, onProgress && ((stage) => onProgress(stage as LoadStage)));
    if (response.type !== 'loaded') throw new DbError({ code: 'internal', message: `unexpected ${response.type}` });
    this.#remember({ type: 'load', dataUrl });
    return response.result;
  }

  async query<T = Row>(query: BuiltQuery): Promise<T[]> {
    const { sql, params, columns, measures, facts } = query;
    const response = await this.#send({ type: 'query', sql, params, columns, measures, facts });
    if (response.type !== 'rows') throw new DbError({ code: 'internal', message: `unexpected ${response.type}` });
    return response.rows as T[];
  }

  /**
   * Several queries in one message, answered together (src/state/coordinator.ts sends a click's
   * queries so). `cancel` skips queries of it the worker has not started yet (all when none named):
   * they answer with code `stopped`. A running statement is not interrupted.
   */
  batch(queries: readonly BuiltQuery<unknown>[]): BatchRun {
    const id = this.#nextId;
    // Only what the worker reads: a query object may carry more (functions do not cross).
    const sent: BatchQuery[] = queries.map(({ sql, params, columns, measures, facts }) => ({
      sql,
      params,
      ...(columns ? { columns } : {}),
      ...(measures ? { measures } : {}),
      ...(facts !== undefined ? { facts } : {}),
    }));
    const answer = this.#send({ type: 'batch', queries: sent });
    return {
      answers: answer.then((response) => {
        if (response.type !== 'batch-rows') throw new DbError({ code: 'internal', message: `unexpected ${response.type}` });
        return response.results;
      }),
      cancel: (indexes) => {
        const pending = this.#pending.get(id);
        if (!pending || pending.sentTo !== this.#generation || this.#stopped) return;
        const message: Request = { id: this.#nextId++, type: 'cancel', target: id };
        if (indexes) message.queries = [...indexes];
        this.#worker.postMessage(message);
      },
    };
  }

  /** How a file would be read: encoding, header row, table, mapping. The bytes are transferred. */
  async preview(file: FilePayload): Promise<Preview> {
    const response = await this.#send({ type: 'preview', file }, undefined, [file.bytes]);
    if (response.type !== 'preview') throw new DbError({ code: 'internal', message: `unexpected ${response.type}` });
    return response.preview;
  }

  /** Imports files into the tables; progress reports bytes and rows as the worker reads them. */
  async importFiles(
    files: FilePayload[],
    mode: ImportMode,
    replacesSample: boolean,
    onProgress?: (detail: ImportProgressDetail) => void,
  ): Promise<ImportResult> {
    // A copy for a restart, before the bytes are transferred; a Blob may be kept out of memory.
    const kept = files.map((f) => ({ name: f.name, blob: new Blob([f.bytes]), options: f.options }));
    const response = await this.#send(
      { type: 'import', files, mode, replacesSample },
      (_, detail) => detail && onProgress?.(detail),
      files.map((f) => f.bytes),
    );
    if (response.type !== 'imported') throw new DbError({ code: 'internal', message: `unexpected ${response.type}` });
    if (response.result.changed) this.#remember({ type: 'import', files: kept, mode, replacesSample });
    return response.result;
  }

  /** Empties the tables and fills them with rows kept in this browser (stored-rows.ts); returns the rows inserted. */
  async restore(files: StoredRows[]): Promise<number> {
    const response = await this.#send({ type: 'restore', files });
    if (response.type !== 'restored') throw new DbError({ code: 'internal', message: `unexpected ${response.type}` });
    this.#remember({ type: 'restore', files });
    return response.rows;
  }

  /** The rows the last import rejected, for the download. */
  async rejects(): Promise<RejectedFile[]> {
    const response = await this.#send({ type: 'rejects' });
    if (response.type !== 'rejects') throw new DbError({ code: 'internal', message: `unexpected ${response.type}` });
    return response.files;
  }

  async catalog(): Promise<CatalogTable[]> {
    const response = await this.#send({ type: 'catalog' });
    if (response.type !== 'catalog') throw new DbError({ code: 'internal', message: `unexpected ${response.type}` });
    return response.tables;
  }

  /**
   * A read-only query typed by the user on the data page. Aborting `signal` stops it: the worker
   * interrupts the engine and the query rejects with code `stopped`; a worker that does not answer
   * within STOP_GRACE_MS is restarted with its data (the crash path), so the dashboard answers again.
   */
  async console(sql: string, signal?: AbortSignal): Promise<ConsoleResult> {
    const id = this.#nextId;
    const answer = this.#send({ type: 'console', sql });
    const stop = () => this.#stop(id);
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) stop();
    try {
      const response = await answer;
      if (response.type !== 'console') throw new DbError({ code: 'internal', message: `unexpected ${response.type}` });
      return response.result;
    } finally {
      signal?.removeEventListener('abort', stop);
    }
  }

  /** Stops console query `id`: told to the worker at once (not queued), then restarted if it stays silent. */
  #stop(id: number): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    const stopped = new DbError({ code: 'stopped', message: 'stopped' });
    if (pending.sentTo === 0) {
      // Still waiting for a restart to finish: never sent, nothing to interrupt.
      this.#pending.delete(id);
      return pending.reject(stopped);
    }
    const generation = pending.sentTo;
    this.#worker.postMessage({ id: this.#nextId++, type: 'cancel', target: id } satisfies Request);
    setTimeout(() => {
      if (this.#pending.get(id) !== pending || generation !== this.#generation || this.#stopped) return;
      this.#pending.delete(id);
      pending.reject(stopped);
      void this.#crashed('a stopped query did not end');
    }, STOP_GRACE_MS);
  }

  terminate(): void {
    this.#stopped = true;
    this.#worker.terminate();
  }
}
