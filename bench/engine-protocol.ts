import type { Row, SqlParam } from '../src/data/engine';

export interface LoggedQuery {
  sql: string;
  params: SqlParam[];
  /** The worker's time for it in the app (src/state/coordinator.ts logs it with the query). */
  ms?: number;
}

export type BareRequest =
  | { type: 'csv'; bytes: ArrayBuffer }
  | { type: 'load'; dataUrl: string }
  | { type: 'run'; queries: LoggedQuery[]; reps: number };

export type BareResponse =
  | { type: 'ready' }
  | { type: 'csv'; ms: number; rows: number }
  | { type: 'load'; ms: number; rows: number }
  | { type: 'run'; times: number[]; results: Row[][] }
  | { type: 'error'; message: string };
