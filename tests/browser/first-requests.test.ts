/**
 * The first screen's path (docs/performance.md, P1): the snapshot's requests do not wait for the
 * app's code, and the page fetches its code in a few files, not a dozen (a browser fetches six at
 * a time from a server speaking HTTP/1.1).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { moduleGraph } from '../../scripts/bench/sizes';
import { watchedPage } from './browser';
import { baseUrl, browser, origin, useHarness } from './harness';

useHarness();

/** Whether the page looked for an import stored in this browser (opening the store creates it), within `ms`. */
async function lookedForImports(page: Page, ms = 20_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await page.waitForTimeout(100))
    if (
      await page.evaluate(async () =>
        (await indexedDB.databases()).some((d) => d.name === 'exchange-dashboard-imports'),
      )
    )
      return true;
  return false;
}

const dist = process.env.DIST_DIR ?? fileURLToPath(new URL('../../dist', import.meta.url));

test('the snapshot and the data files are requested while the app’s code is still on its way', async () => {
  const w = await watchedPage(browser, origin);
  // The app's largest chunk (Svelte, Plot, d3) is held back until the snapshot has been asked for.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await w.page.route(/\/assets\/app-[\w-]+\.js$/, async (route) => {
    held++;
    await released;
    await route.continue();
  });
  const asking = Promise.all(
    ['snapshot.json', 'exchanges.csv', 'annual-counts.csv'].map((file) =>
      w.page.waitForRequest((request) => request.url().endsWith(`/data/${file}`), { timeout: 20_000 }),
    ),
  );
  await w.page.goto(baseUrl, { waitUntil: 'commit' });
  const asked = await asking.then(
    () => true,
    () => false,
  );
  // The check ran too, not only the preloads the page names: it looked for an import stored in
  // this browser (opening the store creates it). It waited for the app's chunk when the script
  // that starts it imported anything of the app (the file naming the snapshot had landed there).
  const looked = await lookedForImports(w.page);
  release();
  expect(held).toBeGreaterThan(0);
  expect(asked).toBe(true);
  expect(looked).toBe(true);
  // And the page goes on as usual once the code is in.
  await w.page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  expect(w.errors).toEqual([]);
  await w.page.context().close();
});

test('with the check done before the app’s code runs, the dashboard is drawn as the page mounts, with no loading screen first', async () => {
  const w = await watchedPage(browser, origin);
  // Everything the app shows before the dashboard: the full-page loading status.
  await w.page.addInitScript(() => {
    const seen = ((window as unknown as { __loadingScreen: boolean }).__loadingScreen = false);
    void seen;
    new MutationObserver(() => {
      if (document.querySelector('main > .status[data-testid="loading"]'))
        (window as unknown as { __loadingScreen: boolean }).__loadingScreen = true;
    }).observe(document, { subtree: true, childList: true });
  });
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await w.page.route(/\/assets\/app-[\w-]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await w.page.goto(baseUrl, { waitUntil: 'commit' });
  // The check has ended (the store looked at, the data in) while the app's code was held back.
  expect(await lookedForImports(w.page)).toBe(true);
  await w.page.waitForTimeout(300);
  release();
  await w.page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  expect(await w.page.evaluate(() => (window as unknown as { __loadingScreen: boolean }).__loadingScreen)).toBe(false);
  // Drawn from the snapshot while the engine starts: the dashboard's own status line says so.
  expect(w.errors).toEqual([]);
  await w.page.context().close();
});

test('the page’s code before its first chart is a few files; the embed’s never starts the page’s requests', () => {
  const page = moduleGraph(dist);
  // Was 12 scripts and 4 style sheets.
  expect(page.filter((f) => f.endsWith('.js')).length).toBeLessThanOrEqual(6);
  expect(page.filter((f) => f.endsWith('.css')).length).toBeLessThanOrEqual(2);
  const html = readFileSync(`${dist}/index.html`, 'utf8');
  const first = /<script type="module" async[^>]* src="\.\/(assets\/first-requests-[\w-]+\.js)"/.exec(html)?.[1];
  expect(first).toBeDefined();
  expect(moduleGraph(dist, 'embed.html')).not.toContain(first);
  // It imports nothing of the app's code (it runs before that has arrived): only the chunk of the
  // light modules it shares with the app and the embed (the tables, the remembered choices).
  const imports = [
    ...readFileSync(`${dist}/${first}`, 'utf8').matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g),
  ].map((m) => m[1]);
  expect(
    imports.every((file) => /^first-shared-[\w-]+\.js$/.test(file!)),
    imports.join(', '),
  ).toBe(true);
});
