/// <reference lib="webworker" />
// The only importer of DuckDB-WASM: the page speaks to it through protocol.ts.
import {
  createDuckDB,
  BROWSER_RUNTIME,
  VoidLogger,
  type Bindings,
  type Connection,
  type PreparedStatement,
} from 'duckdb-browser-blocking';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import { arrowToRows } from './arrow-rows';
import { lockDown, runConsole } from './console';
import type { Engine, Row, SqlParam } from './engine';
import type { QueryWire } from './sql';
import { isFatalEngineError } from './fatal';
import { PreAggregates } from './cube';
import { handleImportRequest } from './import-worker';
import { ingest, MissingColumnError } from './ingest';
import { runPending } from './pending';
import { BatchCancels, runBatch, taskPause } from './batch';
import type { BatchQuery, BatchResult, Request, Response, WorkerError } from './protocol';
import { TABLES } from './schema';

declare const self: DedicatedWorkerGlobalScope;

let db: Bindings | null = null;
let conn: Connection | null = null;

function post(message: Response): void {
  self.postMessage(message);
}

/**
 * DuckDB's loader drops a failed wasm fetch as an unhandled rejection and never
 * settles, so opening also listens for one and fails with it.
 */
function failOnUnhandledRejection<T>(work: Promise<T>): Promise<T> {
  let listener: (event: PromiseRejectionEvent) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    listener = (event) => {
      event.preventDefault();
      reject(event.reason instanceof Error ? event.reason : new Error(String(event.reason)));
    };
    self.addEventListener('unhandledrejection', listener);
  });
  return Promise.race([work, failed]).finally(() => self.removeEventListener('unhandledrejection', listener));
}

async function open(): Promise<Connection> {
  if (conn) return conn;
  conn = await failOnUnhandledRejection(instantiate());
  return conn;
}

async function instantiate(): Promise<Connection> {
  db = await createDuckDB(
    { mvp: { mainModule: mvpWasm, mainWorker: '' }, eh: { mainModule: ehWasm, mainWorker: '' } },
    new VoidLogger(),
    BROWSER_RUNTIME,
  );
  await db.instantiate(() => {});
  // A pending query (the console's, an idle pre-aggregate build) runs in slices of 5 ms rather
  // than 100, so a click's queries arriving wait for one short slice (cube.ts, idleSoon below);
  // the polls are message tasks (pending.ts), so the slices cost no timer clamp.
  db.open({ query: { queryPollingInterval: 5 } });
  const connection = db.connect();
  // Without these, a query touching an extension tries the network and hangs offline.
  connection.query('SET autoinstall_known_extensions = false');
  connection.query('SET autoload_known_extensions = false');
  await lockDown(engineOf(db, connection));
  return connection;
}

/**
 * The dashboard's queries, prepared once by SQL: every filter change runs the
 * same dozen statements with other values (≈ 8 → 5.5 ms each here). Dropped
 * whenever tables may change (load, import) so none outlives its tables.
 */
const prepared = new Map<string, PreparedStatement>();
/** Per-view pre-aggregates of large data (cube.ts); a statement reading one is forgotten when it is dropped. */
const preaggs = new PreAggregates();
preaggs.onDrop = (table) => {
  for (const [sql, statement] of prepared) {
    if (!sql.includes(`FROM ${table} AS facts`)) continue;
    statement.close();
    prepared.delete(sql);
  }
};
const MAX_PREPARED = 200;

function dropPrepared(): void {
  for (const statement of prepared.values()) statement.close();
  prepared.clear();
}

function runPrepared(connection: Connection, sql: string, params: readonly SqlParam[]): Row[] {
  let statement = prepared.get(sql);
  if (!statement) {
    if (prepared.size >= MAX_PREPARED) dropPrepared();
    statement = connection.prepare(sql);
    prepared.set(sql, statement);
  }
  return arrowToRows(statement.query(...params));
}

