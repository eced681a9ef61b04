import type { DbClient } from '../data/client';
import type { BuiltQuery } from '../data/sql';

/**
 * One query's lifecycle: pending, then rows or an error. Each run gets a
 * number; an answer to an older run than the latest is dropped, so a slow
 * old query never overwrites a newer one.
 */
export class LiveQuery<T> {
  rows = $state<T[] | null>(null);
  error = $state<Error | null>(null);
  pending = $state(false);
  #run = 0;

  async run(client: DbClient, query: BuiltQuery): Promise<void> {
    const run = ++this.#run;
    this.pending = true;
    try {
      const rows = await client.query<T>(query);
      if (run !== this.#run) return;
      this.rows = rows;
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
