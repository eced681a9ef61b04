import type { Row } from './engine';
import type {
  CatalogTable,
  FilePayload,
  ImportMode,
  ImportProgressDetail,
  ImportResult,
  Preview,
  RejectedFile,
} from './import-protocol';
import type { ConsoleResult } from './console';
import type { LoadResult, Request, Response, WorkerError } from './protocol';
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

interface Pending {
  resolve(response: Response): void;
  reject(error: DbError): void;
  onProgress?: (stage: Stage, detail?: ImportProgressDetail) => void;
}

// Distributes Omit over the union, so each request keeps its own fields.
type Body = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

/** The page's one door to the database: requests with ids, answers matched back. */
export class DbClient {
  #worker: Worker;
  #pending = new Map<number, Pending>();
  #nextId = 1;

  constructor() {
    this.#worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'duckdb' });
    this.#worker.addEventListener('message', (event: MessageEvent<Response>) => this.#receive(event.data));
    this.#worker.addEventListener('error', (event) => {
      const error = new DbError({ code: 'engine', message: event.message || 'worker failed to start' });
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    });
  }

  #receive(message: Response): void {
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') return pending.onProgress?.(message.stage, 'detail' in message ? message.detail : undefined);
    this.#pending.delete(message.id);
    if (message.type === 'error') pending.reject(new DbError(message.error));
    else pending.resolve(message);
  }

  #send(body: Body, onProgress?: Pending['onProgress'], transfer: Transferable[] = []): Promise<Response> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, onProgress ? { resolve, reject, onProgress } : { resolve, reject });
      this.#worker.postMessage({ ...body, id } as Request, transfer);
    });
  }

  /** Starts the engine and loads the CSV files found under `dataUrl`. */
  async load(dataUrl: string, onProgress?: (stage: LoadStage) => void): Promise<LoadResult> {
    const response = await this.#send({ type: 'load', dataUrl }, onProgress && ((stage) => onProgress(stage as LoadStage)));
    if (response.type !== 'loaded') throw new DbError({ code: 'internal', message: `unexpected ${response.type}` });
    return response.result;
  }

  async query<T = Row>(query: BuiltQuery): Promise<T[]> {
    const response = await this.#send({ type: 'query', sql: query.sql, params: query.params });
    if (response.type !== 'rows') throw new DbError({ code: 'internal', message: `unexpected ${response.type}` });
    return response.rows as T[];
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
    const response = await this.#send(
      { type: 'import', files, mode, replacesSample },
      (_, detail) => detail && onProgress?.(detail),
      files.map((f) => f.bytes),
    );
    if (response.type !== 'imported') throw new DbError({ code: 'internal', message: `unexpected ${response.type}` });
    return response.result;
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

  /** A read-only query typed by the user on the data page. */
  async console(sql: string): Promise<ConsoleResult> {
    const response = await this.#send({ type: 'console', sql });
    if (response.type !== 'console') throw new DbError({ code: 'internal', message: `unexpected ${response.type}` });
    return response.result;
  }

  terminate(): void {
    this.#worker.terminate();
  }
}
