/// <reference lib="webworker" />
// The bare engine: the app's DuckDB bindings in a worker of their own, with nothing of the app
// around them but its ingest (so the tables are the app's).
import {
  createDuckDB,
  BROWSER_RUNTIME,
  VoidLogger,
  type Connection,
  type PreparedStatement,
} from 'duckdb-browser-blocking';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import { arrowToRows } from '../src/data/arrow-rows';
import type { Engine, Row, SqlParam } from '../src/data/engine';
import { ingest } from '../src/data/ingest';
import { runPending } from '../src/data/pending';
import { TABLES } from '../src/data/schema';
import type { BareRequest, BareResponse } from './engine-protocol';

declare const self: DedicatedWorkerGlobalScope;

const db = await createDuckDB(
  { mvp: { mainModule: mvpWasm, mainWorker: '' }, eh: { mainModule: ehWasm, mainWorker: '' } },
  new VoidLogger(),
  BROWSER_RUNTIME,
);
await db.instantiate(() => {});
db.open({});
const conn: Connection = db.connect();
conn.query('SET autoinstall_known_extensions = false');
conn.query('SET autoload_known_extensions = false');

const engine: Engine = {
  async exec(sql) {
    conn.query(sql);
  },
  async query(sql, params: readonly SqlParam[] = []) {
    if (params.length === 0) return arrowToRows(conn.query(sql));
    const stmt = conn.prepare(sql);
    try {
      return arrowToRows(stmt.query(...params));
    } finally {
      stmt.close();
    }
  },
  async registerText(name, text) {
    db.registerFileText(name, text);
  },
  async interruptible(sql, signal) {
    conn.prepare(sql).close();
    return conn.useUnsafe((b, c) => runPending(b, c, sql, signal));
  },
};

const prepared = new Map<string, PreparedStatement>();
function run(sql: string, params: readonly SqlParam[]): Row[] {
  let statement = prepared.get(sql);
  if (!statement) prepared.set(sql, (statement = conn.prepare(sql)));
  return arrowToRows(statement.query(...params));
}

async function handle(request: BareRequest): Promise<BareResponse> {
  switch (request.type) {
    case 'csv': {
      // The bare import: the bytes registered, one CREATE TABLE … AS SELECT * FROM read_csv.
      const started = performance.now();
      db.registerFileBuffer('bare.csv', new Uint8Array(request.bytes));
      conn.query("CREATE OR REPLACE TABLE bare AS SELECT * FROM read_csv('bare.csv')");
      const ms = performance.now() - started;
      const rows = Number(arrowToRows(conn.query('SELECT count(*)::INTEGER AS n FROM bare'))[0]?.n);
      conn.query('DROP TABLE bare');
      db.dropFile('bare.csv');
      return { type: 'csv', ms, rows };
    }
    case 'load': {
      const started = performance.now();
      const texts = new Map<string, string | null>();
      for (const spec of TABLES) {
        const response = await fetch(new URL(spec.file, request.dataUrl));
        texts.set(spec.file, response.ok ? await response.text() : null);
      }
      const files = await ingest(engine, texts);
      return { type: 'load', ms: performance.now() - started, rows: files[0]?.loaded ?? 0 };
    }
    case 'run': {
      const times: number[] = [];
      let results: Row[][] = [];
      for (let rep = 0; rep < request.reps; rep++) {
        const started = performance.now();
        results = request.queries.map((q) => run(q.sql, q.params));
        times.push(performance.now() - started);
      }
      return { type: 'run', times, results };
    }
  }
}

self.addEventListener('message', (event: MessageEvent<BareRequest>) => {
  handle(event.data).then(
    (response) => self.postMessage(response),
    (error: unknown) => self.postMessage({ type: 'error', message: String(error) } satisfies BareResponse),
  );
});
self.postMessage({ type: 'ready' } satisfies BareResponse);
