/**
 * What the service worker (src/sw.ts) keeps for use offline, shared with the page that reads it.
 * The app's own files are precached with the build's revisions; the files web staff replace without
 * a rebuild (data/, embed-origins.json) are fetched from the network first and kept as last seen.
 */

/** The Cache Storage name of the data as last fetched: the CSV files, the snapshot, the aggregates. */
export const DATA_CACHE = 'exchange-dashboard-data-v1';

/** Whether a same-site path is data that changes without a rebuild (network first, then the copy kept). */
export function isDataPath(pathname: string): boolean {
  return /\/data\/[^/]+(\/[^/]+)?$/.test(pathname) || /\/embed-origins\.json$/.test(pathname);
}

/**
 * When the data the page shows offline was published: the kept copy of exchanges.csv's
 * Last-Modified (the file's date on the server), else the date it was fetched. Null when nothing
 * was kept (no service worker, or never online with it).
 */
export async function keptDataDate(base: string): Promise<Date | null> {
  if (typeof caches === 'undefined') return null;
  try {
    const cache = await caches.open(DATA_CACHE);
    const response = await cache.match(new URL('data/exchanges.csv', base).href);
    const header = response?.headers.get('last-modified') ?? response?.headers.get('date');
    const date = header ? new Date(header) : null;
    return date && !Number.isNaN(date.getTime()) ? date : null;
  } catch {
    return null;
  }
}
