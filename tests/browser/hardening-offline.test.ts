/**
 * No network but the page's own origin (BAD-INPUTS.md #31): Chromium's only way out is a proxy
 * that records every request it is sent and refuses it (the site itself, on loopback, is reached
 * directly), and the page's own requests to any other origin are aborted as well. The whole app
 * works: the dashboard, the map, a filter, exports (PNG, SVG, CSV), presenter mode, an import on
 * the data page, the console and the embed page; and not one request left for another origin,
 * from the page or from its workers.
 */
import { fileURLToPath } from 'node:url';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, watchedPage, type Watched } from './browser';
import { baseUrl, origin, settled, shownKpis, exportChart } from './harness';

const FIXTURE = fileURLToPath(new URL('../fixtures/import/browser-gb18030.csv', import.meta.url));

/**
 * Chromium's own services that its flags do not silence (component updates, its clock, account
 * checks), by exact host: nothing the app could ask for (a font or script CDN) is among them.
 */
const CHROMIUM_SERVICES = new Set([
  'update.googleapis.com',
  'clients2.google.com',
  'accounts.google.com',
  'content-autofill.googleapis.com',
  'optimizationguide-pa.googleapis.com',
  'safebrowsingohttpgateway.googleapis.com',
]);

function chromiumOwn(request: string): boolean {
  const host = request.startsWith('CONNECT ') ? request.slice(8).replace(/:\d+$/, '') : new URL(request).hostname;
  return CHROMIUM_SERVICES.has(host);
}

let browser: Browser;
let proxy: Server;
let w: Watched;
/** Requests that tried to leave, through the proxy (page and workers) or the page's route: none may. */
const proxied: string[] = [];
const aborted: string[] = [];
/** Requests served from the origin, by path: the app did fetch its own assets. */
const served: string[] = [];

beforeAll(async () => {
  proxy = createServer((req, res) => {
    proxied.push(req.url ?? '');
    res.writeHead(502).end();
  });
  proxy.on('connect', (req, socket) => {
    proxied.push(`CONNECT ${req.url ?? ''}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');
  browser = await launch([
    `--proxy-server=http://127.0.0.1:${address.port}`,
    // Quiet Chromium's own services, so what reaches the proxy is the app's.
    '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate',
    '--disable-domain-reliability',
    '--no-pings',
    '--disable-client-side-phishing-detection',
  ]);
  w = await watchedPage(browser, origin);
  await w.page.context().route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin) {
      served.push(url.pathname);
      return route.continue();
    }
    aborted.push(url.href);
    return route.abort('internetdisconnected');
  });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => proxy?.close(resolve));
});

const exported = async (page: Page, chart: string, kind: string) => (await exportChart(page, chart, kind)).bytes;

test('the whole app with every other origin cut off', async () => {
  const { page } = w;
  await page.goto(baseUrl);
  await page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  await page.waitForSelector('[data-testid="chart-countries"] svg');
  await settled(page);
  const sample = await shownKpis(page);
  expect(sample.outbound).toBeGreaterThan(0);
  expect(served.some((p) => p.endsWith('.topo.json'))).toBe(true);

  // A filter.
  await page.check('[data-testid="direction-inbound"]', { force: true });
  await page.waitForURL(/dir=inbound/);
  await settled(page);
  expect((await shownKpis(page)).outbound).toBe(0);

  // Exports: PNG, SVG, CSV.
  const png = await exported(page, 'trend', 'png2');
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  const svg = (await exported(page, 'trend', 'svg')).toString('utf8');
  expect(svg).toContain('<svg');
  expect(svg).toMatch(/src:url\(data:font\/woff2;base64,/);
  // The exports' font came from the site.
  expect(served.some((p) => p.endsWith('.woff2'))).toBe(true);
  const csv = (await exported(page, 'countries', 'csv')).toString('utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);

  // Presenter mode.
  await page.click('[data-testid="present"]');
  await page.waitForSelector('[data-testid="presenter"][data-slide="1"] svg');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('[data-testid="presenter"][data-slide="2"] svg');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="presenter"]', { state: 'detached' });

  // An import on the data page, and the console.
  await page.click('[data-testid="nav-data"]');
  await page.setInputFiles('[data-testid="import-input"]', FIXTURE);
  await page.locator('[data-testid="import-preview"]').waitFor();
  await page.click('[data-testid="import-run"]');
  const report = page.locator('[data-testid="import-report-file"]');
  await report.waitFor({ timeout: 30_000 });
  expect(await report.getAttribute('data-loaded')).toBe('4');
  await page.fill('[data-testid="console-sql"]', 'SELECT sum(headcount) AS trips FROM facts');
  await page.click('[data-testid="console-run"]');
  await page.locator('[data-testid="console-result"]').waitFor();
  expect(await page.textContent('[data-testid="console-result"] td')).toBe('22');
  await page.click('[data-testid="nav-dashboard"]');
  await settled(page);
  expect(await shownKpis(page)).not.toEqual(sample);
  await page.click('[data-testid="nav-data"]');
  await page.click('[data-testid="data-restore"]');
  await page.locator('[data-testid="sample-notice"]').waitFor({ timeout: 30_000 });

  // The embed page.
  await page.goto(`${baseUrl}embed.html?chart=countries&lang=en`);
  await page.waitForSelector('[data-testid="embed"] svg');

  expect(proxied.filter((r) => !chromiumOwn(r))).toEqual([]);
  expect(aborted).toEqual([]);
  expect(w.foreign).toEqual([]);
  expect(w.errors).toEqual([]);
  expect(w.csp).toEqual([]);
}, 180_000);

test('the proxy does see requests that leave, from the page and from a worker, so the test can fail', async () => {
  // The site's policy would refuse both before the network: here it is bypassed to test the proxy.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}embed.html?chart=trend`);
  await page.waitForSelector('[data-testid="embed"] svg');
  await page.evaluate(async () => {
    await fetch('http://cdn.example.com/page.js').catch(() => {});
    const source = "fetch('http://cdn.example.com/worker.js').catch(() => {}).then(() => postMessage('done'))";
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    await new Promise((resolve) => worker.addEventListener('message', resolve));
  });
  expect(proxied.filter((r) => !chromiumOwn(r))).toEqual([
    'http://cdn.example.com/page.js',
    'http://cdn.example.com/worker.js',
  ]);
  proxied.length = 0;
  await context.close();
});
