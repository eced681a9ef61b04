import { untrack } from 'svelte';
import type { DbClient } from '../data/client';
import type { BuiltQuery } from '../data/sql';
import { LiveQuery } from './live-query.svelte';

/**
 * A query that runs whenever its SQL or bound values change, and only then: a
 * filter the query ignores re-runs and redraws nothing. `tag` is read with the query and kept
 * with its rows (`rowsFor`). Call it while a component initialises; it lives as long as the component.
 */
export function liveQuery<T, K = undefined>(
  client: () => DbClient,
  query: () => BuiltQuery,
  tag?: () => K,
): LiveQuery<T, K> {
  const live = new LiveQuery<T, K>();
  const built = $derived(query());
  const key = $derived(JSON.stringify(built));
  $effect(() => {
    void key;
    void live.run(
      client(),
      untrack(() => built),
      untrack(() => tag?.()),
    );
  });
  return live;
}
