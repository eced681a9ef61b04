/**
 * `npm run bench`: the dashboard's speed and size against bare baselines, in headless Chromium
 * on the built app. Every app run is interleaved with its baseline runs in the same browser; each
 * figure is the median and p90 of its runs. Prints a table and writes docs/performance.json.
 * See docs/performance.md. Environment: BENCH_REPS (P1, default 7), BENCH_CLICKS (P3, default
 * 24), BENCH_P2_REPS (default 2), BENCH_10M=1 (add a 10M-row P3 run), BENCH_SKIP_BUILD=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './chromium';
import type { LoggedQuery } from '../../bench/engine-protocol';
import { defaultFilters, type Filters } from '../../src/data/filters';
import { parseUrlState } from '../../src/state/url-state';
import { generateDataDir } from './generate';
import { PROBE_SCRIPT, type Probe } from './page-probe';
import { serveSites } from './server';
import { appSizes, type Sizes } from './sizes';
import { summarize, type Summary } from './stats';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORK = join(tmpdir(), 'anshun-bench');
const APP = join(WORK, 'app');
const PAGES = join(WORK, 'pages');
const REPS = Number(process.env.BENCH_REPS ?? 7);
// 24: the p95 of the 23 clicks after the first is their second slowest (of 11, it was the slowest).
const CLICKS = Number(process.env.BENCH_CLICKS ?? 24);
const P2_REPS = Number(process.env.BENCH_P2_REPS ?? 2);
/** For trying the bench out: only these parts (p1,p2,p3,p4), the rest reported as zero. */
const ONLY = process.env.BENCH_ONLY?.split(',');
const runs = (part: string) => !ONLY || ONLY.includes(part);
const SIZES: [string, number][] = [
  ['100k', 100_000],
  ['1m', 1_000_000],
  ...(process.env.BENCH_10M === '1' ? ([['10m', 10_000_000]] as [string, number][]) : []),
];

