import { expect, test } from 'vitest';
import { defaultFilters } from '../../src/data/filters';
import { flowsQuery } from '../../src/data/queries';
import { countryName } from '../../src/reference/countries';
import { HEIGHT_MESSAGE } from '../../src/config/embed';
import { watchedPage } from './browser';
import { EMBEDDABLE } from '../../src/embed/registry';
import { EMBED_MAP } from '../../src/embed/map';
import { ROUNDING_BASE } from '../../src/config/disclosure';
import { publishedChartBars, publishedMatching, publishedTrend } from '../helpers/published';
import { baseUrl, browser, engine, origin, useHarness } from './harness';

useHarness();

test('draws one chart from aggregates: no DuckDB, no CSV, the app’s numbers', async () => {
  const { page, errors, foreign } = await watchedPage(browser, origin);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${baseUrl}embed.html?chart=trend&from=2016&to=2019&dir=outbound&lang=en`);
  await page.waitForSelector('[data-testid="embed"] svg');
  expect(requests.filter((p) => /\.wasm$|worker|\.csv$/.test(p))).toEqual([]);
  expect(requests.some((p) => p.endsWith('/data/aggregates/trend.json'))).toBe(true);
  // Only the chart's own aggregates are read.
  expect(requests.filter((p) => p.includes('/data/aggregates/'))).toHaveLength(1);

  const labels = await page.locator('[data-testid="embed"] svg g[aria-label="text"] text').allTextContents();
  // Public: sums of base cells each rounded to a multiple of 5, from the CSV (tests/helpers/published.ts).
  const published = publishedTrend({ ...defaultFilters(2016, 2019), direction: 'outbound' });
  expect(labels).toEqual([...published].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => String(v)));
  expect(await page.textContent('h1')).toBe('International exchange person-trips by year');
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  await page.context().close();
});

test('tells a parent page on an allowed origin its height', async () => {
  const { page, errors } = await watchedPage(browser, origin);
  const parentUrl = `${baseUrl}parent-test.html`;
  const src = `embed.html?chart=countries&lang=zh-CN&origin=${encodeURIComponent(origin)}`;
  await page.route(parentUrl, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><iframe id="f" src="${src}" style="width:600px;border:0"></iframe>
        <script>
          window.heights = [];
          addEventListener('message', (e) => {
            const frame = document.getElementById('f');
            if (e.origin !== location.origin || e.source !== frame.contentWindow) return;
            if (e.data && e.data.type === '${HEIGHT_MESSAGE}') { window.heights.push(e.data.height); frame.style.height = e.data.height + 'px'; }
          });
        </script>`,
    }),
  );
  await page.goto(parentUrl);
  await page.waitForFunction(() => (window as unknown as { heights: number[] }).heights.some((h) => h > 200));
  const frame = page.frameLocator('#f');
  const names = await frame.locator('svg [aria-label="y-axis tick label"] text').allTextContents();
  expect(names.length).toBe(publishedChartBars('countries', defaultFilters(2014, 2019))!.length);
  expect(names).toContain('中国台湾');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('an unknown chart says so; no height goes to an origin not configured', async () => {
  const { page } = await watchedPage(browser, origin);
  await page.goto(`${baseUrl}embed.html?chart=%3Cscript%3E&origin=https%3A%2F%2Fevil.example`);
  await page.waitForSelector('[data-testid="embed"] [role="alert"]');
  expect(await page.textContent('[role="alert"]')).toContain('未知的图表');
  await page.context().close();
});

