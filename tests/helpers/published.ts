// What a public view should publish, computed from the CSV files in plain TypeScript (tests/helpers/expected.ts),
// independently of the app's SQL and of src/disclosure: the agreed rounding written out again.
import { defaultFilters, type Filters } from '../../src/data/filters';
import { countryByIso2 } from '../../src/reference/countries';
import { matching, sumBy, trips, type Trip } from './expected';

/** HESA-style rounding: 0–2 → 0, every other count to the nearest multiple of 5. */
export const publishOracle = (x: number): number => (x <= 2 ? 0 : 5 * Math.round(x / 5));

/** One bar of a split chart as published: its parts by direction and its own rounded total. */
export interface PublishedBar {
  key: string;
  outbound: number;
  inbound: number;
  total: number;
}

/**
 * Bars by a key, each split by direction: the parts rounded, the total computed from the true
 * parts and rounded on its own; bars whose published total is 0 left out; ranked by the published
 * total, ties by key ascending (`ranked`), and cut to `limit`.
 */
export function publishedBars(
  trips: readonly Trip[],
  keyOf: (t: Trip) => string | null,
  options: { ranked: boolean; limit?: number },
): PublishedBar[] {
  const out = sumBy(
    trips.filter((t) => t.direction === 'outbound'),
    keyOf,
  );
  const inn = sumBy(
    trips.filter((t) => t.direction === 'inbound'),
    keyOf,
  );
  const total = sumBy([...trips], keyOf);
  const bars = [...total.keys()]
    .map((key) => ({
      key,
      outbound: publishOracle(out.get(key) ?? 0),
      inbound: publishOracle(inn.get(key) ?? 0),
      total: publishOracle(total.get(key)!),
    }))
    .filter((b) => b.total > 0);
  if (options.ranked) bars.sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
  return options.limit === undefined ? bars : bars.slice(0, options.limit);
}

/** Net flow per country: the directions rounded, the net their difference; ranked by it, ties by code. */
export function publishedNetFlow(f: Filters): { key: string; inbound: number; outbound: number; net: number }[] {
  const ts = matching({ ...f, direction: 'all' }, 'country');
  return publishedBars(ts, (t) => t.country, { ranked: false })
    .filter((b) => b.inbound > 0 || b.outbound > 0)
    .map((b) => ({ key: b.key, inbound: b.inbound, outbound: b.outbound, net: b.inbound - b.outbound }))
    .sort((a, b) => b.net - a.net || (a.key < b.key ? -1 : 1));
}

/** Person-trips per year and direction, rounded; 0 left out. */
export function publishedTrend(f: Filters): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of sumBy(matching(f), (t) => `${t.year}:${t.direction}`)) {
    if (publishOracle(v) > 0) out.set(k, publishOracle(v));
  }
  return out;
}

/** The published bars of a chart of the registry for filters without selections; null for a chart not covered. */
export function publishedChartBars(id: string, f: Filters): PublishedBar[] | null {
  switch (id) {
    case 'countries':
      return publishedBars(matching(f, 'country'), (t) => t.country, { ranked: true, limit: 15 });
    case 'programs':
      return publishedBars(matching(f, 'program'), (t) => t.program || null, { ranked: true, limit: 12 });
    case 'partners':
      return publishedBars(matching(f, 'partner'), (t) => t.partner || null, { ranked: true, limit: 12 });
    case 'categories':
      return publishedBars(matching(f, 'category'), (t) => t.category, { ranked: true });
    case 'continents':
      return publishedBars(matching(f), (t) => countryByIso2(t.country)!.continent, { ranked: false });
    default:
      return null;
  }
}

/** The span of years of the bundled data, and a grid of public filter states over it: years, direction, scope. */
export function publicGrid(): Filters[] {
  const years = trips.map((t) => t.year);
  const min = Math.min(...years);
  const max = Math.max(...years);
  const ranges: [number, number][] = [];
  for (let y = min; y <= max; y++) ranges.push([y, y]);
  ranges.push([min, max], [min + 1, max], [min, Math.min(max, min + 2)]);
  return ranges.flatMap(([from, to]) =>
    (['all', 'outbound', 'inbound'] as const).flatMap((direction) =>
      (['all', 'foreign', 'hk_macao_tw'] as const).map((region) => ({
        ...defaultFilters(from, to),
        direction,
        region,
      })),
    ),
  );
}
