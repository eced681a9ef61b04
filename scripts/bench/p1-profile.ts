/**
 * P1 by itself, for working on it: `npx tsx scripts/bench/p1-profile.ts APP_DIR PAGES_DIR [reps] [trace.json]`
 * serves a built app and the bench's built pages as `npm run bench` does, and times the first
 * Plot chart painted (the bench's probe) on the app and on the bare Plot page, alternating.
 * With a trace file, also records one app load with Chrome's tracing (open it in DevTools'
 * Performance panel) and prints the longest main-thread tasks before the first chart.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch } from './chromium';
import { PROBE_SCRIPT, type Probe } from './page-probe';
import { serveSites } from './server';

const [appDirs, pagesDir, repsArg, traceFile] = process.argv.slice(2);
if (!appDirs || !pagesDir) throw new Error('usage: p1-profile.ts APP_DIR[,APP_DIR…] PAGES_DIR [reps] [trace.json]');
const APPS = appDirs.split(',');
const REPS = Number(repsArg ?? 9);
/** P1_OWN=1: the app's own first chart, not a first screen kept in its HTML. */
const KEY: 'ownChart' | 'firstChart' = process.env.P1_OWN ? 'ownChart' : 'firstChart';

/** Which element held the first Plot chart (the card's test id), for telling what was painted first. */
const WHICH_SCRIPT = `(() => {
  new MutationObserver((records, observer) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (!(n instanceof Element)) continue;
      const hit = n.matches('[class^="plot-"]') ? n : n.querySelector('[class^="plot-"]');
      if (hit) {
        const card = hit.closest('[data-testid]');
        window.__firstChartIn = (card ? card.getAttribute('data-testid') : '?') + ' ' + hit.tagName + '.' + hit.getAttribute('class') + ' elements ' + document.getElementsByTagName('*').length + ' svg ' + document.querySelectorAll('svg *').length;
        observer.disconnect();
        return;
      }
    }
  }).observe(document, { subtree: true, childList: true });
})();`;

async function firstChart(browser: Browser, url: string, trace?: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript({ content: PROBE_SCRIPT });
  if (process.env.WHICH) await context.addInitScript({ content: WHICH_SCRIPT });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  const cdp = trace ? await context.newCDPSession(page) : null;
  const events: unknown[] = [];
  if (cdp) {
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown[])));
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'disabled-by-default-devtools.timeline.frame',
          'v8.execute',
          'blink.user_timing',
          'loading',
          ...(process.env.CPU_PROFILE ? ['disabled-by-default-v8.cpu_profiler'] : []),
          ...(process.env.TRACE_ALL ? ['*'] : []),
          ...(process.env.TRACE_V8 ? ['v8', 'disabled-by-default-v8.compile'] : []),
        ],
      },
    });
  }
  await page.goto(url);
  await page.waitForFunction((key) => (window as unknown as { __probe: Probe }).__probe[key] !== null, KEY, {
    timeout: 120_000,
  });
  const probe = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
  if (process.env.WHICH)
    console.log(await page.evaluate(() => (window as unknown as { __firstChartIn: string }).__firstChartIn));
  if (process.env.RESOURCES) {
    const entries = await page.evaluate(() =>
      [...performance.getEntriesByType('resource'), ...performance.getEntriesByType('mark')].map(
        (e) =>
          `${e.startTime.toFixed(0).padStart(5)} ${(e as PerformanceResourceTiming).responseEnd?.toFixed(0).padStart(5) ?? '     '} ${e.name.split('/').pop()}`,
      ),
    );
    console.log(entries.join('\n'));
  }
  if (cdp && trace) {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    writeFileSync(trace, JSON.stringify({ traceEvents: events }));
    if (!process.env.TRACE_EACH) summarize(events as TraceEvent[], probe.firstChart!);
    else writeFileSync(`${trace}.fc`, String(probe.firstChart));
  }
  await context.close();
  return probe[KEY]!;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  cat: string;
  args?: { data?: { url?: string; frame?: string }; name?: string };
}

