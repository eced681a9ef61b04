import type { FileReport as CheckedFile } from '../import/report';
import type { Row } from './engine';
import type { QueryWire } from './sql';
import type { ImportProgressDetail, ImportRequest, ImportResponse } from './import-protocol';

/** A query as a batch carries it: its SQL, bound values and (when declared) what it reads. */
export type BatchQuery = QueryWire;

/** One query's answer in a batch: its rows, or its error (code `stopped` when the batch's sender cancelled it). */
export type BatchResult = { rows: Row[]; ms: number } | { error: WorkerError };

/** What the page asks of the database worker. Every request carries an id. */
export type Request =
  | { id: number; type: 'load'; dataUrl: string }
  /** One query, with what it declares it reads: the worker routes it by that (src/data/cube.ts). */
  | ({ id: number; type: 'query' } & QueryWire)
  /**
   * The queries a click asks, answered together in one `batch-rows` (src/state/coordinator.ts):
   * each runs through the same single-query path as `query`.
   */
  | { id: number; type: 'batch'; queries: BatchQuery[] }
  /**
   * Stops the console query `target` (running or still waiting); answered by that query's error.
   * For a batch `target`, skips its queries `queries` (all when absent) not yet started.
   */
  | { id: number; type: 'cancel'; target: number; queries?: number[] }
  | ImportRequest;

/**
 * A file of `data/` as the start-up load read it: the same report an import gives (rows kept and
 * left out, each problem with its line, column, value and reason).
 */
export interface LoadedFile extends CheckedFile {
  /** False when an optional file was absent and an empty table stands in. */
  present: boolean;
}

export interface LoadResult {
  files: LoadedFile[];
  /** Milliseconds spent starting the engine, fetching the files and ingesting them. */
  timings: { engine: number; fetch: number; ingest: number };
  ms: number;
}

export interface WorkerError {
  /** A stable code the page translates. */
  code: 'engine' | 'fetch' | 'missing-column' | 'query' | 'internal' | 'import' | 'console' | 'stopped';
  message: string;
  /** The file or SQL involved, kept for the console, never shown raw. */
  detail?: string;
  /** The engine cannot be used after this error: the page starts a new worker. */
  fatal?: boolean;
}

/** What the worker answers: the request's id with a result or an error, or a progress event. */
export type Response =
  | { id: number; type: 'loaded'; result: LoadResult }
  /** Sent once, unasked, when the worker holds its life lock (the Web Lock named after the worker). */
  | { id: 0; type: 'alive' }
  | { id: number; type: 'rows'; rows: Row[]; ms: number }
  | { id: number; type: 'batch-rows'; results: BatchResult[]; ms: number }
  | { id: number; type: 'error'; error: WorkerError }
  | { id: number; type: 'progress'; stage: 'engine' | 'fetch' | 'ingest'; file?: string }
  | { id: number; type: 'progress'; stage: ImportProgressDetail['stage']; detail: ImportProgressDetail }
  | ImportResponse;
