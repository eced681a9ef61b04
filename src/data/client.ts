import type { Row } from './engine';
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

interface Pending {
  resolve(response: Response): void;
  reject(error: DbError): void;
  onProgress?: (stage: Stage) => void;
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
    if (message.type === 'progress') return pending.onProgress?.(message.stage);
    this.#pending.delete(message.id);
    if (message.type === 'error') pending.reject(new DbError(message.error));
    else pending.resolve(message);
  }

  #send(body: Body, onProgress?: (stage: Stage) => void): Promise<Response> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, onProgress ? { resolve, reject, onProgress } : { resolve, reject });
      this.#worker.postMessage({ ...body, id } as Request);
    });
  }

  /** Starts the engine and loads the CSV files found under `dataUrl`. */
  async load(dataUrl: string, onProgress?: (stage: Stage) => void): Promise<LoadResult> {
    const response = await this.#send({ type: 'load', dataUrl }, onProgress);
    if (response.type !== 'loaded') throw new DbError({ code: 'internal', message: `unexpected ${response.type}` });
    return response.result;
  }

  async query<T = Row>(query: BuiltQuery): Promise<T[]> {
    const response = await this.#send({ type: 'query', sql: query.sql, params: query.params });
    if (response.type !== 'rows') throw new DbError({ code: 'internal', message: `unexpected ${response.type}` });
    return response.rows as T[];
  }

  terminate(): void {
    this.#worker.terminate();
  }
}