function engineOf(bindings: Bindings, connection: Connection): Engine {
  return {
    async exec(sql) {
      connection.query(sql);
    },
    async query(sql, params: readonly SqlParam[] = []) {
      if (params.length === 0) return arrowToRows(connection.query(sql));
      const stmt = connection.prepare(sql);
      try {
        return arrowToRows(stmt.query(...params));
      } finally {
        stmt.close();
      }
    },
    async registerText(name, text) {
      bindings.registerFileText(name, text);
    },
    async registerBytes(name, bytes) {
      bindings.registerFileBuffer(name, bytes);
    },
    async interruptible(sql, signal) {
      connection.prepare(sql).close(); // refuses a second statement
      return connection.useUnsafe((b, c) => runPending(b, c, sql, signal));
    },
  };
}

/** Console queries sent and not yet answered, by request id: a cancel request aborts one. */
const consoles = new Map<number, AbortController>();

/** The single-query path: every dashboard query, alone or in a batch, runs here. */
async function runQuery(query: QueryWire): Promise<Row[]> {
  const connection = await open();
  // Over the smallest pre-aggregate holding the columns the query declares, when one answers it.
  const routed = await preaggs.route(query);
  return runPrepared(connection, routed.sql, query.params);
}

/** Batches sent and not yet answered, by request id: a cancel request skips their queries not yet run. */
const batches = new Map<number, BatchCancels>();
const pause = taskPause();

/** One query of a batch: its rows or its error; a fatal error ends the batch (the page restarts the engine). */
async function batchQuery(query: BatchQuery): Promise<BatchResult> {
  const started = performance.now();
  try {
    return { rows: await runQuery(query), ms: performance.now() - started };
  } catch (error) {
    if (isFatalEngineError(error)) throw error;
    return { error: { ...toError(error, 'query'), detail: query.sql } };
  }
}

async function fetchText(url: string): Promise<string | null> {
  const response = await fetch(url);
  if (response.status === 404) return null;
  if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { url });
  return new TextDecoder('utf-8').decode(await response.arrayBuffer());
}