const started = Date.now();
const log = (message: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

function build(): void {
  if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(join(APP, 'index.html'))) return;
  for (const args of [
    ['vite', 'build', '--outDir', APP, '--emptyOutDir', '--logLevel', 'error'],
    ['vite', 'build', '--config', 'bench/vite.config.ts', '--outDir', PAGES, '--emptyOutDir', '--logLevel', 'error'],
  ]) {
    const result = spawnSync('npx', args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error(`npx ${args.join(' ')} failed`);
  }
}

async function fresh(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript({ content: PROBE_SCRIPT });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  return { context, page };
}

const probe = (page: Page) => page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** ms since navigation until the first Plot chart was painted. */
async function firstChart(page: Page, url: string, which: 'firstChart' | 'ownChart' = 'firstChart'): Promise<number> {
  await page.goto(url);
  await page.waitForFunction((key) => (window as unknown as { __probe: Probe }).__probe[key] !== null, which, {
    timeout: 120_000,
  });
  return (await probe(page)).firstChart!;
}

/** The engine is ready and the dashboard settled: tiles filled, nothing pending. Returns the page's clock then. */
async function settled(page: Page, timeout = 300_000): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const tiles = [...document.querySelectorAll('[data-testid^="kpi-"]')];
      const done =
        tiles.length === 5 &&
        tiles.every((t) => t.getAttribute('data-value') !== '') &&
        document.querySelectorAll('[aria-busy="true"]:not([data-stale])').length === 0 &&
        document.querySelector('main[data-engine="ready"]') !== null;
      return done ? performance.now() : 0;
    },
    null,
    { timeout, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/** Waits until the page has been quiet for `quiet` ms after a click; returns click → last paint. */
async function afterClick(page: Page, quiet = 400): Promise<number> {
  for (let waited = 0; waited < 60_000; waited += 50) {
    const [p, now, busy] = await page.evaluate(
      () =>
        [
          (window as unknown as { __probe: Probe }).__probe,
          performance.now(),
          document.querySelectorAll('[aria-busy="true"]:not([data-stale])').length,
        ] as const,
    );
    if (p.clickAt !== null && busy === 0 && now - p.lastPaint > quiet && now - p.clickAt > quiet) {
      if (p.lastPaint >= p.clickAt) return p.lastPaint - p.clickAt;
      // Nothing drawn yet: a page still building its index (Mosaic at 1M rows) answers later.
      if (now - p.clickAt > 20_000) {
        throw new Error(`the click changed nothing: ${page.url()} ${JSON.stringify(p)}`);
      }
    }
    await sleep(50);
  }
  throw new Error('the page did not settle within 60 s of the click');
}

/** Hovers the bar, then clicks it, as a person does (Mosaic builds its index on pointerenter). */
async function clickBar(page: Page, selector: string, index: number): Promise<void> {
  const target = page.locator(selector).nth(index);
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error(`no bar ${index} at ${selector}`);
  await page.evaluate(() => ((window as unknown as { __probe: Probe }).__probe.clickAt = null));
  const x = box.x + Math.min(box.width / 2, 8);
  const y = box.y + box.height / 2;
  await page.mouse.move(x - 30, y);
  await page.mouse.move(x, y, { steps: 3 });
  await sleep(120);
  await page.mouse.click(x, y);
}

let retries = 0;

/** A click and its redraw; a click that changed nothing (it landed mid-redraw) is tried again once. */
async function clickAndWait(page: Page, selector: string, index: number): Promise<number> {
  await clickBar(page, selector, index);
  try {
    return await afterClick(page);
  } catch (error) {
    if (!String(error).includes('changed nothing')) throw error;
    retries++;
    await clickBar(page, selector, index);
    return afterClick(page);
  }
}

/* ---------------------------------------------------------------- P1 */

interface P1 {
  app: Summary;
  /** The app's own first chart (after its first screen kept in the HTML, if one was shown). */
  appOwn: Summary;
  appInteractive: Summary;
  duckdbBaseline: Summary;
  plotBaseline: Summary;
}

async function p1(browser: Browser, origin: string): Promise<P1> {
  const runs = {
    app: [] as number[],
    appOwn: [] as number[],
    appInteractive: [] as number[],
    duckdb: [] as number[],
    plot: [] as number[],
  };
  const variants = ['app', 'duckdb', 'plot'] as const;
  for (let rep = 0; rep < REPS; rep++) {
    for (let i = 0; i < variants.length; i++) {
      const variant = variants[(rep + i) % variants.length]!;
      const { context, page } = await fresh(browser);
      if (variant === 'app') {
        runs.app.push(await firstChart(page, `${origin}/app/`, 'ownChart'));
        runs.appOwn.push((await probe(page)).ownChart!);
        runs.appInteractive.push(await settled(page));
      } else {
        runs[variant].push(await firstChart(page, `${origin}/pages/p1-${variant}.html`));
      }
      await context.close();
    }
    log(
      `P1 rep ${rep + 1}/${REPS}: app ${runs.app.at(-1)!.toFixed(0)} ms (own chart ${runs.appOwn.at(-1)!.toFixed(0)}, engine ${runs.appInteractive.at(-1)!.toFixed(0)}), duckdb+plot ${runs.duckdb.at(-1)!.toFixed(0)}, plot ${runs.plot.at(-1)!.toFixed(0)}`,
    );
  }
  return {
    app: summarize(runs.app),
    appOwn: summarize(runs.appOwn),
    appInteractive: summarize(runs.appInteractive),
    duckdbBaseline: summarize(runs.duckdb),
    plotBaseline: summarize(runs.plot),
  };
}

/* ---------------------------------------------------------------- P4 */

interface Transfer {
  bytes: number;
  requests: number;
  duckdb: string[];
}

async function transferred(browser: Browser, url: string): Promise<Transfer> {
  const { context, page } = await fresh(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  let requests = 0;
  const urls = new Map<string, string>();
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => (window as unknown as { __probe: Probe }).__probe.firstChart !== null);
  await sleep(300);
  await context.close();
  return { bytes, requests, duckdb: [...urls.values()].filter((u) => /duckdb|\.wasm|worker/i.test(u)) };
}

async function p4(browser: Browser, origin: string): Promise<{ embed: Transfer; baseline: Transfer }> {
  const query = 'chart=trend&from=2016&to=2019&dir=outbound&lang=en';
  const embed = await transferred(browser, `${origin}/app/embed.html?${query}`);
  const baseline = await transferred(browser, `${origin}/pages/embed-bare.html`);
  return { embed, baseline };
}

/* ---------------------------------------------------------------- P2 */

interface P2 {
  rows: number;
  kept: number;
  mb: number;
  appMs: Summary;
  appRowsPerS: number;
  bareMs: Summary;
  bareRowsPerS: number;
}

/** Rows the last import kept (the rest it rejected, each with its reason). */
let kept = 0;

async function importOnce(browser: Browser, origin: string, file: string, rows: number): Promise<number> {
  const { context, page } = await fresh(browser);
  await page.goto(`${origin}/app/`);
  await page.click('[data-testid="nav-data"]', { timeout: 120_000 });
  await page.setInputFiles('[data-testid="import-input"]', file);
  await page.locator('[data-testid="import-encoding"]').waitFor({ timeout: 600_000 });
  await page.click('[data-testid="import-run"]');
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="import-report"]')?.getAttribute('data-ms') != null &&
      !document.querySelector('[data-testid="import-progress"]'),
    null,
    { timeout: 1_200_000, polling: 200 },
  );
  const ms = Number(await page.getAttribute('[data-testid="import-report"]', 'data-ms'));
  // Every row read and checked: kept, or rejected with its reasons (the report counts both).
  const read = Number(await page.getAttribute('[data-testid="import-report-file"]', 'data-rows'));
  if (read !== rows) throw new Error(`the import read ${read} of ${rows} rows`);
  kept = Number(await page.getAttribute('[data-testid="import-report-file"]', 'data-loaded'));
  await context.close();
  return ms;
}

