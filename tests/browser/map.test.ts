import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { trendByYearQuery } from '../../src/data/queries';
import { defaultFilters, type Filters } from '../../src/data/filters';
import { sum } from '../helpers/expected';
import { publishedMatching } from '../helpers/published';
import type { Watched } from './browser';
import { baseUrl, expectedKpis, openDashboard as open, settled, shownKpis, sql, useHarness } from './harness';

useHarness();

const ALL = defaultFilters(2014, 2019);

/** The trend's bars as SQL gives them: the person-trips of each year and direction, sorted. */
async function expectedTrend(filters: Filters): Promise<number[]> {
  return (await sql(trendByYearQuery(filters))).map((r) => r.headcount as number).sort((a, b) => a - b);
}

/** The trend's value labels (one per bar), as numbers, sorted. */
async function shownTrend(page: Page): Promise<number[]> {
  const labels = await page.locator('[data-testid="chart-trend"] svg g[aria-label="text"] text').allTextContents();
  return labels
    .filter((s) => s.trim() !== '')
    .map((s) => Number(s.replace(/[^\d.-]/g, '')))
    .sort((a, b) => a - b);
}

async function readDownload(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A point inside the country's shape that nothing drawn over it covers, for a real mouse click; the
 * map is scrolled into sight first (below the trend, it may start below the window).
 */
async function clickablePoint(page: Page, code: string): Promise<{ x: number; y: number }> {
  await page.locator('[data-testid="chart-map"] .map').scrollIntoViewIfNeeded();
  const point = await page.evaluate((code) => {
    const path = document.querySelector(`[data-testid="map-area-${code}"]`)!;
    const box = path.getBoundingClientRect();
    for (let i = 1; i < 12; i++) {
      for (let j = 1; j < 12; j++) {
        const x = box.left + (box.width * i) / 12;
        const y = box.top + (box.height * j) / 12;
        if (document.elementFromPoint(x, y) === path) return { x, y };
      }
    }
    return null;
  }, code);
  if (!point) throw new Error(`no uncovered point inside ${code}`);
  return point;
}

const openDashboard = (viewport?: { width: number; height: number }) =>
  open(['[data-testid="map-area-DE"]', '[data-testid="chart-trend"] svg'], viewport);

describe('the flow map on the bundled data', () => {
  let w: Watched;
  beforeAll(async () => {
    w = await openDashboard();
  });
  afterAll(() => w?.page.context().close());

  test('draws the basemap, an arc per place and direction, the hub, a legend and the credit', async () => {
    const arcs = await w.page.locator('[data-testid^="map-arc-"]').count();
    const rows = await sql({
      sql: 'SELECT count(*)::INTEGER AS n FROM (SELECT DISTINCT country, direction, partner FROM facts)',
      params: [],
    });
    expect(arcs).toBeGreaterThanOrEqual(20);
    expect(arcs).toBeLessThanOrEqual(rows[0]!.n as number);
    expect(await w.page.locator('[data-testid="chart-map"] svg .land path').count()).toBeGreaterThan(200);
    expect(await w.page.textContent('[data-testid="map-legend"]')).toContain('港澳台');
    expect(await w.page.textContent('[data-testid="map-credit"]')).toContain('GS(2023)2767');
    // Taiwan has its own shape in China's fill.
    const fill = (code: string) => w.page.getAttribute(`[data-testid="map-area-${code}"]`, 'fill');
    expect(await fill('TW')).toBe(await fill('CN'));
  });

  test('a click on a country sets the country filter: KPI tiles and trend show its figures', async () => {
    const before = await shownKpis(w.page);
    const { x, y } = await clickablePoint(w.page, 'DE');
    await w.page.mouse.click(x, y);
    await w.page.waitForSelector('[data-testid="map-area-DE"][data-selected="true"]');
    await settled(w.page);
    const filters: Filters = { ...ALL, country: 'DE' };
    const expected = await expectedKpis(filters);
    expect(expected.outbound! + expected.inbound!).toBeGreaterThan(0);
    expect(await shownKpis(w.page)).toEqual(expected);
    expect(await shownKpis(w.page)).not.toEqual(before);
    await w.page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
    expect(await shownTrend(w.page)).toEqual(await expectedTrend(filters));
    expect(await w.page.textContent('[data-testid="map-selected"]')).toContain('德国');
    expect(await w.page.getAttribute('[data-testid="map-row-DE"] button', 'aria-pressed')).toBe('true');

    // A second click clears it again.
    await w.page.mouse.click(x, y);
    await w.page.waitForSelector('[data-testid="map-area-DE"][data-selected="true"]', { state: 'detached' });
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(await expectedKpis(ALL));
  });

  test('the table selects a country from the keyboard', async () => {
    await w.page.focus('[data-testid="map-row-TW"] button');
    await w.page.keyboard.press('Enter');
    await w.page.waitForSelector('[data-testid="map-area-TW"][data-selected="true"]');
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(await expectedKpis({ ...ALL, country: 'TW' }));
    await w.page.keyboard.press('Enter');
    await w.page.waitForSelector('[data-testid="map-area-TW"][data-selected="true"]', { state: 'detached' });
    await settled(w.page);
  });

  test('zooms and pans with the buttons and the keyboard', async () => {
    const scale = async () =>
      Number(
        /scale\(([\d.]+)\)/.exec(
          (await w.page.getAttribute('[data-testid="chart-map"] svg .land', 'transform')) ?? '',
        )?.[1] ?? 1,
      );
    /** Zooms are animated: the scale once two reads 200 ms apart agree. */
    const settledScale = async () => {
      let last = await scale();
      for (;;) {
        await w.page.waitForTimeout(200);
        const now = await scale();
        if (now === last) return now;
        last = now;
      }
    };
    await w.page.getByRole('button', { name: '放大' }).click();
    const once = await settledScale();
    expect(once).toBeGreaterThan(1);
    await w.page.focus('[data-testid="chart-map"] .map');
    await w.page.keyboard.press('ArrowLeft');
    await w.page.keyboard.press('+');
    const twice = await settledScale();
    expect(twice).toBeGreaterThan(once * 1.2);
    await w.page.keyboard.press('0');
    await w.page.waitForFunction(
      () =>
        document.querySelector('[data-testid="chart-map"] svg .land')?.getAttribute('transform') ===
        'translate(0,0) scale(1)',
    );
  });

  test('the choropleth shades countries by the measure chosen, with a legend', async () => {
    await w.page.check('[data-testid="map-mode-choropleth"]', { force: true });
    await w.page.waitForFunction(() => document.querySelectorAll('[data-testid^="map-arc-"]').length === 0);
    const fills = async () =>
      Object.fromEntries(
        await Promise.all(
          ['DE', 'FR', 'MY', 'TW', 'CN', 'BR'].map(
            async (c) => [c, await w.page.getAttribute(`[data-testid="map-area-${c}"]`, 'fill')] as const,
          ),
        ),
      );
    const total = await fills();
    expect(total.DE).not.toBe(total.BR);
    expect(total.TW).toBe(total.CN);
    await w.page.selectOption('[data-testid="map-measure"]', 'net');
    await w.page.waitForFunction(() =>
      document.querySelector('[data-testid="map-legend"]')?.textContent?.includes('净流入'),
    );
    const net = await fills();
    // France only sent visitors (inbound), Malaysia mostly received the college's people: opposite ends of the scale.
    expect(net.FR).not.toBe(net.MY);
    expect(await w.page.locator('[data-testid="map-dot-TW"]').count()).toBe(1);
    await w.page.check('[data-testid="map-mode-flows"]', { force: true });
  });

  test('Taiwan is named 中国台湾 / Taiwan, China, never 台湾 or Taiwan alone', async () => {
    const tipFor = async (code: string) => {
      const box = (await w.page.locator(`[data-testid="map-area-${code}"]`).boundingBox())!;
      await w.page.locator(`[data-testid="map-area-${code}"]`).dispatchEvent('pointermove', {
        clientX: box.x + box.width / 2,
        clientY: box.y + box.height / 2,
        bubbles: true,
      });
      const tip = w.page.locator('[data-testid="map-tip"] div').first();
      await tip.waitFor();
      return tip.textContent();
    };
    const row = () => w.page.locator('[data-testid="map-row-TW"] button').textContent();
    expect(await tipFor('TW')).toBe('中国台湾');
    expect((await row())?.trim()).toBe('中国台湾');

    await w.page.click('[data-testid="lang-switch"]');
    await w.page.waitForFunction(() => document.documentElement.lang === 'en');
    await settled(w.page);
    expect(await tipFor('TW')).toBe('Taiwan, China');
    expect((await row())?.trim()).toBe('Taiwan, China');
    expect(await w.page.textContent('[data-testid="map-credit"]')).toContain('Basemap');
    const mapText = await w.page.innerText('[data-testid="chart-map"]');
    expect(mapText).not.toMatch(/[\u4e00-\u9fff]/);
    // The collective 港澳台 (HK, Macao & Taiwan) aside, Taiwan is always "Taiwan, China".
    expect(mapText.replaceAll('Macao & Taiwan', '')).not.toMatch(/\bTaiwan\b(?!, China)/);
    await w.page.click('[data-testid="lang-switch"]');
    await w.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    const zhText = await w.page.innerText('[data-testid="chart-map"]');
    expect(zhText).not.toMatch(/(?<!中国)台湾/);
  });

  test('year playback keeps the line widths on one scale', async () => {
    const legend = () => w.page.locator('[data-testid="map-legend"] .section').nth(1).innerText();
    const arcWidths = () =>
      w.page
        .locator('[data-testid="chart-map"] svg .arcs path.line')
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute('stroke-width'))));
    const allYears = await legend();
    const widest = Math.max(...(await arcWidths()));
    for (const year of ['2015', '2018']) {
      await w.page.locator('[data-testid="play-year"]').fill(year);
      await w.page.waitForFunction(
        (y) => document.querySelector('[data-testid="chart-map"] h2 + p')?.textContent?.includes(y) ?? true,
        year,
      );
      await settled(w.page);
      expect(await legend()).toBe(allYears);
      expect(Math.max(...(await arcWidths()))).toBeLessThanOrEqual(widest);
    }
    await w.page.click('[data-testid="play-stop"]');
    await settled(w.page);
    expect(await legend()).toBe(allYears);
  });

  test('exports the map as SVG with the basemap credit, and its table as CSV', async () => {
    await w.page.click('[data-testid="export-map"] summary');
    const [svgDownload] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.click('[data-testid="export-map-svg"]'),
    ]);
    const svg = await readDownload(svgDownload);
    expect(svg).toContain('<svg');
    expect(svg).toContain('GS(2023)2767');
    expect(svg).toContain('map-area-TW');
    const [csvDownload] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.click('[data-testid="export-map-csv"]'),
    ]);
    const csv = await readDownload(csvDownload);
    // Taiwan's row, public by default: sums of rounded base cells as computed from the CSV files
    // (docs/disclosure.md) for the whole span: out, in, total, net inflow.
    const tw = publishedMatching(ALL).filter((t) => t.country === 'TW');
    const out = sum(tw.filter((t) => t.direction === 'outbound'));
    const inbound = sum(tw.filter((t) => t.direction === 'inbound'));
    expect(out).toBeGreaterThan(0);
    expect(csv).toContain(`中国台湾,${out},${inbound},${out + inbound},${inbound - out}`);
    await w.page.click('[data-testid="export-map"] summary');
  });

  test('fetched the basemap from its own origin, asked no other origin, logged no error', async () => {
    const basemap = await w.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((name) => name.includes('world-zh.topo.json')),
    );
    expect(basemap).toEqual([`${baseUrl}basemap/world-zh.topo.json`]);
    expect(w.foreign).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});

describe('the flow map on a 375-px phone', () => {
  test('fits the width, starts on Asia and still selects', async () => {
    const w = await openDashboard({ width: 375, height: 800 });
    const card = w.page.locator('[data-testid="chart-map"]');
    const overflow = await card.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const svg = (await w.page.locator('[data-testid="chart-map"] svg').boundingBox())!;
    expect(svg.width).toBeLessThanOrEqual(375);
    expect(svg.height).toBeGreaterThan(150);
    await w.page.locator('[data-testid="map-row-MY"] button').click();
    await w.page.waitForSelector('[data-testid="map-area-MY"][data-selected="true"]');
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(await expectedKpis({ ...ALL, country: 'MY' }));
    expect(w.foreign).toEqual([]);
    await w.page.context().close();
  });
});
