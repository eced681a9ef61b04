import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, runnerImport, type Plugin, type Rolldown } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { cspForPath, isEmbedPath, SECURITY_HEADERS } from './src/config/csp.ts';
import { readEmbedOrigins, siteEmbedOrigins } from './scripts/embed-origins.ts';
import { DATA_FILES, SNAPSHOT_FILE } from './src/config/data-files.ts';

const dataDir = fileURLToPath(new URL('./data', import.meta.url));

export { CSP, EMBED_CSP } from './src/config/csp.ts';

type AggregatesScript = typeof import('./scripts/build-aggregates.ts');
type SnapshotScript = typeof import('./scripts/build-snapshot.ts');

/**
 * The build-time scripts (the embeds' aggregates, the first view's snapshot), which run the app's
 * ingest and SQL on DuckDB in Node: loaded through Vite's module runner when first needed, once,
 * rather than bundled into this config (whose loader would then check all of the app's imports).
 */
let buildScripts: Promise<{ aggregates: AggregatesScript; snapshot: SnapshotScript }> | undefined;
async function runModule<T>(path: string): Promise<T> {
  return (await runnerImport<T>(fileURLToPath(new URL(path, import.meta.url)), { configFile: false, logLevel: 'warn' }))
    .module;
}
function loadBuildScripts() {
  buildScripts ??= Promise.all([
    runModule<AggregatesScript>('./scripts/build-aggregates.ts'),
    runModule<SnapshotScript>('./scripts/build-snapshot.ts'),
  ]).then(([aggregates, snapshot]) => ({ aggregates, snapshot }));
  return buildScripts;
}

/**
 * Each response carries its page's Content Security Policy (src/config/csp.ts) and the headers
 * nginx sends (SECURITY_HEADERS). The embed's policy names the parent origins of the built site's
 * embed-origins.json, read on each request for embed.html: editing that file changes who may
 * frame it without a rebuild or a restart.
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
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
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
        loadBuildScripts()
          .then(({ aggregates }) => aggregates.cachedAggregateFiles(dataDir))
          .then((files) => {
            const text = files.get(name);
            if (text === undefined) return next();
            res.setHeader('Content-Type', 'application/json');
            res.end(text);
          }, next);
      });
    },
    async generateBundle() {
      const { aggregates, snapshot } = await loadBuildScripts();
      for (const name of readdirSync(dataDir).filter((f) => f.endsWith('.csv'))) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(join(dataDir, name)) });
      }
      // The dashboard's first charts, drawn before the engine is ready (src/state/snapshot.ts).
      this.emitFile({
        type: 'asset',
        fileName: 'data/snapshot.json',
        source: JSON.stringify(await snapshot.buildSnapshot(dataDir)),
      });
      // The embed page's numbers: the app's SQL, run here on the same engine.
      for (const [name, text] of await aggregates.cachedAggregateFiles(dataDir)) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: text });
      }
    },
  };
}

/** The page's first-requests chunk: an entry of its own (see `build.rolldownOptions.input`). */
const FIRST_REQUESTS = /[\\/]src[\\/]first-requests\.ts$/;

/**
 * index.html runs the first screen's data requests (src/first-requests.ts) from a script of its
 * own, `async`, ahead of the app's: a module script runs only once its whole module graph has been
 * fetched and compiled, so imported by main alone they left only after the app's 400 KB had
 * arrived and compiled (and, importing the app's chunk, after it had run). main.ts imports the same
 * chunk, so it runs once and the app takes the requests it started.
 *
 * The files those requests ask for (the snapshot, then each data file) are named in the page too,
 * as preloads: the browser asks for them as it reads the page, with its scripts, not once the
 * script has arrived and run (≈100 ms later, and the last data file behind the others in the
 * six-at-a-time queue); the script's fetches take the preloaded answers (the same URLs, in `cors`
 * mode with the same credentials: one request each). The dashboard's first screen waits for all of
 * them (the snapshot is checked against each file).
 */
