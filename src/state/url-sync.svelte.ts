import type { I18n } from '../i18n/i18n.svelte';
import type { FilterState } from './filters.svelte';
import { formatUrlState, parseUrlState, type View, type YearBounds } from './url-state';
import { theme } from './theme.svelte';
import { mapView } from './map-view.svelte';
import { page } from './profile.svelte';
import { withoutParams as without } from './profile-links';
import { trendView } from './trend-view.svelte';

/** The parameters a zoom or pan writes: changing only these replaces the history entry rather than adding one. */
const QUIET = ['zoom', 'at'];

/**
 * Keeps the address bar and the page in step: the link's state is applied at
 * start, each change becomes a history entry, and back/forward re-apply it.
 * Returns the cleanup.
 */
export function syncWithUrl(
  filters: FilterState,
  i18n: I18n,
  bounds: YearBounds,
  view: { get(): View; set(value: View): void },
): () => void {
  /** The link's newest state, not yet written to the address bar. */
  let unwritten: string | null = null;
  const write = () => {
    const search = unwritten;
    unwritten = null;
    if (search === null || search === location.search) return;
    const url = `${location.pathname}${search}${location.hash}`;
    // The first write only normalises the link the page was opened with; a zoom or pan only updates it.
    if (
      location.search === '' ||
      !history.state?.dashboard ||
      without(search, QUIET) === without(location.search, QUIET)
    )
      history.replaceState({ dashboard: true }, '', url);
    else history.pushState({ dashboard: true }, '', url);
  };
  const apply = () => {
    unwritten = null;
    const state = parseUrlState(location.search, bounds, i18n.locale, theme.value);
    filters.apply(state.filters);
    i18n.locale = state.locale;
    page.profile = state.profile ?? null;
    view.set(state.view);
    theme.value = state.theme;
    mapView.mode = state.map.mode;
    mapView.measure = state.map.measure;
    mapView.zoom = state.map.zoom ?? null;
    trendView.split = state.split ?? 'direction';
    page.search = location.search;
  };
  apply();
  const cleanupEffects = $effect.root(() => {
    $effect(() => {
      const search = formatUrlState(
        {
          filters: filters.value,
          locale: i18n.locale,
          view: view.get(),
          theme: theme.value,
          map: { mode: mapView.mode, measure: mapView.measure, zoom: mapView.zoom },
          profile: page.profile,
          split: trendView.split,
        },
        bounds,
      );
      page.search = search;
      if (search === (unwritten ?? location.search)) return;
      // Written after the click's redraw is painted: a history entry costs ≈ 5 ms, off its path.
      if (unwritten === null) setTimeout(write, 0);
      unwritten = search;
    });
  });
  addEventListener('popstate', apply);
  return () => {
    removeEventListener('popstate', apply);
    cleanupEffects();
  };
}
