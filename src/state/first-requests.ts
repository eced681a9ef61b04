/**
 * The snapshot's requests (src/state/snapshot.ts): the snapshot, the data files it is checked
 * against, and the look for an import stored in this browser. The page starts them before the rest
 * of the app is evaluated (src/first-requests.ts, imported first by src/main.ts), so they are on
 * their way while the browser compiles and runs the app's code rather than after it. Only light
 * modules here: whatever this imports is evaluated before it.
 */
import { TABLES } from '../domain/tables';
import { hasStoredImports } from '../data/import-store';

export const SNAPSHOT_FILE = 'snapshot.json';

export interface SnapshotRequests {
  dataUrl: string;
  snapshot: Promise<Response>;
  files: Promise<Response>[];
  imports: Promise<boolean>;
}

/** All at once: the snapshot (the largest, first), the files it must match, whether an import is stored. */
export function requestSnapshot(dataUrl: string, hasImports: () => Promise<boolean>): SnapshotRequests {
  const snapshot = fetch(new URL(SNAPSHOT_FILE, dataUrl));
  const files = TABLES.map((spec) => fetch(new URL(spec.file, dataUrl)));
  const imports = hasImports();
  // Awaited later by loadSnapshot: not an unhandled rejection meanwhile.
  for (const pending of [snapshot, ...files, imports]) pending.catch(() => {});
  return { dataUrl, snapshot, files, imports };
}

let early: SnapshotRequests | null = null;

/** Starts the requests for the page's data folder now (the import store asked by `hasStoredImports`). */
export function startSnapshotRequests(dataUrl: string): void {
  early = requestSnapshot(dataUrl, hasStoredImports);
}

/**
 * The requests started early for this data folder, handed over once (a retry asks again); new ones
 * when none were started for it.
 */
export function takeSnapshotRequests(dataUrl: string, hasImports: () => Promise<boolean>): SnapshotRequests {
  const taken = early?.dataUrl === dataUrl ? early : null;
  early = null;
  return taken ?? requestSnapshot(dataUrl, hasImports);
}
