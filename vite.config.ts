import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { cachedAggregateFiles } from './scripts/build-aggregates';
import { buildSnapshot } from './scripts/build-snapshot';
import { cspForPath, isEmbedPath } from './src/config/csp';
import { readEmbedOrigins, siteEmbedOrigins } from './scripts/embed-origins';

const dataDir = fileURLToPath(new URL('./data', import.meta.url));

export { CSP, EMBED_CSP } from './src/config/csp';

/**
 * Each response carries its page's Content Security Policy (src/config/csp.ts). The embed's names
 * the parent origins of the built site's embed-origins.json, read on each request for embed.html:
 * editing that file changes who may frame it without a rebuild or a restart.
 */
function cspHeaders(): Plugin {
  return {
    name: 'csp-headers',
    configurePreviewServer(server) {
      const file = siteEmbedOrigins(resolve(server.config.root, server.config.build.outDir));
      let reported = '';
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        let parents: string[] = [];
        if (isEmbedPath(path)) {
          try {
            parents = readEmbedOrigins(file);
            reported = '';
          } catch (error) {
            // Only the site itself may frame the embed until the file is fixed; said once per mistake.
            const message = error instanceof Error ? error.message : String(error);
            if (message !== reported) server.config.logger.error(message);
            reported = message;
          }
        }
        res.setHeader('Content-Security-Policy', cspForPath(path, parents));
        next();
      });
    },
  };
}

/**
 * The CSV files in data/ are read at run time from a `data/` folder beside the
 * built site, so web staff can replace them without a rebuild: served as they
 * are in dev, copied as they are into the build.
 */
function csvData(): Plugin {
  return {
    name: 'csv-data',
    configureServer(server) {
      server.middlewares.use('/data', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\//, '');
        if (!/^[\w.-]+\.csv$/.test(name)) return next();
        const file = join(dataDir, name);
        try {
          if (!statSync(file).isFile()) return next();
        } catch {
          return next();
        }
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        createReadStream(file).pipe(res);
      });
      server.middlewares.use('/data/aggregates', (req, res, next) => {
        const name = `aggregates${(req.url ?? '').split('?')[0]}`;
        cachedAggregateFiles(dataDir).then((files) => {
          const text = files.get(name);
          if (text === undefined) return next();
          res.setHeader('Content-Type', 'application/json');
          res.end(text);
        }, next);
      });
    },
    async generateBundle() {
      for (const name of readdirSync(dataDir).filter((f) => f.endsWith('.csv'))) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(join(dataDir, name)) });
      }
      // The dashboard's first charts, drawn before the engine is ready (src/state/snapshot.ts).
      this.emitFile({
        type: 'asset',
        fileName: 'data/snapshot.json',
        source: JSON.stringify(await buildSnapshot(dataDir)),
      });
      // The embed page's numbers: the app's SQL, run here on the same engine.
      for (const [name, text] of await cachedAggregateFiles(dataDir)) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: text });
      }
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    csvData(),
    cspHeaders(),
    // Precompressed copies beside the code (not data/: staff replace those files without a rebuild,
    // and a stale .gz would be served in their place). See docs/performance.md.
    compression({
      include: /\.(js|css|html|svg|wasm)$/,
      exclude: /(^|\/)data\//,
      algorithms: [defineAlgorithm('gzip', { level: 9 })],
    }),
    compression({
      include: /\.(js|css|html|svg)$/,
      exclude: /(^|\/)data\//,
      algorithms: [defineAlgorithm('brotliCompress')],
    }),
  ],
  resolve: {
    alias: {
      // The synchronous browser bindings, run inside our own worker; the package
      // ships them but leaves them out of its export map.
      'duckdb-browser-blocking': fileURLToPath(
        new URL('./node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs', import.meta.url),
      ),
    },
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: { main: 'index.html', embed: 'embed.html' } },
  },
});