async function bareImport(browser: Browser, origin: string, rows: number): Promise<number> {
  const { context, page } = await fresh(browser);
  await page.goto(`${origin}/pages/engine.html`);
  const result = await page.evaluate(
    (url) => (window as unknown as { bench: { csv(u: string): Promise<{ ms: number; rows: number }> } }).bench.csv(url),
    `${origin}/data-1m/exchanges.csv`,
  );
  if (result.rows !== rows) throw new Error(`the bare import read ${result.rows} of ${rows} rows`);
  await context.close();
  return result.ms;
}

async function p2(browser: Browser, origin: string, dir: string, rows: number): Promise<P2> {
  const file = join(dir, 'exchanges.csv');
  const app: number[] = [];
  const bare: number[] = [];
  for (let rep = 0; rep < P2_REPS; rep++) {
    bare.push(await bareImport(browser, origin, rows));
    app.push(await importOnce(browser, origin, file, rows));
    log(
      `P2 rep ${rep + 1}/${P2_REPS}: app ${(app.at(-1)! / 1000).toFixed(1)} s, bare ${(bare.at(-1)! / 1000).toFixed(1)} s`,
    );
  }
  const appMs = summarize(app);
  const bareMs = summarize(bare);
  return {
    rows,
    kept,
    mb: statSync(file).size / 1e6,
    appMs,
    appRowsPerS: rows / (appMs.median / 1000),
    bareMs,
    bareRowsPerS: rows / (bareMs.median / 1000),
  };
}

/* ---------------------------------------------------------------- P3 + memory */

