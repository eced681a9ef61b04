import type { BuiltQuery } from '../data/sql';
import { queryKey, type Answer, type QueryCoordinator, type Slot } from './coordinator';

export { QUERY_MEASURE } from './coordinator';

/**
 * One view's query as reactive state: pending, then rows or an error. It asks the coordinator
 * (src/state/coordinator.ts), which drops an answer to an older ask than the latest, so a slow old
 * query never overwrites a newer one.
 */
export class LiveQuery<T, K = undefined> {
  rows = $state.raw<T[] | null>(null);
  /**
   * What the rows shown answer: the tag given with the query that gave them (the filters, say),
   * so a view can label its figures with their own years while newer ones are on their way.
   */
  rowsFor = $state.raw<K | undefined>(undefined);
  /** The key of the query the rows answer (src/state/coordinator.ts `queryKey`). */
  rowsKey = $state.raw<string | null>(null);
  error = $state.raw<Error | null>(null);
  pending = $state(false);
  /** The key of the last query asked. */
  askedKey: string | null = null;
  #slot: Slot<T> | null = null;
  #coordinator: QueryCoordinator | null = null;
  #tag: K | undefined;
  #stale: () => boolean = () => false;

  /**
   * The view is off screen and the rows answer an older query than its own now (a filter changed
   * meanwhile): what it drew is out of date and is not shown until it is asked again
   * (src/state/in-view.svelte.ts).
   */
  get stale(): boolean {
    return this.#stale();
  }

  /** How the view tells whether its rows are out of date (src/state/query-effect.svelte.ts). */
  judgeStale(stale: () => boolean): void {
    this.#stale = stale;
  }

  ask(coordinator: QueryCoordinator, query: BuiltQuery<unknown>, tag?: K): void {
    if (coordinator !== this.#coordinator) {
      this.#slot?.drop();
      this.#coordinator = coordinator;
      this.#slot = coordinator.slot<T>((answer, asked) => this.#answer(answer, asked));
    }
    this.#tag = tag;
    this.askedKey = queryKey(query);
    this.pending = true;
    this.#slot!.ask(query);
  }

  #answer(answer: Answer<T>, query: BuiltQuery<unknown>): void {
    if ('error' in answer) {
      console.error(answer.error);
      this.error = answer.error;
    } else {
      this.rows = answer.rows;
      this.rowsFor = this.#tag;
      this.rowsKey = queryKey(query);
      this.error = null;
    }
    this.pending = false;
  }

  /** Whether the last ask went to this coordinator. */
  askedBy(coordinator: QueryCoordinator): boolean {
    return this.#coordinator === coordinator;
  }

  /** The view is gone: its query is withdrawn (cancelled if no other view waits for it). */
  drop(): void {
    this.#slot?.drop();
    this.#slot = null;
    this.#coordinator = null;
  }
}
