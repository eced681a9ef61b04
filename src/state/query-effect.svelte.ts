import { untrack } from 'svelte';
import type { DbClient } from '../data/client';
import type { BuiltQuery } from '../data/sql';
import { coordinatorFor, queryKey } from './coordinator';
import type { ViewPlace } from './in-view.svelte';
import { LiveQuery } from './live-query.svelte';
import { addWhatIfView } from './ask-ahead';
import type { Filters } from '../domain/filters';

export interface LiveQueryOptions {
  /**
   * Where the view is (src/state/in-view.svelte.ts). Until its first answer, the view asks once on
   * screen or once the page is warm, and counts as pending, so the page is not taken as drawn. After
   * it, a view off screen asks nothing when its query changes: it keeps its rows, `stale`, until it
   * is on screen again.
   */
  view?: ViewPlace;
  /**
   * The query the view would ask under other filters: while it is on screen, a click the pointer
   * rests on is asked ahead with it (src/state/ask-ahead.ts).
   */
  whatIf?: (filters: Filters) => BuiltQuery<unknown>;
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
  const view = options.view;
  const answered = $derived(live.rowsKey !== null || live.error !== null);
  // Off screen, a view asks only for its first rows, once the page is warm.
  const on = $derived(!view || view.near || (view.warm && !answered));
  const stale = $derived(!on && answered && live.rowsKey !== key);
  $effect(() => {
    void key;
    const coordinator = coordinatorFor(client());
    if (!on) {
      untrack(() => {
        if (!answered) live.pending = true;
      });
      return;
    }
    untrack(() => {
      // Back on screen with its rows (or their query on its way) as they are: nothing to ask.
      if (view && live.askedBy(coordinator) && live.askedKey === key && (live.pending || live.rowsKey === key)) return;
      live.ask(coordinator, built, tag?.());
    });
  });
  $effect(() => () => live.drop());
  const whatIf = options.whatIf;
  if (whatIf) $effect(() => addWhatIfView({ near: () => !view || view.near, query: whatIf }));
  live.judgeStale(() => stale);
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
