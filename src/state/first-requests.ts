/**
 * The snapshot's requests (src/state/snapshot.ts): the snapshot, the data files it is checked
 * against, and the look for an import stored in this browser, and that check. The page starts them
 * before the app's code has arrived (src/first-requests.ts, loaded by index.html from a script of
 * its own), so they are answered and checked while the browser fetches, compiles and runs the
 * app's code rather than after it. Only light modules here: this runs before the app's chunks
 * have arrived, and must not import them.
 */
import type { Row } from '../data/engine';
import { TABLES } from '../domain/tables';
import { hasStoredImports } from '../data/import-store';
import { SNAPSHOT_FILE } from '../config/data-files';

export { SNAPSHOT_FILE };

export interface Snapshot {
  version: 1;
  /** Each data file's length and hash; null for a file that was absent. */
  files: Record<string, { bytes: number; hash: string } | null>;
  bounds: { min: number; max: number };
  /** Rows by query (see `snapshotKey` in snapshot.ts). */
  results: Record<string, Row[]>;
}

export interface SnapshotRequests {
  dataUrl: string;
  /** The check's outcome (`Settled`), once it has ended. Never rejects. */
  settling: Promise<Settled>;
  /** The same, set as it ends: the page can then draw from it in the task it mounts in. */
  settled?: Settled;
}

export interface Settled {
  /**
   * The snapshot, if it was computed from the data files served now and no import is stored in
   * this browser; null when it is absent, stale or unreadable.
   */
  snapshot: Snapshot | null;
  /** The snapshot's own fingerprint (`printOf`), which the first screen's template is matched by. */
  print: string | null;
}

/** FNV-1a (32 bits) over the bytes: enough to tell a replaced file, and no secure context needed. */
export function fingerprint(bytes: Uint8Array): { bytes: number; hash: string } {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return { bytes: bytes.length, hash: (h >>> 0).toString(16).padStart(8, '0') };
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

/** A file's fingerprint in one string, as the first screen's template names its snapshot. */
export function printOf(bytes: Uint8Array): string {
  const { bytes: length, hash } = fingerprint(bytes);
  return `${length}:${hash}`;
}

async function check(
  snapshotRequest: Promise<Response>,
  files: Promise<Response>[],
  storedImports: Promise<boolean>,
): Promise<{ snapshot: Snapshot; print: string } | null> {
  try {
    const [response, imports] = await Promise.all([snapshotRequest, storedImports]);
    if (!response.ok || imports) {
      await Promise.allSettled(files.map(async (f) => (await f).body?.cancel()));
      return null;
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const snapshot = JSON.parse(new TextDecoder().decode(bytes)) as Snapshot;
    if (snapshot.version !== 1) return null;
    const checks = await Promise.all(
      TABLES.map(async (spec, i) => matches(await files[i]!, snapshot.files[spec.file] ?? null)),
    );
    return checks.every(Boolean) ? { snapshot, print: printOf(bytes) } : null;
  } catch (error) {
    console.warn('snapshot not used', error);
    return null;
  }
}

/**
 * All at once: the snapshot (the largest, first), the files it must match, whether an import is
 * stored; and the check, done as they come in.
 */
export function requestSnapshot(dataUrl: string, hasImports: () => Promise<boolean>): SnapshotRequests {
  const snapshot = fetch(new URL(SNAPSHOT_FILE, dataUrl));
  const files = TABLES.map((spec) => fetch(new URL(spec.file, dataUrl)));
  const imports = hasImports();
  // Not all awaited when the check ends early: not an unhandled rejection then.
  for (const pending of [snapshot, ...files, imports]) pending.catch(() => {});
  const requests: SnapshotRequests = {
    dataUrl,
    settling: check(snapshot, files, imports).then(
      (result) => (requests.settled = { snapshot: result?.snapshot ?? null, print: result?.print ?? null }),
    ),
  };
  return requests;
}

let early: SnapshotRequests | null = null;

/** Starts the requests for the page's data folder now (the import store asked by `hasStoredImports`). */
export function startSnapshotRequests(dataUrl: string): SnapshotRequests {
  early = requestSnapshot(dataUrl, hasStoredImports);
  return early;
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