function firstRequestsScript(): Plugin {
  return {
    name: 'first-requests-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle || !/(^|[\\/])index\.html$/.test(ctx.filename)) return;
        const chunk = Object.values(ctx.bundle).find(
          (c) => c.type === 'chunk' && c.isEntry && FIRST_REQUESTS.test(c.facadeModuleId ?? ''),
        );
        if (!chunk) throw new Error('no first-requests chunk in the build');
        return [
          {
            tag: 'script',
            attrs: {
              type: 'module',
              async: true,
              crossorigin: true,
              fetchpriority: 'high',
              src: `./${chunk.fileName}`,
            },
            injectTo: 'head-prepend',
          },
          ...[SNAPSHOT_FILE, ...DATA_FILES].map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', href: `./data/${file}`, as: 'fetch', crossorigin: true },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

/**
 * The modules the page's script (src/main.ts) imports statically, and those the embed's
 * (src/embed/main.ts) imports at all (its lazy parts included): worked out once per build from the
 * module graph.
 */
function reachOf(getModuleInfo: (id: string) => Rolldown.ModuleInfo | null) {
  const closure = (entry: string, lazy: boolean) => {
    const seen = new Set<string>();
    const queue = [fileURLToPath(new URL(entry, import.meta.url))];
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      if (seen.has(id)) continue;
      seen.add(id);
      const info = getModuleInfo(id);
      queue.push(...(info?.importedIds ?? []), ...(lazy ? (info?.dynamicallyImportedIds ?? []) : []));
    }
    return seen;
  };
  const page = closure('./src/main.ts', false);
  // The entry itself stays the entry's chunk.
  page.delete(fileURLToPath(new URL('./src/main.ts', import.meta.url)));
  return { page, embedLazy: closure('./src/embed/main.ts', true) };
}
let reach: ReturnType<typeof reachOf> | undefined;

/**
 * The modules the page needs before its first chart in two chunks instead of a dozen: what the
 * embed may need too (Svelte, Plot, d3, the chart specs, the map's legend and basemap: `app`), and
 * the rest (`first-screen`). Left to itself the bundler made a chunk for
 * every set of entries and lazy pages sharing modules, eleven on the first screen's path, and a
 * browser fetches six at a time from a server speaking HTTP/1.1: the last ones waited for the
 * first. Lazy pages import from these; the embed never loads `first-screen`, which starts the
 * page's data requests.
 */
function firstScreenChunk(id: string, ctx: { getModuleInfo: (id: string) => Rolldown.ModuleInfo | null }) {
  // The bundler's runtime helpers and Vite's modulepreload polyfill, which both pages load.
  if (/rolldown[\\/]runtime|modulepreload-polyfill/.test(id)) return 'app';
  reach ??= reachOf((module) => ctx.getModuleInfo(module));
  if (!reach.page.has(id)) return null;
  return reach.embedLazy.has(id) ? 'app' : 'first-screen';
}

/** Writes a built file anew, with the compressed copies the build made of it. */
function rewrite(file: string, text: string): void {
  writeFileSync(file, text);
  if (existsSync(`${file}.gz`)) writeFileSync(`${file}.gz`, gzipSync(text, { level: 9 }));
  if (existsSync(`${file}.br`)) writeFileSync(`${file}.br`, brotliCompressSync(text));
}

/**
 * V8's explicit compile hint (Chrome 136 on; a comment to other browsers): the functions of a
 * file that starts with it are compiled as the file streams in, on a background thread, instead of
 * one by one on the main thread when first called (≈400 functions of the first screen's mount).
 * Only for the page's own first-screen modules, nearly all of which run as the page starts: not for
 * Plot's and d3's chunk, most of which the first chart never calls (hinted too, its background
 * compile held the page's start back). The comment must come first in the file, before the preload
 * list Vite puts at the top, so it is written into the files once they are out, with their
 * compressed copies made again.
 */
function eagerCompile(chunks: readonly string[]): Plugin {
  const HINT = '//# allFunctionsCalledOnLoad\n';
  return {
    name: 'eager-compile',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir;
      if (!dir) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunks.includes(chunk.name)) continue;
        const file = join(dir, chunk.fileName);
        rewrite(file, HINT + readFileSync(file, 'utf8'));
        // One line more at the top: the source map's lines move down by one.
        if (existsSync(`${file}.map`)) {
          const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { mappings: string };
          writeFileSync(`${file}.map`, JSON.stringify({ ...map, mappings: `;${map.mappings}` }));
        }
      }
    },
  };
}

/**
 * The first screen's templates in index.html (scripts/first-screen.ts): the built site opened in
 * Chromium, its first screen taken as painted, written into the page (and its compressed copies)
 * before the service worker's list is made from the files. Last of the build's writers, once the
 * files are out. Without Chromium (`CHROMIUM_PATH`) the site is built without them, and says so:
 * the page then waits for its code, as it did before.
 */
