/// <reference lib="webworker" />
/**
 * The service worker: the site works offline after one visit. The app, DuckDB's WebAssembly, the
 * fonts and the basemap are precached with the build's revisions, so a new deployment is fetched
 * (and takes over) on the next visit online. The data, which web staff replace without a
 * rebuild, is always fetched from the network first; the copy kept is used only offline.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { TABLES } from './domain/tables';
import { DATA_CACHE, isDataPath } from './offline/cache';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

const manifest = self.__WB_MANIFEST.map((e) => (typeof e === 'string' ? { url: e, revision: null } : e));
const isData = (url: string) => isDataPath(new URL(url, self.registration.scope).pathname);

/** The data's strategy: the network when it answers, else the copy kept; a 404 is kept too (an absent optional file). */
const data = new NetworkFirst({
  cacheName: DATA_CACHE,
  networkTimeoutSeconds: 10,
  plugins: [{ cacheWillUpdate: async ({ response }) => (response.ok || response.status === 404 ? response : null) }],
});

// The app's files: answered from the precache, whatever the link's parameters (?lang=…, ?chart=…).
precacheAndRoute(
  manifest.filter((e) => !isData(e.url)),
  { ignoreURLParametersMatching: [/.*/] },
);
cleanupOutdatedCaches();

registerRoute(({ url, sameOrigin }) => sameOrigin && isDataPath(url.pathname), data);
// DuckDB's other build (for browsers without WebAssembly exceptions) is kept once it is used.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && /\/assets\/duckdb-mvp-[^/]+\.wasm$/.test(url.pathname),
  new CacheFirst({ cacheName: 'exchange-dashboard-duckdb-mvp' }),
);

// The data is kept at install, not only when the page next asks for it: the first visit's fetches
// happened before this worker was there to see them.
self.addEventListener('install', (event) => {
  // Every data file the build saw, and every table's file even if absent (its 404 is kept: optional).
  const paths = new Set([
    ...manifest.filter((e) => isData(e.url)).map((e) => e.url),
    ...TABLES.map((t) => `data/${t.file}`),
  ]);
  const urls = [...paths].map((path) => new URL(path, self.registration.scope).href);
  event.waitUntil(
    Promise.all(urls.map((url) => data.handle({ event, request: new Request(url) }).catch(() => undefined))),
  );
  void self.skipWaiting();
});
// A new deployment's worker takes over at once (the page reloads into it: src/offline/register.ts).
clientsClaim();
