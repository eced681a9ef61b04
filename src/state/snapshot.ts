/**
 * Snapshot-first start: the default view's query results, computed at build time by the app's own
 * SQL on the same engine over the bundled data (scripts/build-snapshot.ts), answer the dashboard's
 * queries while the engine starts. Only valid for the data it was computed from: every data file
 * is fingerprinted, and an import stored in this browser rules it out. The answers are the
 * engine's own, so when the engine is ready it simply takes over the next query. The coordinator
 * serves them (src/state/coordinator.ts `useSnapshot`).
 */
import { CHARTS } from '../charts/registry';
import type { Row } from '../data/engine';
import { defaultFilters } from '../data/filters';
import {
  activeAgreementsQuery,
  flowsQuery,
  kpiQuery,
  referenceNamesQuery,
  trendStackQuery,
  yearSpanQuery,
} from '../data/queries';
import { TABLES } from '../data/schema';
import type { BuiltQuery } from '../data/sql';
import { queryKey } from './coordinator';
import { SNAPSHOT_FILE, takeSnapshotRequests } from './first-requests';
import { shiftedBack } from './kpi-change';

export { SNAPSHOT_FILE };

export interface Snapshot {
  version: 1;
  /** Each data file's length and hash; null for a file that was absent. */
  files: Record<string, { bytes: number; hash: string } | null>;
  bounds: { min: number; max: number };
  /** Rows by query (see `snapshotKey`). */
  results: Record<string, Row[]>;
}

/** A query's key in `results`: the coordinator looks its rows up by it (src/state/coordinator.ts). */
export const snapshotKey = (query: BuiltQuery<unknown>): string => queryKey(query);

/** FNV-1a (32 bits) over the bytes: enough to tell a replaced file, and no secure context needed. */
export function fingerprint(bytes: Uint8Array): { bytes: number; hash: string } {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return { bytes: bytes.length, hash: (h >>> 0).toString(16).padStart(8, '0') };
}

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

async function matches(response: Response, expected: Snapshot['files'][string]): Promise<boolean> {
  if (response.status === 404) return expected === null;
  if (!response.ok || expected === null) return false;
  const length = response.headers.get('content-length');
  if (length !== null && !response.headers.get('content-encoding') && Number(length) !== expected.bytes) {
    await response.body?.cancel();
    return false;
  }
  const got = fingerprint(new Uint8Array(await response.arrayBuffer()));
  return got.bytes === expected.bytes && got.hash === expected.hash;
}

/**
 * The snapshot beside the data, if it was computed from the data files served now; null when it
 * is absent, stale or unreadable, or when an import is stored (`hasImports`).
 */
export async function loadSnapshot(dataUrl: string, hasImports: () => Promise<boolean>): Promise<Snapshot | null> {
  try {
    // Started as the page's script began (src/state/first-requests.ts), or now.
    const requests = takeSnapshotRequests(dataUrl, hasImports);
    const files = requests.files;
    const [response, imports] = await Promise.all([requests.snapshot, requests.imports]);
    if (!response.ok || imports) {
      await Promise.allSettled(files.map(async (f) => (await f).body?.cancel()));
      return null;
    }
    const snapshot = (await response.json()) as Snapshot;
    if (snapshot.version !== 1) return null;
    const checks = await Promise.all(
      TABLES.map(async (spec, i) => matches(await files[i]!, snapshot.files[spec.file] ?? null)),
    );
    return checks.every(Boolean) ? snapshot : null;
  } catch (error) {
    console.warn('snapshot not used', error);
    return null;
  }
}
