import type { DbClient } from '../data/client';
import type { BuiltQuery } from '../data/sql';
import { snapshotRows } from './snapshot';

/** The dashboard's queries, kept as User Timing entries (what `npm run bench` replays bare). */
export const QUERY_MEASURE = 'db.query';
let logged = 0;

function logQuery(query: BuiltQuery, start: number): void {
  // Bounded: the entries of a long session would otherwise pile up.
  if (++logged % 500 === 0) performance.clearMeasures(QUERY_MEASURE);
  performance.measure(QUERY_MEASURE, { start, detail: { sql: query.sql, params: query.params } });
}

/**
 * One query's lifecycle: pending, then rows or an error. Each run gets a
 * number; an answer to an older run than the latest is dropped, so a slow
 * old query never overwrites a newer one.
 */
export class LiveQuery<T, K = undefined> {
  rows = $state<T[] | null>(null);
  /**
   * What the rows shown answer: the tag given with the query that gave them (the filters, say),
   * so a view can label its figures with their own years while newer ones are on their way.
   */
  rowsFor = $state.raw<K | undefined>(undefined);
  error = $state<Error | null>(null);
  pending = $state(false);
  #run = 0;

  async run(client: DbClient, query: BuiltQuery, tag?: K): Promise<void> {
    const run = ++this.#run;
    const early = snapshotRows<T>(query);
    if (early) {
      // The engine's own answer, computed at build time: drawn now, while the engine starts.
      this.rows = early;
      this.rowsFor = tag;
      this.error = null;
      this.pending = false;
      return;
    }
    this.pending = true;
    const start = performance.now();
    try {
      const rows = await client.query<T>(query);
      logQuery(query, start);
      if (run !== this.#run) return;
      this.rows = rows;
      this.rowsFor = tag;
      this.error = null;
    } catch (error) {
      if (run !== this.#run) return;
      console.error(error);
      this.error = error instanceof Error ? error : new Error(String(error));
    } finally {
      if (run === this.#run) this.pending = false;
    }
  }
}