function toError(error: unknown, fallback: WorkerError['code']): WorkerError {
  if (error instanceof MissingColumnError) {
    return { code: 'missing-column', message: error.message, detail: `${error.file}:${error.column}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return isFatalEngineError(error) ? { code: fallback, message, fatal: true } : { code: fallback, message };
}

async function handle(request: Request): Promise<void> {
  const { id } = request;
  switch (request.type) {
    case 'load': {
      dropPrepared();
      const started = performance.now();
      const timings = { engine: 0, fetch: 0, ingest: 0 };
      let connection: Connection;
      try {
        post({ id, type: 'progress', stage: 'engine' });
        connection = await open();
        timings.engine = performance.now() - started;
      } catch (error) {
        return post({ id, type: 'error', error: toError(error, 'engine') });
      }
      const texts = new Map<string, string | null>();
      try {
        post({ id, type: 'progress', stage: 'fetch' });
        const results = await Promise.all(TABLES.map((spec) => fetchText(new URL(spec.file, request.dataUrl).href)));
        TABLES.forEach((spec, i) => texts.set(spec.file, results[i] ?? null));
        timings.fetch = performance.now() - started - timings.engine;
      } catch (error) {
        return post({ id, type: 'error', error: { ...toError(error, 'fetch'), detail: String((error as { url?: string }).url ?? '') } });
      }
      try {
        post({ id, type: 'progress', stage: 'ingest' });
        const engine = engineOf(db as Bindings, connection);
        await preaggs.clear();
        const files = await ingest(engine, texts);
        await preaggs.reset(engine);
        const ms = performance.now() - started;
        timings.ingest = ms - timings.engine - timings.fetch;
        post({ id, type: 'loaded', result: { files, timings, ms } });
      } catch (error) {
        post({ id, type: 'error', error: toError(error, 'internal') });
      }
      return;
    }
    case 'query': {
      const started = performance.now();
      try {
        const rows = await runQuery(request);
        post({ id, type: 'rows', rows, ms: performance.now() - started });
      } catch (error) {
        post({ id, type: 'error', error: { ...toError(error, 'query'), detail: request.sql } });
      }
      return;
    }
    case 'batch': {
      const started = performance.now();
      try {
        const results = await runBatch(request.queries, batchQuery, batches.get(id) ?? new BatchCancels(), pause);
        post({ id, type: 'batch-rows', results, ms: performance.now() - started });
      } catch (error) {
        post({ id, type: 'error', error: toError(error, 'query') });
      } finally {
        batches.delete(id);
      }
      return;
    }
    case 'console': {
      const controller = consoles.get(id) ?? new AbortController();
      try {
        const engine = engineOf(db as Bindings, await open());
        post({ id, type: 'console', result: await runConsole(engine, request.sql, controller.signal) });
      } catch (error) {
        const stopped = controller.signal.aborted && !isFatalEngineError(error);
        post({ id, type: 'error', error: stopped ? { code: 'stopped', message: 'stopped' } : toError(error, 'console') });
      } finally {
        consoles.delete(id);
      }
      return;
    }
    case 'cancel':
      return;
    default:
      dropPrepared();
      try {
        const engine = engineOf(db as Bindings, await open());
        const changes = request.type === 'import' || request.type === 'restore';
        if (changes) await preaggs.clear();
        await handleImportRequest(engine, request, post);
        if (changes) await preaggs.reset(engine);
      } catch (error) {
        post({ id, type: 'error', error: toError(error, 'import') });
      }
  }
}

// The worker holds a Web Lock named after it until it ends, however it ends (closed, crashed,
// out of memory): the page asks for the same lock, and is granted it when the worker is gone.
void navigator.locks?.request(self.name, () => {
  post({ id: 0, type: 'alive' });
  return new Promise<never>(() => {});
});

// One request at a time: an import's statements must not interleave with a query's.
let queue = Promise.resolve();
self.addEventListener('message', (event: MessageEvent<Request>) => {
  const request = event.data;
  // Heard at once, between the polls of the running query (src/data/pending.ts), not queued behind it.
  if (request.type === 'cancel') {
    batches.get(request.target)?.cancel(request.queries);
    return consoles.get(request.target)?.abort();
  }
  if (request.type === 'console') consoles.set(request.id, new AbortController());
  if (request.type === 'batch') batches.set(request.id, new BatchCancels());
  pending++;
  queue = queue
    .then(() => handle(request))
    .catch((error: unknown) => console.error(error))
    .finally(() => {
      pending--;
      idleSoon();
    });
});

/** Requests sent and not yet answered; idle work waits for none to be left. */
let pending = 0;
let idleTimer: ReturnType<typeof setTimeout> | null = null;
/** How long the worker waits after its last answer before building in idle time (a click's queries come together). */
const IDLE_MS = 40;

/** Stops the idle build running, if any: a request arriving does not wait for it. */
let idleStop: AbortController | null = null;
self.addEventListener('message', () => idleStop?.abort());

/**
 * Builds the pre-aggregates a click is likely to ask next (cube.ts) one at a time while no request
 * waits, yielding between them. A request arriving meanwhile stops the build at the engine's next
 * poll (5 ms of work or so, queryPollingInterval above) and goes first; the build is done again
 * at the next idle moment.
 */
function idleSoon(): void {
  if (idleTimer !== null || pending > 0 || !preaggs.idleWork) return;
  idleTimer = setTimeout(() => {
    idleTimer = null;
    if (pending > 0) return; // the last request's end asks again
    pending++;
    const stop = new AbortController();
    idleStop = stop;
    queue = queue
      .then(async () => void (await preaggs.buildIdle(stop.signal)))
      .catch((error: unknown) => console.error(error))
      .finally(() => {
        if (idleStop === stop) idleStop = null;
        pending--;
        idleSoon();
      });
  }, IDLE_MS);
}
