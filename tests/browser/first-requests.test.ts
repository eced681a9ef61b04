/**
 * The first screen's path (docs/performance.md, P1): the snapshot's requests do not wait for the
 * app's code, and the page fetches its code in a few files, not a dozen (a browser fetches six at
 * a time from a server speaking HTTP/1.1).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { moduleGraph } from '../../scripts/bench/sizes';
import { watchedPage } from './browser';
import { baseUrl, browser, origin, useHarness } from './harness';

useHarness();

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
  release();
  expect(held).toBeGreaterThan(0);
  expect(asked).toBe(true);
  // And the page goes on as usual once the code is in.
  await w.page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
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
});