/** The renderer's main thread: its tasks and what ran in them, on the page's clock. */
function summarize(events: TraceEvent[], firstChartMs: number): void {
  const nav = events.find(
    (e) => e.name === 'navigationStart' && (e.args?.data as { documentLoaderURL?: string })?.documentLoaderURL,
  );
  if (!nav) throw new Error('no navigation in the trace');
  const start = nav.ts;
  const onMain = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid);
  const ms = (ts: number) => ((ts - start) / 1000).toFixed(0).padStart(5);
  console.log(`first chart at ${firstChartMs.toFixed(0)} ms`);
  const before = (e: TraceEvent) => e.ts >= start && e.ts < start + firstChartMs * 1000;
  for (const e of onMain.filter((e) => e.ph === 'X' && (e.dur ?? 0) > 3000 && e.name === 'RunTask' && before(e))) {
    const inner = onMain
      .filter((i) => i.ph === 'X' && i.ts >= e.ts && i.ts < e.ts + e.dur! && i !== e && (i.dur ?? 0) > 2000)
      .map(
        (i) =>
          `${i.name}${i.args?.data?.url ? ` ${i.args.data.url.split('/').pop()}` : ''} ${(i.dur! / 1000).toFixed(0)}`,
      )
      .slice(0, 8)
      .join(', ');
    console.log(`${ms(e.ts)} ms  task ${(e.dur! / 1000).toFixed(0).padStart(4)} ms  ${inner}`);
  }
  for (const e of events.filter(
    (e) => e.pid === nav.pid && ['ResourceSendRequest', 'ResourceFinish'].includes(e.name),
  )) {
    const url = (e.args?.data as { url?: string } | undefined)?.url;
    if (url && e.ts < start + firstChartMs * 1000) console.log(`${ms(e.ts)} ms  ${e.name} ${url.split('/').pop()}`);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { origin, server } = await serveSites([
  ...APPS.map((dir, i) => ({ prefix: `/app${i}/`, root: resolve(dir) })),
  { prefix: '/pages/', root: resolve(pagesDir) },
]);
const browser = await launch();
try {
  const apps: number[][] = APPS.map(() => []);
  const plot: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    // In turn, each first once (as the bench does).
    const order = [...APPS.keys(), -1];
    for (let k = 0; k < order.length; k++) {
      const i = order[(rep + k) % order.length]!;
      if (i < 0) plot.push(await firstChart(browser, `${origin}/pages/p1-plot.html`));
      else apps[i]!.push(await firstChart(browser, `${origin}/app${i}/`));
    }
    console.log(
      `rep ${rep + 1}: app ${apps.map((a) => a.at(-1)!.toFixed(0)).join(' / ')} ms, plot ${plot.at(-1)!.toFixed(0)} ms`,
    );
  }
  for (let i = 0; i < APPS.length && REPS > 0; i++) {
    const app = apps[i]!;
    console.log(
      `${APPS[i]}: median ${median(app).toFixed(0)} ms, plot ${median(plot).toFixed(0)} ms, ratio ${(median(app) / median(plot)).toFixed(2)}`,
    );
  }
  // TRACE_EACH=N: N traced loads of each app, to /tmp/p1-trace-<app>-<n>.json (for CPU time, which the machine's load moves less than wall time).
  for (let n = 0; n < Number(process.env.TRACE_EACH ?? 0); n++)
    for (let i = 0; i <= APPS.length; i++) {
      // The last: the bare Plot page.
      const url = i < APPS.length ? `${origin}/app${i}/` : `${origin}/pages/p1-plot.html`;
      await firstChart(browser, url, `/tmp/p1-trace-${i}-${n}.json`);
    }
  if (traceFile)
    await firstChart(browser, process.env.TRACE_PLOT ? `${origin}/pages/p1-plot.html` : `${origin}/app0/`, traceFile);
} finally {
  await browser.close();
  server.close();
}
