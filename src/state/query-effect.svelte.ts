import { untrack } from 'svelte';
import type { DbClient } from '../data/client';
import type { BuiltQuery } from '../data/sql';
import { coordinatorFor, queryKey } from './coordinator';
import { LiveQuery } from './live-query.svelte';

export interface LiveQueryOptions {
  /**
   * Whether the view asks yet (a view below the first screen waits to be scrolled to, see
   * in-view.svelte.ts); until it does it counts as pending, so the page is not taken as drawn.
   */
  when?: () => boolean;
}

/**
 * A query that runs whenever its SQL or bound values change, and only then: a
 * filter the query ignores re-runs and redraws nothing. `tag` is read with the query and kept
 * with its rows (`rowsFor`). Call it while a component initialises; it lives as long as the
 * component. It asks through the page's query coordinator (src/state/coordinator.ts).
 */
export function liveQuery<T, K = undefined>(
  client: () => DbClient,
  query: () => BuiltQuery<unknown>,
  tag?: () => K,
  options: LiveQueryOptions = {},
): LiveQuery<T, K> {
  const live = new LiveQuery<T, K>();
  const built = $derived(query());
  const key = $derived(queryKey(built));
  const on = $derived(options.when?.() ?? true);
  $effect(() => {
    void key;
    const coordinator = coordinatorFor(client());
    if (!on) {
      untrack(() => (live.pending = true));
      return;
    }
    untrack(() => live.ask(coordinator, built, tag?.()));
  });
  $effect(() => () => live.drop());
  return live;
}

/** A query asked only when something needs its rows (an export's public version): `request()` asks it. */
export interface DemandQuery<T> {
  /** The rows of the query as it stands now; null until asked and answered. */
  readonly rows: T[] | null;
  /** Asks the query as it stands now, unless it is answered or on its way. */
  request(): void;
}

export function demandQuery<T>(client: () => DbClient, query: () => BuiltQuery<unknown>): DemandQuery<T> {
  const live = new LiveQuery<T>();
  const built = $derived(query());
  const key = $derived(queryKey(built));
  $effect(() => () => live.drop());
  return {
    get rows() {
      return live.rowsKey === key ? live.rows : null;
    },
    request() {
      if (live.rowsKey === key || (live.pending && live.askedKey === key)) return;
      live.ask(coordinatorFor(client()), built);
    },
  };
}
