import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { categoriesQuery, programsRankedQuery } from '../../src/data/queries';
import { defaultFilters } from '../../src/data/filters';
import type { Watched } from './browser';
import { expectedKpis, openDashboard as open, settled, shownKpis, sql, useHarness } from './harness';

useHarness();

const ALL = defaultFilters(2014, 2019);
const YEARS = [2014, 2015, 2016, 2017, 2018, 2019];
const CHART_IDS = [
  'trend',
  'countries',
  'netflow',
  'programs',
  'partners',
  'categories',
  'duration',
  'continents',
  'groups',
  'agreements',
  'events',
];

const openDashboard = (viewport?: { width: number; height: number }) =>
  open(
    CHART_IDS.map((id) => `[data-testid="chart-${id}"] svg`),
    viewport,
  );

const tickLabels = (page: Page, id: string, axis: 'y' | 'fx' | 'x') =>
  page.locator(`[data-testid="chart-${id}"] svg [aria-label="${axis}-axis tick label"] text`);

/**
 * Clicks the bar of a tick label: beside a y tick label (horizontal bars), or,
 * for columns, the middle of the bar nearest above an fx/x tick label.
 */
async function clickBar(page: Page, label: Locator, along: 'x' | 'y'): Promise<void> {
  await label.scrollIntoViewIfNeeded();
  const box = (await label.boundingBox())!;
  let x = box.x + box.width + 14;
  let y = box.y + box.height / 2;
  if (along === 'x') {
    const svg = label.locator('xpath=ancestor::*[local-name()="svg"][last()]');
    const rects = await svg.locator('[aria-label="bar"] rect').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }),
    );
    const centre = box.x + box.width / 2;
    const nearest = rects.sort((a, b) => Math.abs(a.x - centre) - Math.abs(b.x - centre))[0]!;
    [x, y] = [nearest.x, nearest.y];
  }
  await page.mouse.move(x - 3, y);
  await page.mouse.move(x, y);
  await page.waitForTimeout(80);
  await page.mouse.click(x, y);
}