interface P3 {
  rows: number;
  appOpenMs: number;
  app: Summary;
  appFirstClick: number;
  appQueries: Summary;
  /** The engine's time in the click's queries (their sum, as the worker timed them); 0 for a click answered from kept answers. */
  appEngine: Summary;
  /** The most queries a click asked after it was made (not answered from kept answers or asked ahead). */
  queriesPerClick: number;
  /** The most queries of a click asked ahead, while the pointer rested on the bar (src/state/ask-ahead.ts). */
  aheadPerClick: number;
  bareSql: Summary;
  render: Summary;
  /** bare SQL + cached re-render, click by click. */
  baseline: Summary;
  mosaic: Summary;
  mosaicFirstClick: number;
  mosaicLoadMs: number;
  /** Mosaic drawing the dashboard's views (bench/mosaic-dashboard.html). */
  mosaicViews: Summary;
  mosaicViewsFirstClick: number;
  mosaicViewsLoadMs: number;
}

interface Memory {
  pageHeapMb: number;
  workerHeapMb: number | null;
  engineMb: number | null;
}

type BenchWindow = {
  bench: {
    load(url: string): Promise<{ ms: number; rows: number }>;
    run(queries: LoggedQuery[], reps: number): Promise<number[]>;
    render(filters: Filters, reps: number): Promise<number[]>;
  };
};

async function engineMemory(page: Page): Promise<number | null> {
  await page.click('[data-testid="nav-data"]');
  await page.fill('[data-testid="console-sql"]', 'SELECT sum(memory_usage_bytes) AS bytes FROM duckdb_memory()');
  await page.click('[data-testid="console-run"]');
  const cell = page.locator('[data-testid="console-result"] tbody td').first();
  await cell.waitFor({ timeout: 60_000 }).catch(() => undefined);
  const text = await cell.textContent().catch(() => null);
  await page.click('[data-testid="nav-dashboard"]');
  return text === null || text === 'NULL' ? null : Number(text) / 1e6;
}

async function memory(page: Page): Promise<Memory> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  let workerHeapMb: number | null = null;
  for (const worker of page.workers()) {
    const used = await worker
      .evaluate(
        () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null,
      )
      .catch(() => null);
    if (used !== null) workerHeapMb = (workerHeapMb ?? 0) + used / 1e6;
  }
  return { pageHeapMb: usedSize / 1e6, workerHeapMb, engineMb: await engineMemory(page) };
}

