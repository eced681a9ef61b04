/**
 * Works offline after one visit (src/sw.ts), in Chromium on the built site served as deployed:
 * visit once online, then with the network gone (the browser offline and the server refusing every
 * connection) reload, filter, present and export, with the figures of the app's SQL on the real
 * engine in Node and a notice saying the data is the copy kept, as of when. Back online, a new
 * deployment (a changed index.html, with the service worker's revision for it) is picked up on the
 * next visit.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { defaultFilters } from '../../src/data/filters';
import { DATA_CACHE } from '../../src/offline/cache';
import { watchedPage } from './browser';
import { browser, expectedKpis, exportChart, settled, shownKpis, useHarness } from './harness';
import { serveStatic } from './static-server';

useHarness();

const dist = process.env.DIST_DIR ?? fileURLToPath(new URL('../../dist', import.meta.url));
const PREFIX = '/college/intl-dashboard/';
/** Files the "new deployment" rewrites: copied, not linked. */
const OWN = ['index.html', 'sw.js'];

let site: string;
let app: { url: string; server: Server };
/** While true the server drops every connection, as an unreachable server would. */
let down = false;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'offline-site-'));
  for (const name of readdirSync(dist)) {
    // The precompressed index.html.gz/.br would be stale after the redeploy; this server sends neither.
    if (OWN.includes(name)) copyFileSync(join(dist, name), join(site, name));
    else symlinkSync(join(dist, name), join(site, name));
  }
  app = await serveStatic(site, PREFIX);
  const [serve] = app.server.listeners('request') as RequestListener[];
  app.server.removeAllListeners('request');
  app.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (down) req.socket.destroy();
    else serve!(req, res);
  });
});

afterAll(async () => {
  await new Promise((resolve) => app?.server.close(resolve));
  if (site) rmSync(site, { recursive: true, force: true });
});

/** Waits until the page is controlled by an active service worker and the data is kept. */
async function installed(page: Page): Promise<void> {
  // Polled from here: waitForFunction does not wait for a promise the page returns.
  for (let i = 0; i < 240; i++) {
    const ready = await page.evaluate(async (cacheName) => {
      const registration = await navigator.serviceWorker.getRegistration();
      if (registration?.active?.state !== 'activated' || !navigator.serviceWorker.controller) return false;
      const kept = await (await caches.open(cacheName)).keys();
      return kept.some((r) => r.url.endsWith('/data/exchanges.csv'));
    }, DATA_CACHE);
    if (ready) return;
    await page.waitForTimeout(500);
  }
  throw new Error('the service worker never took over');
}

test('after one visit: offline reload, filter, present and export; a new deployment on the next visit online', async () => {
  const origin = new URL(app.url).origin;
  const w = await watchedPage(browser, origin, undefined, 'allow');
  const { page } = w;
  await page.goto(app.url);
  await page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  await settled(page);
  await installed(page);
  expect(await page.locator('[data-testid="offline-notice"]').count()).toBe(0);

  // The network goes: the browser is offline and the server answers nothing.
  down = true;
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  await settled(page);
  expect(await shownKpis(page)).toEqual(await expectedKpis(defaultFilters(2014, 2019)));
  const notice = page.locator('[data-testid="offline-notice"]');
  await page.waitForSelector('[data-testid="offline-notice"][data-as-of^="2"]');
  expect(await notice.textContent()).toContain('离线');
  expect(await notice.textContent()).toMatch(/截至 \d{4}年\d{1,2}月\d{1,2}日/);

  // Filter.
  await page.check('[data-testid="direction-inbound"]', { force: true });
  await page.waitForFunction(() => document.querySelector('[data-testid="direction-inbound"]:checked'));
  await settled(page);
  expect(await shownKpis(page)).toEqual(await expectedKpis({ ...defaultFilters(2014, 2019), direction: 'inbound' }));

  // Present.
  await page.click('[data-testid="present"]');
  await page.waitForSelector('[data-testid="presenter"][data-slide="1"] svg');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('[data-testid="presenter"][data-slide="2"] svg');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="presenter"]', { state: 'detached' });

  // Export: the data as CSV, and a PNG, which draws with the self-hosted fonts.
  const csv = await exportChart(page, 'trend', 'csv');
  expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(csv.bytes.toString('utf8')).toContain('\r\n');
  const png = await exportChart(page, 'trend', 'png2');
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.bytes.length).toBeGreaterThan(10_000);

  // Back online, with a new deployment on the server: a changed page and the worker that lists it.
  const html = readFileSync(join(site, 'index.html'), 'utf8').replace(
    '<head>',
    '<head>\n    <meta name="deployment" content="2" />',
  );
  const revision = (text: string) => createHash('md5').update(text).digest('hex');
  const sw = readFileSync(join(site, 'sw.js'), 'utf8');
  const old = revision(readFileSync(join(dist, 'index.html'), 'utf8'));
  expect(sw).toContain(old);
  writeFileSync(join(site, 'index.html'), html);
  writeFileSync(join(site, 'sw.js'), sw.replace(old, revision(html)));
  down = false;
  await page.context().setOffline(false);
  await page.goto(app.url);
  // The old page shows first, from the precache; the new worker installs, takes over and the page reloads into it.
  await page.waitForSelector('meta[name="deployment"][content="2"]', { state: 'attached', timeout: 120_000 });
  await page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  expect(await page.locator('[data-testid="offline-notice"]').count()).toBe(0);

  expect(w.errors).toEqual([]);
  expect(w.foreign).toEqual([]);
  await page.context().close();
}, 400_000);
