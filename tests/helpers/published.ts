// What a public view should publish, computed from the CSV files in plain TypeScript (tests/helpers/expected.ts),
// independently of the app's SQL and of src/disclosure: the rounding of base cells written out again.
import { FILTER_DEFS, defaultFilters, type Filters, type SelectionKey } from '../../src/domain/filters';
import { countryByIso2 } from '../../src/reference/countries';
import { passes, sumBy, trips, type Trip } from './expected';

/** HESA-style rounding of one count: 0–2 → 0, every other count to the nearest multiple of 5. */
export const publishOracle = (x: number): number => (x <= 2 ? 0 : 5 * Math.round(x / 5));

const bandOf = (days: number | null) =>
  days === null
    ? 'unknown'
    : days <= 7
      ? 'd1_7'
      : days <= 30
        ? 'd8_30'
        : days <= 90
          ? 'd31_90'
          : days <= 180
            ? 'd91_180'
            : 'd181_plus';

/**
 * The trips as published: grouped into base cells by every attribute a public view can split or
 * filter by (year, direction, country, partner, program, category, activity, duration band, and the
 * column of every filter: funding, department …), each cell's person-trips rounded once, cells rounded to 0 left out. Every public figure is a sum of these.
 */
const FILTER_COLUMNS = Object.values(FILTER_DEFS).map((d) => d.column);

export const publishedTrips: Trip[] = (() => {
  const cells = new Map<string, Trip>();
  for (const t of trips) {
    const key = JSON.stringify([
      t.year,
      t.direction,
      t.country,
      t.partner,
      t.program,
      t.category,
      t.activity,
      bandOf(t.days),
      // and every filter's column (funding, department …): a public view can filter by each.
      ...FILTER_COLUMNS.map((c) => t.fields[c]),
    ]);
    const cell = cells.get(key);
    if (cell) {
      cell.headcount += t.headcount;
      cell.provisional ||= t.provisional;
    } else cells.set(key, { ...t, days: t.days });
  }
  return [...cells.values()]
    .map((c) => ({ ...c, headcount: publishOracle(c.headcount) }))
    .filter((c) => c.headcount > 0);
})();

/** The published cells the filters select (`except` leaves one selection out, as a chart does for its own). */
export function publishedMatching(f: Filters, except?: SelectionKey, ignoreDirection = false): Trip[] {
  return publishedTrips.filter((t) => passes(t, f, except, ignoreDirection));
}

/** One bar of a split chart as published: its parts by direction and its own rounded total. */
export interface PublishedBar {
  key: string;
  outbound: number;
  inbound: number;
  total: number;
}

/**
 * Bars by a key over published cells, each split by direction, its total the sum of its parts;
 * ranked by the total, ties by key ascending (`ranked`), and cut to `limit`.
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
  const bars = [...total.keys()].map((key) => ({
    key,
    outbound: out.get(key) ?? 0,
    inbound: inn.get(key) ?? 0,
    total: total.get(key)!,
  }));
  if (options.ranked) bars.sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
  return options.limit === undefined ? bars : bars.slice(0, options.limit);
}

/** Net flow per country over published cells: inbound − outbound; ranked by it, ties by code. */
export function publishedNetFlow(f: Filters): { key: string; inbound: number; outbound: number; net: number }[] {
  const ts = publishedMatching({ ...f, direction: 'all' }, 'country');
  return publishedBars(ts, (t) => t.country, { ranked: false })
    .map((b) => ({ key: b.key, inbound: b.inbound, outbound: b.outbound, net: b.inbound - b.outbound }))
    .sort((a, b) => b.net - a.net || (a.key < b.key ? -1 : 1));
}

/** Person-trips per year and direction over published cells. */
export function publishedTrend(f: Filters): Map<string, number> {
  return sumBy(publishedMatching(f), (t) => `${t.year}:${t.direction}`);
}

/** The published bars of a chart of the registry for filters without selections; null for a chart not covered. */
export function publishedChartBars(id: string, f: Filters): PublishedBar[] | null {
  switch (id) {
    case 'countries':
      return publishedBars(publishedMatching(f, 'country'), (t) => t.country, { ranked: true, limit: 15 });
    case 'programs':
      return publishedBars(publishedMatching(f, 'program'), (t) => t.program || null, { ranked: true, limit: 12 });
    case 'partners':
      return publishedBars(publishedMatching(f, 'partner'), (t) => t.partner || null, { ranked: true, limit: 12 });
    case 'categories':
      return publishedBars(publishedMatching(f, 'category'), (t) => t.category, { ranked: true });
    case 'continents':
      return publishedBars(publishedMatching(f), (t) => countryByIso2(t.country)!.continent, { ranked: false });
    case 'duration':
      return publishedBars(publishedMatching(f), (t) => bandOf(t.days), { ranked: false });
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