async function p3(browser: Browser, origin: string, name: string, rows: number): Promise<{ p3: P3; memory: Memory }> {
  const app = await fresh(browser);
  const opened = Date.now();
  await app.page.goto(`${origin}/app-${name}/`);
  await settled(app.page);
  const appOpenMs = Date.now() - opened;
  log(`P3 ${name}: app open ${(appOpenMs / 1000).toFixed(1)} s`);
  const mosaic = await fresh(browser);
  await mosaic.page.goto(`${origin}/pages/mosaic.html?data=../data-${name}/`);
  await mosaic.page.waitForFunction(() => document.querySelectorAll('svg[class^="plot-"]').length >= 3, null, {
    timeout: 300_000,
  });
  const mosaicLoadMs = (await mosaic.page.evaluate(
    () => (window as unknown as { mosaicLoadMs: number }).mosaicLoadMs,
  )) as number;
  const views = await fresh(browser);
  await views.page.goto(`${origin}/pages/mosaic-dashboard.html?data=../data-${name}/`);
  await views.page.waitForFunction(() => document.querySelectorAll('svg[class^="plot-"]').length >= 12, null, {
    timeout: 300_000,
  });
  const mosaicViewsLoadMs = (await views.page.evaluate(
    () => (window as unknown as { mosaicLoadMs: number }).mosaicLoadMs,
  )) as number;
  const bare = await fresh(browser);
  await bare.page.goto(`${origin}/pages/engine.html`);
  await bare.page.evaluate((url) => (window as unknown as BenchWindow).bench.load(url), `${origin}/data-${name}/`);
  log(`P3 ${name}: Mosaic and the bare engine loaded`);

  const bounds = { min: 0, max: 0 };
  {
    const [from, to] = await app.page.evaluate(() => {
      const options = [...document.querySelectorAll<HTMLOptionElement>('[data-testid="year-from"] option')];
      return [Number(options[0]?.value), Number(options.at(-1)?.value)];
    });
    bounds.min = from!;
    bounds.max = to!;
  }
  const runs = {
    app: [] as number[],
    queries: [] as number[],
    engine: [] as number[],
    sql: [] as number[],
    render: [] as number[],
    base: [] as number[],
    mosaic: [] as number[],
    views: [] as number[],
  };
  let queriesPerClick = 0;
  let aheadPerClick = 0;
  const appBar = '[data-testid="chart-countries"] svg g[aria-label="bar"] rect';
  const mosaicBar = '#charts > :first-child g[aria-label="bar"] rect';
  for (let click = 0; click < CLICKS; click++) {
    // Select a country, then clear it by clicking it again; then the next country.
    const bar = Math.floor(click / 2) % 5;
    await app.page.bringToFront();
    await app.page.evaluate(() => performance.clearMeasures('db.query'));
    runs.app.push(await clickAndWait(app.page, appBar, bar));
    const logged = await app.page.evaluate(() => {
      const clickAt = (window as unknown as { __probe: Probe }).__probe.clickAt ?? 0;
      return performance.getEntriesByName('db.query').map((e) => ({
        ...((e as PerformanceMeasure).detail as LoggedQuery),
        end: e.startTime + e.duration - clickAt,
      }));
    });
    // Answered before the click: asked ahead while the pointer rested on the bar.
    const ahead = logged.filter((q) => q.end <= 0).length;
    queriesPerClick = Math.max(queriesPerClick, logged.length - ahead);
    aheadPerClick = Math.max(aheadPerClick, ahead);
    // Click → the last answer in: the rest of the click's time is drawing.
    runs.queries.push(Math.max(0, ...logged.map((q) => q.end)));
    runs.engine.push(logged.reduce((sum, q) => sum + (q.ms ?? 0), 0));
    const { filters } = parseUrlState(new URL(app.page.url()).search, bounds);

    await bare.page.bringToFront();
    const [sql] = await bare.page.evaluate(([queries]) => (window as unknown as BenchWindow).bench.run(queries, 1), [
      logged.map(({ sql, params }) => ({ sql, params })),
    ] as const);
    const [render] = await bare.page.evaluate(([f]) => (window as unknown as BenchWindow).bench.render(f, 1), [
      filters ?? defaultFilters(bounds.min, bounds.max),
    ] as const);
    runs.sql.push(sql!);
    runs.render.push(render!);
    runs.base.push(sql! + render!);

    await mosaic.page.bringToFront();
    runs.mosaic.push(await clickAndWait(mosaic.page, mosaicBar, bar));
    await views.page.bringToFront();
    runs.views.push(await clickAndWait(views.page, mosaicBar, bar));
    log(
      `P3 ${name} click ${click + 1}/${CLICKS}: app ${runs.app.at(-1)!.toFixed(0)} ms (${logged.length - ahead} queries after the click, ${ahead} asked ahead, last answer at ${runs.queries.at(-1)!.toFixed(0)} ms), bare SQL ${sql!.toFixed(0)} + render ${render!.toFixed(0)}, Mosaic ${runs.mosaic.at(-1)!.toFixed(0)}, Mosaic views ${runs.views.at(-1)!.toFixed(0)}`,
    );
  }
  const mem = name === '1m' ? await memory(app.page) : { pageHeapMb: 0, workerHeapMb: null, engineMb: null };
  for (const p of [app, mosaic, views, bare]) await p.context.close();
  const later = (values: number[]) => summarize(values.slice(1));
  return {
    p3: {
      rows,
      appOpenMs,
      app: later(runs.app),
      appFirstClick: runs.app[0]!,
      appQueries: later(runs.queries),
      appEngine: later(runs.engine),
      queriesPerClick,
      aheadPerClick,
      bareSql: later(runs.sql),
      render: later(runs.render),
      baseline: later(runs.base),
      mosaic: later(runs.mosaic),
      mosaicFirstClick: runs.mosaic[0]!,
      mosaicLoadMs,
      mosaicViews: later(runs.views),
      mosaicViewsFirstClick: runs.views[0]!,
      mosaicViewsLoadMs,
    },
    memory: mem,
  };
}

