import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Locale } from '../../src/i18n/messages';
import { CHARTS } from '../../src/charts/registry';
import { watchedPage, type Watched } from './browser';
import { baseUrl, browser, origin, useHarness } from './harness';
import { openPage } from './pages';

// Chart text a reader can read: every svg text on the dashboard at least 12 px at 1440 px wide and
// 11 px at 375 px, as drawn (the font size times the svg's scale on screen), and no tick label
// cut at its svg's left edge.
useHarness();

const CASES = [
  [1440, 900, 12, 'zh-CN'],
  [1440, 900, 12, 'en'],
  [375, 812, 11, 'zh-CN'],
  [375, 812, 11, 'en'],
] as const;

interface Text {
  chart: string;
  text: string;
  size: number;
  /** How far the text's box starts left of its svg's box, in px (0 when inside). */
  outside: number;
}

async function texts(page: Page): Promise<Text[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGTextElement>('svg text')].flatMap((t) => {
      const box = t.getBoundingClientRect();
      if (box.width === 0 || !t.textContent?.trim()) return [];
      const svg = t.ownerSVGElement!;
      // Outermost svg: its scale on screen is its drawn width over its own user units.
      let root = svg;
      while (root.ownerSVGElement) root = root.ownerSVGElement;
      const units =
        root.viewBox.baseVal?.width || Number(root.getAttribute('width')) || root.getBoundingClientRect().width;
      const scale = root.getBoundingClientRect().width / units;
      const card = t.closest('[data-testid^="chart-"], [data-testid="flow-map"], [data-testid]');
      return [
        {
          chart: card?.getAttribute('data-testid') ?? '',
          text: t.textContent.trim(),
          size: Math.round(parseFloat(getComputedStyle(t).fontSize) * scale * 10) / 10,
          outside: Math.max(0, Math.round(root.getBoundingClientRect().left - box.left)),
        },
      ];
    }),
  );
}

describe.each(CASES)('at %i×%i px, text of at least %i px (%s)', (width, height, min, lang) => {
  let w: Watched;
  beforeAll(async () => {
    w = await watchedPage(browser, origin, { width, height });
    await openPage(w.page, baseUrl, 'dashboard', lang as Locale);
    for (const def of CHARTS) await w.page.waitForSelector(`[data-testid="chart-${def.id}"] svg`, { timeout: 45_000 });
  });
  afterAll(() => w?.page.context().close());

  test('every svg text of every chart and the map', async () => {
    const all = await texts(w.page);
    // Every chart drew text (the test reads what is there, not an empty page).
    for (const def of CHARTS)
      expect(
        all.some((t) => t.chart === `chart-${def.id}`),
        def.id,
      ).toBe(true);
    expect(all.some((t) => t.chart.includes('map'))).toBe(true);
    const small = all.filter((t) => t.size < min).map((t) => `${t.chart}: "${t.text}" ${t.size}px`);
    expect(small.join('\n')).toBe('');
  });

  test('no label starts left of its svg (long names wrap or are shortened, in full on hover)', async () => {
    const cut = (await texts(w.page)).filter((t) => t.outside > 0).map((t) => `${t.chart}: "${t.text}" ${t.outside}px`);
    expect(cut.join('\n')).toBe('');
  });
});
