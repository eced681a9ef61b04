/**
 * Snapshot-first start: the default view's query results, computed at build time by the app's own
 * SQL on the same engine over the bundled data (scripts/build-snapshot.ts), answer the dashboard's
 * queries while the engine starts. Only valid for the data it was computed from: every data file
 * is fingerprinted, and an import stored in this browser rules it out. The answers are the
 * engine's own, so when the engine is ready it simply takes over the next query. The coordinator
 * serves them (src/state/coordinator.ts `useSnapshot`).
 */
import { CHARTS } from '../charts/registry';
import { defaultFilters } from '../data/filters';
import {
  activeAgreementsQuery,
  flowsQuery,
  kpiQuery,
  referenceNamesQuery,
  trendStackQuery,
  yearSpanQuery,
} from '../data/queries';
import type { BuiltQuery } from '../data/sql';
import { queryKey } from './coordinator';
import { takeSnapshotRequests, type Snapshot } from './first-requests';
import { shiftedBack } from './kpi-change';

// The snapshot's requests and their check live with the page's first requests (first-requests.ts).
export { fingerprint, SNAPSHOT_FILE, type Snapshot } from './first-requests';

/** A query's key in `results`: the coordinator looks its rows up by it (src/state/coordinator.ts). */
export const snapshotKey = (query: BuiltQuery<unknown>): string => queryKey(query);

/** The queries the dashboard runs when it opens on data spanning these years. */
export function defaultViewQueries(min: number, max: number): BuiltQuery[] {
  const filters = defaultFilters(min, max);
  return [
    yearSpanQuery(),
    kpiQuery(filters),
    activeAgreementsQuery(filters),
    // The KPI tiles' previous period of equal length (their change), before the data here: empty.
    kpiQuery(shiftedBack(filters)),
    activeAgreementsQuery(shiftedBack(filters)),
    referenceNamesQuery(),
    trendStackQuery(filters, 'direction'),
    flowsQuery(filters),
    ...CHARTS.map((def) => def.query(filters)),
  ];
}

/**
 * The snapshot beside the data, if it was computed from the data files served now; null when it
 * is absent, stale or unreadable, or when an import is stored (`hasImports`). A value, not a
 * promise, when its check has already ended.
 */
export function loadSnapshot(
  dataUrl: string,
  hasImports: () => Promise<boolean>,
): Snapshot | null | Promise<Snapshot | null> {
  // Started, and checked, as the page's first script ran (src/state/first-requests.ts), or now.
  // Already checked (the data came in while the app's code did): at once, not a task later.
  const requests = takeSnapshotRequests(dataUrl, hasImports);
  return requests.settled ? requests.settled.snapshot : requests.settling.then((s) => s.snapshot);
}