/** The bundled sample (data/): a click on a country bar → every view on screen redrawn, as P3 clicks. */
async function p3Sample(browser: Browser, origin: string): Promise<{ app: Summary; first: number; rows: number }> {
  const app = await fresh(browser);
  await app.page.goto(`${origin}/app/`);
  await settled(app.page);
  const runs: number[] = [];
  const clicks = Math.max(CLICKS, 16);
  for (let click = 0; click < clicks; click++) {
    runs.push(
      await clickAndWait(
        app.page,
        '[data-testid="chart-countries"] svg g[aria-label="bar"] rect',
        Math.floor(click / 2) % 5,
      ),
    );
    log(`P3 sample click ${click + 1}/${clicks}: ${runs.at(-1)!.toFixed(0)} ms`);
  }
  const rows = Number(
    await app.page.evaluate(() => document.querySelector('[data-testid="kpi-outbound"]')?.getAttribute('data-value')),
  );
  await app.context.close();
  return { app: summarize(runs.slice(1)), first: runs[0]!, rows };
}

/* ---------------------------------------------------------------- report */

const ms = (v: number) => `${v.toFixed(0)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const kb = (v: number) => `${(v / 1024).toFixed(0)} KB`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n');
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  log('building the app and the baseline pages');
  build();
  const dirs = Object.fromEntries(
    SIZES.map(([name, rows]) => {
      log(`data: ${rows} rows`);
      return [name, generateDataDir(rows, join(WORK, `data-${name}`))];
    }),
  );
  const { origin, server } = await serveSites([
    { prefix: '/app/', root: APP },
    ...SIZES.map(([name]) => ({ prefix: `/app-${name}/`, root: APP, data: dirs[name]! })),
    ...SIZES.map(([name]) => ({ prefix: `/data-${name}/`, root: dirs[name]! })),
    { prefix: '/pages/', root: PAGES },
  ]);
  const browser = await launch();
  try {
    const sizes: Sizes = appSizes(APP);
    log(`P5: ${kb(sizes.gzip)} gzip, ${kb(sizes.brotli)} brotli`);
    const none = summarize([]);
    const noTransfer = { bytes: Number.NaN, requests: 0, duckdb: [] };
    const p4r = runs('p4') ? await p4(browser, origin) : { embed: noTransfer, baseline: noTransfer };
    log(`P4: embed ${kb(p4r.embed.bytes)}, baseline ${kb(p4r.baseline.bytes)}`);
    const p1r = runs('p1')
      ? await p1(browser, origin)
      : { app: none, appOwn: none, appInteractive: none, duckdbBaseline: none, plotBaseline: none };
    const sample = runs('p3') || runs('p3-sample') ? await p3Sample(browser, origin) : null;
    const p3r: Record<string, P3> = {};
    let mem: Memory | null = null;
    for (const [name, rows] of SIZES.filter(([n]) => runs('p3') || runs(`p3-${n}`))) {
      const r = await p3(browser, origin, name, rows);
      p3r[name] = r.p3;
      if (name === '1m') mem = r.memory;
    }
    const p2r = runs('p2')
      ? await p2(browser, origin, dirs['1m']!, 1_000_000)
      : { rows: 0, kept: 0, mb: 0, appMs: none, appRowsPerS: Number.NaN, bareMs: none, bareRowsPerS: Number.NaN };

    const noP3 = {
      app: none,
      appFirstClick: Number.NaN,
      mosaic: none,
      mosaicFirstClick: Number.NaN,
      mosaicViews: none,
    };
    const m = p3r['1m'] ?? noP3;
    const k = p3r['100k'] ?? noP3;
    // Issue 14's goals.
    const goals = {
      p1: p1r.app.median / p1r.duckdbBaseline.median <= 1.15,
      p1Snapshot: p1r.app.median / p1r.plotBaseline.median <= 2,
      p2: p2r.appRowsPerS / p2r.bareRowsPerS >= 0.3,
      p3Median: m.app.median <= 3 * m.mosaic.median,
      p3P95: m.app.p95 <= 2 * m.app.median,
      p3FirstClick: m.appFirstClick <= 2 * m.mosaicFirstClick,
      p3Mosaic: m.app.median <= m.mosaicViews.median,
      p3Median100k: k.app.median <= 3 * k.mosaic.median,
      p3Sample: (sample?.app.median ?? Number.NaN) <= 50,
      p4: p4r.embed.bytes <= 300 * 1024 && p4r.embed.duckdb.length === 0,
      p5: sizes.gzip <= 250 * 1024,
    };
    const results = {
      date: new Date().toISOString(),
      machine: { cores: (await import('node:os')).cpus().length, load: (await import('node:os')).loadavg() },
      settings: { reps: REPS, clicks: CLICKS, p2Reps: P2_REPS, clickRetries: retries },
      p1: p1r,
      p2: p2r,
      p3: p3r,
      p3Sample: sample,
      p4: p4r,
      p5: sizes,
      memory1m: mem,
      goals,
      seconds: (Date.now() - started) / 1000,
    };
    if (!ONLY) writeFileSync(join(ROOT, 'docs', 'performance.json'), JSON.stringify(results, null, 2) + '\n');

    const rowsOut: string[][] = [
      ['figure', 'app median', 'app p90', 'baseline median', 'baseline p90', 'ratio', 'goal'],
    ];
    const yes = (ok: boolean) => (ok ? 'met' : 'MISSED');
    /** A figure of the app's against a baseline's: medians, 90th percentiles and their ratio. */
    const against = (figure: string, app: Summary, baseline: Summary, goal: string) => [
      figure,
      ms(app.median),
      ms(app.p90),
      ms(baseline.median),
      ms(baseline.p90),
      ratio(app.median, baseline.median),
      goal,
    ];
    rowsOut.push(
      against('P1 open → first chart (vs DuckDB + Plot page)', p1r.app, p1r.duckdbBaseline, `≤ 1.15× ${yes(goals.p1)}`),
      against('P1 first chart (vs bare Plot page)', p1r.app, p1r.plotBaseline, `≤ 2× ${yes(goals.p1Snapshot)}`),
      against("P1   the app's own first chart (vs bare Plot page)", p1r.appOwn, p1r.plotBaseline, ''),
    );
    rowsOut.push([
      'P1 open → engine figures shown',
      ms(p1r.appInteractive.median),
      ms(p1r.appInteractive.p90),
      '',
      '',
      '',
      '',
    ]);
    rowsOut.push([
      'P2 import 1M rows, full validation',
      `${Math.round(p2r.appRowsPerS)} rows/s`,
      ms(p2r.appMs.p90),
      `${Math.round(p2r.bareRowsPerS)} rows/s`,
      ms(p2r.bareMs.p90),
      ratio(p2r.appRowsPerS, p2r.bareRowsPerS),
      `≥ 0.3× ${yes(goals.p2)}`,
    ]);
    for (const [name, r] of Object.entries(p3r)) {
      rowsOut.push([
        `P3 ${name} click → redrawn (vs bare SQL + render)`,
        ms(r.app.median),
        ms(r.app.p90),
        ms(r.baseline.median),
        ms(r.baseline.p90),
        ratio(r.app.median, r.baseline.median),
        '',
      ]);
      rowsOut.push([
        `P3 ${name}   bare SQL / cached re-render`,
        '',
        '',
        `${ms(r.bareSql.median)} / ${ms(r.render.median)}`,
        `${ms(r.bareSql.p90)} / ${ms(r.render.p90)}`,
        '',
        '',
      ]);
      rowsOut.push([
        `P3 ${name}   engine time in the click's queries / last answer in`,
        `${ms(r.appEngine.median)} / ${ms(r.appQueries.median)}`,
        `${ms(r.appEngine.p90)} / ${ms(r.appQueries.p90)}`,
        '',
        '',
        '',
        '',
      ]);
      rowsOut.push([
        `P3 ${name}   app p95 / first click (queries: ${r.queriesPerClick} after a click, ${r.aheadPerClick ?? 0} asked ahead)`,
        ms(r.app.p95),
        ms(r.appFirstClick),
        '',
        '',
        '',
        name === '1m' ? `p95 ≤ 2× median ${yes(goals.p3P95)} / ≤ 2× Mosaic's first ${yes(goals.p3FirstClick)}` : '',
      ]);
      rowsOut.push([
        `P3 ${name}   vs Mosaic (first click ${ms(r.mosaicFirstClick)})`,
        ms(r.app.median),
        ms(r.app.p90),
        ms(r.mosaic.median),
        ms(r.mosaic.p90),
        ratio(r.app.median, r.mosaic.median),
        `≤ 3× ${yes(name === '1m' ? goals.p3Median : name === '100k' ? goals.p3Median100k : r.app.median <= 3 * r.mosaic.median)}`,
      ]);
      rowsOut.push([
        `P3 ${name}   vs Mosaic, the dashboard's views (first click ${ms(r.mosaicViewsFirstClick)})`,
        ms(r.app.median),
        ms(r.app.p90),
        ms(r.mosaicViews.median),
        ms(r.mosaicViews.p90),
        ratio(r.app.median, r.mosaicViews.median),
        name === '1m' ? `≤ 1× ${yes(goals.p3Mosaic)}` : '',
      ]);
    }
    if (sample) {
      rowsOut.push([
        `P3 bundled sample click → redrawn, p95 (first click ${ms(sample.first)})`,
        ms(sample.app.median),
        ms(sample.app.p95),
        '',
        '',
        '',
        `≤ 50 ms ${yes(goals.p3Sample)}`,
      ]);
    }
    rowsOut.push([
      'P4 embed bytes before interaction',
      kb(p4r.embed.bytes),
      '',
      kb(p4r.baseline.bytes),
      '',
      ratio(p4r.embed.bytes, p4r.baseline.bytes),
      `≤ 300 KB, no DuckDB ${yes(goals.p4)}`,
    ]);
    rowsOut.push([
      'P5 app JS + CSS w/o DuckDB (gzip / brotli)',
      kb(sizes.gzip),
      kb(sizes.brotli),
      '',
      '',
      '',
      `≤ 250 KB ${yes(goals.p5)}`,
    ]);
    if (mem) {
      rowsOut.push([
        'memory at 1M rows: page JS heap / worker JS heap / DuckDB',
        `${mem.pageHeapMb.toFixed(0)} MB`,
        mem.workerHeapMb === null ? 'n/a' : `${mem.workerHeapMb.toFixed(0)} MB`,
        mem.engineMb === null ? 'n/a' : `${mem.engineMb.toFixed(0)} MB`,
        '',
        '',
        '',
      ]);
    }
    const printed = table(rowsOut);
    console.log(`\n${printed}\n`);
    const doc = join(ROOT, 'docs', 'performance.md');
    const stamp = `Run of ${results.date.slice(0, 16).replace('T', ' ')} UTC, ${results.seconds.toFixed(0)} s, load average ${results.machine.load.map((l) => l.toFixed(1)).join(' / ')} on ${results.machine.cores} cores.`;
    if (existsSync(doc) && !ONLY) {
      const text = readFileSync(doc, 'utf8').replace(
        /(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/,
        // As prettier writes Markdown (npm run lint checks it): a blank line after the marker, no trailing spaces.
        (_, start: string, end: string) =>
          `${start}\n${stamp}\n\n\`\`\`text\n${printed.replace(/ +$/gm, '')}\n\`\`\`\n\n${end}`,
      );
      writeFileSync(doc, text);
    }
    log(`wrote docs/performance.json${ONLY ? '' : ' and the table in docs/performance.md'}`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