describe('linked charts on the bundled data', () => {
  let w: Watched;
  beforeAll(async () => {
    w = await openDashboard();
  });
  afterAll(() => w?.page.context().close());

  test('draws every chart with a title, a subtitle of the filters and a source line', async () => {
    for (const id of CHART_IDS) {
      const card = w.page.locator(`[data-testid="chart-${id}"]`);
      expect(await card.locator('h2').textContent()).not.toBe('');
      expect(await card.locator('.subtitle').textContent()).toContain('2014—2019年');
      expect(await card.locator('.source').textContent()).toContain('来源');
    }
    expect(await w.page.textContent('[data-testid="filter-chips"]')).toContain('未设筛选条件');
  });

  test('a click on a year bar selects that year: KPI tiles follow, the trend keeps every year', async () => {
    await clickBar(w.page, tickLabels(w.page, 'trend', 'fx').filter({ hasText: '2017' }), 'x');
    await w.page.waitForSelector('[data-testid="chip-years"]');
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(await expectedKpis({ ...ALL, yearFrom: 2017, yearTo: 2017 }));
    expect(await tickLabels(w.page, 'trend', 'fx').allTextContents()).toEqual(YEARS.map(String));
    expect(await w.page.textContent('[data-testid="chart-programs"] .subtitle')).toContain('2017年');

    await w.page.click('[data-testid="chip-remove-years"]');
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(await expectedKpis(ALL));
  });

  test('a click on a program bar selects the program; the chip names it and removes it', async () => {
    const [top] = await sql<{ id: string; name_zh: string }>(programsRankedQuery(ALL, 1));
    await clickBar(w.page, tickLabels(w.page, 'programs', 'y').first(), 'y');
    await w.page.waitForSelector('[data-testid="chip-program"]');
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(await expectedKpis({ ...ALL, program: top!.id }));
    expect(await w.page.textContent('[data-testid="chip-program"]')).toContain(top!.name_zh);
    // The programs chart still shows the others, the selected one highlighted.
    expect(await tickLabels(w.page, 'programs', 'y').count()).toBeGreaterThan(1);

    await w.page.click('[data-testid="chip-remove-program"]');
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(await expectedKpis(ALL));
  });

  test('a click on a category bar, then a country row by keyboard; clear all', async () => {
    const rows = await sql<{ category: string; headcount: number }>(categoriesQuery(ALL));
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(r.category, (totals.get(r.category) ?? 0) + r.headcount);
    const top = [...totals].sort((a, b) => b[1] - a[1])[0]![0];
    await clickBar(w.page, tickLabels(w.page, 'categories', 'y').first(), 'y');
    await w.page.waitForSelector('[data-testid="chip-category"]');
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(await expectedKpis({ ...ALL, category: top }));

    await w.page.click('[data-testid="table-toggle-countries"]');
    const button = w.page.locator('[data-testid="select-countries-TW"]');
    await button.focus();
    await w.page.keyboard.press('Enter');
    await w.page.waitForSelector('[data-testid="chip-country"]');
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(await expectedKpis({ ...ALL, category: top, country: 'TW' }));
    expect(await w.page.textContent('[data-testid="chip-country"]')).toContain('中国台湾');
    expect(await w.page.textContent('[data-testid="table-countries"] thead')).toContain('国家和地区');
    expect(await button.getAttribute('aria-pressed')).toBe('true');

    await w.page.click('[data-testid="chips-clear"]');
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(await expectedKpis(ALL));
    expect(await w.page.locator('[data-testid^="chip-"]').count()).toBe(0);
    await w.page.click('[data-testid="table-toggle-countries"]');
  });

  test('the trend splits by activity type and by category', async () => {
    await w.page.check('[data-testid="trend-split-activity_type"]', { force: true });
    await w.page.waitForFunction(() =>
      document.querySelector('[data-testid="chart-trend"]')?.textContent?.includes('学分互认交换'),
    );
    expect(await tickLabels(w.page, 'trend', 'x').allTextContents()).toEqual(YEARS.map(String));
    await w.page.check('[data-testid="trend-split-participant_category"]', { force: true });
    await w.page.waitForFunction(() =>
      document.querySelector('[data-testid="chart-trend"]')?.textContent?.includes('学生'),
    );
    await w.page.check('[data-testid="trend-split-direction"]', { force: true });
    await settled(w.page);
  });

  test('playback steps through every year by keyboard, per year and cumulative, with fixed scales', async () => {
    const slider = w.page.locator('[data-testid="play-year"]');
    await slider.focus();
    // The slider rests on the first year: step off it and back to start playback there.
    await w.page.keyboard.press('ArrowRight');
    await w.page.keyboard.press('Home');
    const ticks: string[][] = [];
    for (const [i, year] of YEARS.entries()) {
      if (i > 0) await w.page.keyboard.press('ArrowRight');
      await w.page.waitForSelector(`[data-testid="play-status"][data-year="${year}"]`);
      await settled(w.page);
      expect(await shownKpis(w.page)).toEqual(await expectedKpis({ ...ALL, yearFrom: year, yearTo: year }));
      ticks.push(await tickLabels(w.page, 'countries', 'x').allTextContents());
    }
    // The scale fitted once for all frames: every frame draws the same axis.
    expect(new Set(ticks.map((t) => t.join()))).toHaveProperty('size', 1);

    await w.page.check('[data-testid="play-mode-cumulative"]');
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(await expectedKpis({ ...ALL, yearFrom: 2014, yearTo: 2019 }));
    await slider.focus();
    await w.page.keyboard.press('Home');
    await w.page.keyboard.press('ArrowRight');
    await w.page.keyboard.press('ArrowRight');
    await w.page.waitForSelector('[data-testid="play-status"][data-year="2016"]');
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(await expectedKpis({ ...ALL, yearFrom: 2014, yearTo: 2016 }));

    await w.page.click('[data-testid="play-stop"]');
    await w.page.check('[data-testid="play-mode-year"]');
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(await expectedKpis(ALL));
  });

  test('the play button plays through every year and stops at the last', async () => {
    await w.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const status = document.querySelector('[data-testid="play-status"]')!;
      new MutationObserver(() => {
        const year = status.getAttribute('data-year');
        if (year && seen.at(-1) !== year) seen.push(year);
      }).observe(status, { attributes: true });
    });
    await w.page.locator('[data-testid="play"]').focus();
    await w.page.keyboard.press('Space');
    await w.page.waitForSelector('[data-testid="play"][aria-pressed="false"]', { timeout: 30_000 });
    expect(await w.page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(YEARS.map(String));
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(await expectedKpis({ ...ALL, yearFrom: 2019, yearTo: 2019 }));
    await w.page.click('[data-testid="play-stop"]');
    await settled(w.page);
  });

  test('measures the redraw after a click: click → last chart SVG replaced', async () => {
    const times: number[] = [];
    for (let run = 0; run < 6; run++) {
      await w.page.evaluate(() => {
        const state = { click: 0, last: 0 };
        (window as unknown as { redraw: typeof state }).redraw = state;
        document.addEventListener('pointerdown', () => (state.click = performance.now()), {
          capture: true,
          once: true,
        });
        const observer = new MutationObserver((mutations) => {
          for (const m of mutations)
            for (const node of m.addedNodes)
              if (node.nodeName === 'svg' || node.nodeName === 'FIGURE' || (node as Element).querySelector?.('svg'))
                state.last = performance.now();
        });
        observer.observe(document.querySelector('.charts')!, { childList: true, subtree: true });
      });
      await clickBar(w.page, tickLabels(w.page, 'categories', 'y').nth(run % 2), 'y');
      await w.page.waitForSelector('[data-testid="chip-category"]');
      await settled(w.page);
      await w.page.waitForTimeout(300);
      const { click, last } = await w.page.evaluate(
        () => (window as unknown as { redraw: { click: number; last: number } }).redraw,
      );
      expect(last).toBeGreaterThan(click);
      times.push(last - click);
      await w.page.click('[data-testid="chips-clear"]');
      await settled(w.page);
    }
    times.sort((a, b) => a - b);
    const median = (times[2]! + times[3]!) / 2;
    console.info(
      `redraw after a click (ms): median ${median.toFixed(0)}, runs ${times.map((t) => t.toFixed(0)).join(', ')}`,
    );
    expect(median).toBeLessThan(3000);
  });

  test('English: names per language, Taiwan named as a region of China', async () => {
    await w.page.click('[data-testid="lang-switch"]');
    await w.page.waitForFunction(() => document.documentElement.lang === 'en');
    await settled(w.page);
    expect(await tickLabels(w.page, 'netflow', 'y').allTextContents()).toContain('Taiwan, China');
    // Long names are cut on the axis; the table carries them whole.
    await w.page.click('[data-testid="table-toggle-programs"]');
    expect(await w.page.textContent('[data-testid="table-programs"] tbody')).toContain('Teacher Training Abroad');
    await w.page.click('[data-testid="table-toggle-programs"]');
    expect(await w.page.innerText('main')).not.toMatch(/[\u4e00-\u9fff]/);
    await w.page.click('[data-testid="lang-switch"]');
    await w.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await settled(w.page); // a chart off screen redraws in Chinese when scrolled to
    expect(await tickLabels(w.page, 'netflow', 'y').allTextContents()).toContain('中国台湾');
  });

  test('asked no other origin and logged no error', () => {
    expect(w.foreign).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});

test('on a 375-px phone the page does not scroll sideways', async () => {
  const w = await openDashboard({ width: 375, height: 812 });
  const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const id of ['trend', 'programs', 'netflow']) {
    const box = (await w.page.locator(`[data-testid="chart-${id}"] svg`).last().boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
  }
  expect(w.errors).toEqual([]);
  await w.page.context().close();
});
