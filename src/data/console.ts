/**
 * The data page's read-only SQL console. Three locks, each enough for a different attack:
 * the engine cannot reach files or the network (`enable_external_access = false`, with only the
 * app's own in-memory files allowed, and the configuration locked); the statement is prepared
 * first, so only one runs; and it runs inside a READ ONLY transaction that is rolled back.
 * It runs as a pending query that a signal stops (the Stop button, the time limit).
 */
import type { Engine, Row } from './engine';
import { TABLES } from './schema';
import { ident, literal } from './sql';

export const CONSOLE_LIMIT = 1000;

/** Seconds a console query may run before it is stopped, unless the user sets another limit. */
export const CONSOLE_TIME_LIMIT = 30;

/** The app's own registered files: the bundled CSVs, the country table, the importer's staging. */
export const ALLOWED_PATHS = ['countries.csv', ...TABLES.map((t) => t.file)];
export const ALLOWED_DIRECTORIES = ['import/'];

/** Run once after the engine starts; from then on no query reads a file or URL of its own. */
export async function lockDown(engine: Engine): Promise<void> {
  await engine.exec(`SET allowed_paths = [${ALLOWED_PATHS.map(literal).join(', ')}]`);
  await engine.exec(`SET allowed_directories = [${ALLOWED_DIRECTORIES.map(literal).join(', ')}]`);
  await engine.exec('SET enable_external_access = false');
  await engine.exec('SET lock_configuration = true');
}

export interface ConsoleResult {
  columns: string[];
  /** Every value as text, as DuckDB casts it; NULL stays null. */
  rows: (string | null)[][];
  truncated: boolean;
  ms: number;
}

export class ConsoleError extends Error {}

/** The user's query as one SELECT-like statement; a trailing `;` and comments at the end are fine. */
export function consoleSql(text: string): string {
  const body = text.trim().replace(/;\s*$/, '');
  if (body === '') throw new ConsoleError('empty');
  // The newline before `)` keeps a trailing `--` comment from swallowing the wrapper. The limit is
  // the app's own constant, never the user's text.
  return `SELECT COLUMNS(*)::VARCHAR FROM (\n${body}\n) AS console LIMIT ${CONSOLE_LIMIT + 1}`;
}

/** Runs the user's query; `signal` stops it (QueryStopped), the engine interrupted, its data kept. */
export async function runConsole(
  engine: Engine,
  text: string,
  signal: AbortSignal = new AbortController().signal,
): Promise<ConsoleResult> {
  const started = performance.now();
  const sql = consoleSql(text);
  await engine.exec('BEGIN TRANSACTION READ ONLY');
  let rows: Row[];
  try {
    // Prepared first, which refuses a second statement; then run so that it can be stopped.
    rows = await engine.interruptible(sql, signal);
  } finally {
    await engine.exec('ROLLBACK');
  }
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  const truncated = rows.length > CONSOLE_LIMIT;
  return {
    columns,
    rows: rows.slice(0, CONSOLE_LIMIT).map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? null : String(r[c])))),
    truncated,
    ms: performance.now() - started,
  };
}

/** The tables of the data page: name, row count and columns with their types (not ingest's raw_ copies). */
export async function catalog(engine: Engine): Promise<{ table: string; rows: number; columns: { name: string; type: string }[] }[]> {
  const columns = await engine.query(
    `SELECT table_name, column_name, data_type FROM duckdb_columns()
     WHERE schema_name = 'main' AND database_name = current_database() AND NOT internal
       AND NOT starts_with(table_name, 'raw_') AND table_name <> 'facts_cube'
     ORDER BY table_name, column_index`,
  );
  const tables = [...new Set(columns.map((c) => String(c.table_name)))];
  const result = [];
  for (const table of tables) {
    const [count] = await engine.query(`SELECT count(*)::INTEGER AS n FROM ${ident(table)}`);
    result.push({
      table,
      rows: Number(count?.n ?? 0),
      columns: columns.filter((c) => c.table_name === table).map((c) => ({ name: String(c.column_name), type: String(c.data_type) })),
    });
  }
  return result;
}