function firstScreenTemplates(): Plugin {
  return {
    name: 'first-screen-templates',
    apply: 'build',
    writeBundle: {
      sequential: true,
      order: 'post',
      async handler(options, bundle) {
        const dir = options.dir;
        if (!dir || !('index.html' in bundle)) return;
        const script = await runModule<typeof import('./scripts/first-screen.ts')>('./scripts/first-screen.ts');
        const screens = await script.takeFirstScreens(dir);
        if (typeof screens === 'string') return this.warn(`${screens}: index.html is built without the first screen`);
        const file = join(dir, 'index.html');
        const html = script.withFirstScreens(readFileSync(file, 'utf8'), screens, join(dir, 'data', SNAPSHOT_FILE));
        rewrite(file, html);
      },
    },
  };
}

/**
 * DuckDB's bundle (run in the database worker) calls eval in Emscripten's glue, and the bundler
 * warns about it a dozen times on every build. The page's policy forbids eval at run time anyway
 * ('wasm-unsafe-eval' allows none). Only that file's warning is dropped: eval anywhere else is
 * still reported. (The worker is transformed within the main build, which is where it is heard.)
 */
export function dropDuckDbEval(
  level: Rolldown.LogLevel,
  log: Rolldown.RolldownLog,
  report: (level: Rolldown.LogLevel, log: Rolldown.RolldownLog) => void,
) {
  if (log.code === 'EVAL' && /[\\/]@duckdb[\\/]duckdb-wasm[\\/]dist[\\/]/.test(log.id ?? '')) return;
  report(level, log);
}

export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    csvData(),
    cspHeaders(),
    firstRequestsScript(),
    eagerCompile(['first-screen']),
    firstScreenTemplates(),
    // Offline after one visit: a service worker (src/sw.ts) precaches the app, DuckDB's WebAssembly,
    // the fonts and the basemap, and keeps the data as last fetched. Registered from the app's own
    // script (src/offline/register.ts): no inline script. See docs/deploying.md.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'autoUpdate',
      injectRegister: false,
      // application/json in every server's types (nginx's mime.types lacks .webmanifest).
      manifestFilename: 'manifest.json',
      manifest: {
        name: '安顺职业技术学院国际交流数据看板',
        short_name: '国际交流看板',
        lang: 'zh-CN',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f5f8b',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      injectManifest: {
        globPatterns: ['**/*.{html,js,css,wasm,woff2,svg,json}', 'data/*.csv'],
        // DuckDB's build for browsers without WebAssembly exceptions is kept only where it is used.
        globIgnores: ['**/duckdb-mvp-*.wasm', 'manifest.json'],
        // DuckDB's WebAssembly is 33 MB (7.7 MB compressed on the wire).
        maximumFileSizeToCacheInBytes: 40 * 1024 * 1024,
        rollupFormat: 'iife',
      },
    }),
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
  worker: { format: 'es', rolldownOptions: { onLog: dropDuckDbEval } },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // first-requests: loaded by index.html from a script of its own (firstRequestsScript above).
      input: { main: 'index.html', embed: 'embed.html', 'first-requests': 'src/first-requests.ts' },
      output: {
        // The first screen's data requests (src/first-requests.ts) in a chunk of their own, with
        // what they need and nothing else (no import of the app's chunks: it runs before they
        // arrive). Only the page's modules: the embed must not load it.
        codeSplitting: {
          groups: [
            {
              name: 'first-requests',
              test: /[\\/]src[\\/](first-requests|state[\\/](first-requests|first-screen)|data[\\/]import-store|config[\\/]data-files)\.ts$/,
              priority: 10,
              includeDependenciesRecursively: false,
            },
            // What those requests name (the data files), and the remembered choices (language,
            // theme) the first screen's template is chosen by, which the embed also reads: a chunk
            // of their own, so that first-requests imports nothing of the app's chunks.
            {
              name: 'first-shared',
              test: /[\\/]src[\\/](domain[\\/](tables|enums)|state[\\/](stored|theme))\.ts$/,
              priority: 9,
              includeDependenciesRecursively: false,
            },
            { name: firstScreenChunk, priority: 1, includeDependenciesRecursively: false },
          ],
        },
      },
      // Plugin timings vary with the machine's load: not for a newcomer's first screen.
      checks: { bundlerTimings: false },
      onLog: dropDuckDbEval,
    },
  },
});
