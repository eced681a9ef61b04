import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Engine, SqlParam } from '../src/data/engine';
import { arrowToRows } from '../src/data/arrow-rows';
import { runPending, type PendingBindings } from '../src/data/pending';
import { TABLES } from '../src/data/schema';

const require = createRequire(import.meta.url);
// The blocking Node build runs the same engine as the browser, synchronously.
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));

export const DATA_DIR = join(dirname(new URL(import.meta.url).pathname), '..', 'data');

/** DuckDB's blocking bindings (untyped: loaded with require). */
type Instance = Awaited<ReturnType<typeof duckdb.createDuckDB>>;

/**
 * Instances whose engine was closed: reset to an empty database (no tables, macros, settings or
 * registered files), to be opened again. Compiling DuckDB's 34 MB of WebAssembly takes 1.5-3 s;
 * a reset, a few milliseconds. Kept per process: the build opens two engines, a test worker that
 * runs files one after another (vitest `isolate: false`) as many as it has files.
 */
const idle: Instance[] = [];

async function instantiate(): Promise<Instance> {
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  return db;
}

/** An empty database: a reset instance if one is idle (and still answers), else a new one. */
async function connectEmpty(): Promise<[Instance, ReturnType<Instance['connect']>]> {
  for (let db = idle.pop(); db; db = idle.pop()) {
    try {
      return [db, db.connect()];
    } catch {
      // an instance that fails to connect is dropped; the next, or a new one, is used
    }
  }
  const db = await instantiate();
  return [db, db.connect()];
}

/** A fresh in-memory DuckDB in this process, behind the app's Engine interface. */
export async function openNodeEngine(): Promise<Engine & { close(): void }> {
  const [db, conn] = await connectEmpty();
  conn.query('SET autoinstall_known_extensions=false');
  conn.query('SET autoload_known_extensions=false');
  // Prepared statements kept by SQL text, as the browser's worker keeps them; dropped when the data changes.
  let closed = false;
  const statements = new Map<string, { query(...params: readonly SqlParam[]): unknown; close(): void }>();
  const forget = () => {
    for (const stmt of statements.values()) stmt.close();
    statements.clear();
  };
  return {
    async exec(sql: string) {
      forget();
      conn.query(sql);
    },
    async query(sql: string, params: readonly SqlParam[] = []) {
      if (params.length === 0) return arrowToRows(conn.query(sql));
      const stmt = statements.get(sql) ?? conn.prepare(sql);
      statements.set(sql, stmt);
      return arrowToRows(stmt.query(...params) as Parameters<typeof arrowToRows>[0]);
    },
    async registerText(name: string, text: string) {
      forget();
      db.registerFileText(name, text);
    },
    async registerBytes(name: string, bytes: Uint8Array) {
      forget();
      db.registerFileBuffer(name, bytes);
    },
    async interruptible(sql: string, signal: AbortSignal) {
      conn.prepare(sql).close(); // refuses a second statement, as the browser's worker does
      return conn.useUnsafe((b: PendingBindings, c: number) => runPending(b, c, sql, signal));
    },
    close() {
      if (closed) return;
      closed = true;
      forget();
      conn.close();
      // Back to an empty database, its files dropped (a reset keeps them), for the next engine.
      try {
        db.reset();
        db.dropFiles();
        idle.push(db);
      } catch {
        // not reused
      }
    },
  };
}

/** Reads a CSV from data/ (or another folder). */
export function readDataFile(name: string, dir = DATA_DIR): string {
  return readFileSync(join(dir, name), 'utf8');
}

/** The bundled CSV files as the worker hands them to ingest (null for an absent file). */
export function bundledTexts(dir = DATA_DIR): Map<string, string | null> {
  return new Map(
    TABLES.map((spec) => [spec.file, existsSync(join(dir, spec.file)) ? readDataFile(spec.file, dir) : null]),
  );
}
