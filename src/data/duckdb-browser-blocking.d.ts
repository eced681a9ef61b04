declare module 'duckdb-browser-blocking' {
  import type { DuckDBBundles, Logger } from '@duckdb/duckdb-wasm';

  export interface PreparedStatement {
    query(...params: unknown[]): ArrowTable;
    close(): void;
  }
  export interface ArrowTable {
    schema: { fields: { name: string }[] };
    numRows: number;
    getChildAt(index: number): { get(row: number): unknown } | null;
  }
  export interface Connection {
    query(sql: string): ArrowTable;
    prepare(sql: string): PreparedStatement;
    close(): void;
    /** The bindings and the connection's id, for the pending-query calls (src/data/pending.ts). */
    useUnsafe<R>(callback: (bindings: import('./pending').PendingBindings, conn: number) => R): R;
  }
  export interface Bindings {
    instantiate(onProgress: (p: unknown) => void): Promise<Bindings>;
    open(config: Record<string, unknown>): void;
    connect(): Connection;
    registerFileText(name: string, text: string): void;
    registerFileBuffer(name: string, buffer: Uint8Array): void;
    dropFile(name: string): void;
    getVersion(): string;
  }
  export const BROWSER_RUNTIME: unknown;
  export class VoidLogger implements Logger {
    log(): void;
  }
  export function createDuckDB(bundles: DuckDBBundles, logger: Logger, runtime: unknown): Promise<Bindings>;
}
