/**
 * The small surface of a DuckDB connection that ingest and queries need. The
 * worker implements it over the async browser bindings; the Node tests over the
 * blocking bindings, so both run exactly the same SQL.
 */
export type SqlParam = string | number | boolean | null;
export type Row = Record<string, unknown>;

export interface Engine {
  /** Runs a statement that takes no parameters and returns nothing useful. */
  exec(sql: string): Promise<void>;
  /** Runs a query with bound parameters and returns plain rows. */
  query(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
  /** Makes text readable by `read_csv` under the given file name. */
  registerText(name: string, text: string): Promise<void>;
  /** Makes UTF-8 bytes readable by `read_csv` under the given file name, as they are (copied). Optional: registerText otherwise. */
  registerBytes?(name: string, bytes: Uint8Array): Promise<void>;
  /**
   * Runs one query (a second statement is refused, as a prepared statement refuses it) that
   * `signal` can stop: the engine is interrupted between its steps and the query rejects with
   * QueryStopped (src/data/pending.ts). For the data page's console.
   */
  interruptible(sql: string, signal: AbortSignal): Promise<Row[]>;
}
