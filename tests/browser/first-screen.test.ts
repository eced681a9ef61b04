/**
 * The first screen's template (src/state/first-screen.ts, scripts/first-screen.ts): shown while
 * the app's code is on its way, with the figures of the bundled data; replaced by the app; and not
 * shown when the page would open on anything else.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultFilters } from '../../src/data/filters';
import { printOf } from '../../src/state/first-requests';
import { kpis, matching, yearBounds } from '../helpers/expected';
import { watchedPage, type Watched } from './browser';
import { baseUrl, browser, origin, useHarness } from './harness';

useHarness();

const dist = process.env.DIST_DIR ?? fileURLToPath(new URL('../../dist', import.meta.url));

/** Holds the app's largest chunk until `release()`: only the page's first script runs. */
async function holdApp(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/app-[\w-]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** What the first script decided: the template's language, or null (none shown). */
async function decided(page: Page): Promise<string | null> {
  const handle = await page.waitForFunction(
    () => {
      const [mark] = performance.getEntriesByName('first-screen') as PerformanceMark[];
      return mark ? { shown: mark.detail as string | null } : undefined;
    },
    undefined,
    { timeout: 30_000 },
  );
  return ((await handle.jsonValue()) as { shown: string | null }).shown;
}

async function opened(url: string, init?: (w: Watched) => Promise<unknown>) {
  const w = await watchedPage(browser, origin);
  await init?.(w);
  const release = await holdApp(w.page);
  await w.page.goto(url, { waitUntil: 'commit' });
  return { w, release, shown: await decided(w.page) };
}

test('built into index.html: one template per language and width, named by the snapshot it was drawn from', () => {
  const html = readFileSync(`${dist}/index.html`, 'utf8');
  const print = printOf(readFileSync(`${dist}/data/snapshot.json`));
  const templates = [...html.matchAll(/<template id="first-screen-([\w-]+)"[^>]*data-snapshot="([^"]+)"/g)];
  expect(templates.map((t) => [t[1], t[2]])).toEqual([
    ['zh-CN-1440', print],
    ['zh-CN-390', print],
    ['en-1440', print],
    ['en-390', print],
  ]);
  // The app's markup, not its tests' handles.
  expect(html).not.toContain('data-testid');
});

test('shown, inert, before the app’s code has arrived, with the bundled data’s figures; the app replaces it', async () => {
  const { w, release, shown } = await opened(baseUrl);
  expect(shown).toBe('zh-CN');
  const first = w.page.locator('[data-first-screen]');
  expect(await first.evaluate((el) => (el as HTMLElement).inert)).toBe(true);
  // The app itself is not there yet: its code is held back.
  expect(await w.page.locator('[data-testid="chart-trend"]').count()).toBe(0);

  // The figures, against a computation over the CSV files.
  const { min, max } = yearBounds();
  const f = defaultFilters(min, max);
  const tiles = await first
    .locator('[data-value]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-value')));
  const k = kpis(f);
  expect(tiles.map(Number)).toEqual([k.outbound, k.inbound, k.countries, k.partners, k.agreements]);
  const years = await first.locator('svg [aria-label="fx-axis tick label"] text').allTextContents();
  expect(years).toEqual(Array.from({ length: max - min + 1 }, (_, i) => String(min + i)));
  const labels = await first.locator('svg [aria-label="text"] text').allTextContents();
  const perYear = (direction: string) =>
    years.map((y) =>
      matching(f).reduce((s, t) => s + (t.year === Number(y) && t.direction === direction ? t.headcount : 0), 0),
    );
  expect(labels.map((l) => Number(l.replace(/\D/g, ''))).sort((a, b) => a - b)).toEqual(
    [...perYear('outbound'), ...perYear('inbound')].filter((n) => n > 0).sort((a, b) => a - b),
  );
  const controls = await first.evaluate((el) => ({
    from: el.querySelector<HTMLSelectElement>('select')?.value,
    to: el.querySelectorAll<HTMLSelectElement>('select')[1]?.value,
  }));
  expect(controls).toEqual({ from: String(min), to: String(max) });

  release();
  await w.page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  expect(await first.count()).toBe(0);
  expect(await w.page.locator('svg[class^="plot-"]').count()).toBeGreaterThan(0);
  expect(w.errors).toEqual([]);
  await w.page.context().close();
});

test('in English for a reader who chose English here', async () => {
  const { w, release, shown } = await opened(baseUrl, (w) =>
    w.page.context().addInitScript(() => localStorage.setItem('exchange-dashboard.locale', 'en')),
  );
  expect(shown).toBe('en');
  expect(await w.page.locator('[data-first-screen] h1').innerText()).toMatch(/International Exchange/);
  expect(await w.page.getAttribute('html', 'lang')).toBe('en');
  release();
  await w.page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  await w.page.context().close();
});

test('on a phone, the phone’s', async () => {
  const { w, release, shown } = await opened(baseUrl, (w) => w.page.setViewportSize({ width: 375, height: 812 }));
  expect(shown).toBe('zh-CN');
  const first = w.page.locator('[data-first-screen]');
  const k = kpis(defaultFilters(yearBounds().min, yearBounds().max));
  const tiles = await first
    .locator('[data-value]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-value')));
  expect(tiles.map(Number)).toEqual([k.outbound, k.inbound, k.countries, k.partners, k.agreements]);
  // Drawn for a phone: nothing wider than the window.
  expect(await first.evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(375);
  release();
  await w.page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  expect(await first.count()).toBe(0);
  await w.page.context().close();
});

test('not shown when the page would open on anything else', async () => {
  const cases: [string, string, ((w: Watched) => Promise<unknown>) | undefined][] = [
    ['a link’s filters', `${baseUrl}?direction=inbound`, undefined],
    [
      'the dark theme chosen here',
      baseUrl,
      (w) => w.page.context().addInitScript(() => localStorage.setItem('exchange-dashboard.theme', 'dark')),
    ],
    [
      'a data file changed since the build',
      baseUrl,
      (w) =>
        w.page.route('**/data/events.csv', async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, body: (await response.text()).replace(/\n$/, '\n\n') });
        }),
    ],
    ['a narrow window', baseUrl, (w) => w.page.setViewportSize({ width: 600, height: 900 })],
  ];
  for (const [name, url, init] of cases) {
    const { w, release, shown } = await opened(url, init);
    expect(shown, name).toBe(null);
    expect(await w.page.locator('[data-first-screen]').count(), name).toBe(0);
    release();
    await w.page.context().close();
  }
});