test('a public view rounds every count, in the page and in the file it reads; labels and summary agree', async () => {
  const { page, errors } = await watchedPage(browser, origin);
  const aggregates = page.waitForResponse((r) => r.url().endsWith('/data/aggregates/countries.json'));
  // The case: 2014 alone, where the old "<5" sat beside bars labelled 7 and 5.
  await page.goto(`${baseUrl}embed.html?chart=countries&from=2014&to=2014&lang=en`);
  await page.waitForSelector('[data-testid="embed"] svg');
  const labels = await page.locator('[data-testid="embed"] svg g[aria-label="text"] text').allTextContents();
  const names = await page.locator('[data-testid="embed"] svg [aria-label="y-axis tick label"] text').allTextContents();
  const expected = publishedChartBars('countries', defaultFilters(2014, 2014))!;
  expect(names).toEqual(expected.map((b) => countryName(b.key, 'en')));
  expect([...labels].sort()).toEqual(expected.map((b) => String(b.total)).sort());
  const summary = (await page.textContent('[data-testid="embed-summary"]')) ?? '';
  expect(summary).not.toContain('<');
  expect(summary).toContain(
    expected
      .slice(0, 1)
      .map((b) => `${countryName(b.key, 'en')} (${b.total})`)
      .join(''),
  );
  const file = JSON.stringify(await (await aggregates).json());
  expect(file).not.toContain('null');
  for (const [, v] of file.matchAll(/"(?:headcount|total)":(\d+)/g)) expect(Number(v) % 5).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('every chart of the dashboard embeds: its file holds the app’s public rows, every count rounded, and it draws', async () => {
  const { page, errors, foreign } = await watchedPage(browser, origin);
  const filters = { ...defaultFilters(2017, 2019), direction: 'inbound' as const };
  expect(EMBEDDABLE.length).toBeGreaterThanOrEqual(10);
  for (const chart of EMBEDDABLE) {
    const file = page.waitForResponse((r) => r.url().endsWith(`/data/aggregates/${chart.id}.json`));
    await page.goto(`${baseUrl}embed.html?chart=${chart.id}&from=2017&to=2019&dir=inbound&lang=en`);
    await page.waitForSelector('[data-testid="embed"] svg', { timeout: 15_000 });
    const body = (await (await file).json()) as { charts: Record<string, Record<string, unknown[]>> };
    expect(Object.keys(body.charts)).toEqual([chart.id]);
    const q = chart.query(filters);
    const expected = chart.publicRows(await engine.query(q.sql, q.params), ROUNDING_BASE);
    expect(body.charts[chart.id]!['2017-2019-inbound-all'], chart.id).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(await page.textContent('h1'), chart.id).not.toBe('');
  }
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  await page.context().close();
});

test('the flow map embeds: its arcs from the app’s flows query made public, the basemap from the own origin', async () => {
  const { page, errors, foreign } = await watchedPage(browser, origin);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const file = page.waitForResponse((r) => r.url().endsWith('/data/aggregates/map.json'));
  await page.goto(`${baseUrl}embed.html?chart=map&scope=hk_macao_tw&lang=en`);
  await page.waitForSelector('[data-testid="embed-map"] svg .arcs path');
  expect(requests.filter((p) => /\.wasm$|worker|\.csv$/.test(p))).toEqual([]);
  const filters = { ...defaultFilters(2014, 2019), region: 'hk_macao_tw' as const };
  const own = await engine.query(flowsQuery(filters).sql, flowsQuery(filters).params);
  expect(own.some((r) => (r.headcount as number) % 5 !== 0)).toBe(true);
  const shown = ((await (await file).json()) as { charts: { map: Record<string, { headcount: number }[]> } }).charts
    .map['2014-2019-all-hk_macao_tw']!;
  // Each arc in the file is a sum of rounded base cells (the app's flows query over the published cells).
  expect(shown.every((r) => r.headcount > 0 && r.headcount % 5 === 0)).toBe(true);
  const q = EMBED_MAP.query(filters);
  expect(shown).toEqual(JSON.parse(JSON.stringify(await engine.query(q.sql, q.params))));
  const total = (rows: readonly { headcount: unknown }[]) => rows.reduce((s, r) => s + Number(r.headcount), 0);
  expect(total(shown)).toBe(total(publishedMatching(filters)));
  expect(await page.locator('[data-testid="embed-map"] svg .arcs > g').count()).toBe(shown.length);
  expect(await page.textContent('h1')).toBe('International exchange flows');
  expect(await page.textContent('[data-testid="map-legend"]')).toContain('Anshun');
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  await page.context().close();
});
