/**
 * Nothing on screen moves while the dashboard opens: the layout shifts Chromium reports (the Layout
 * Instability API, what Core Web Vitals sum as CLS) from the first paint until every view is drawn
 * and the engine is ready. The map comes in below the trend, not above it, and the header's actions
 * that need the engine are laid out, hidden, from the first paint (src/App.svelte, Dashboard.svelte).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locale } from '../../src/i18n/messages';
import { watchedPage, type Watched } from './browser';
import { baseUrl, browser, origin, settled, useHarness } from './harness';

useHarness();

/** Before the page's scripts: every layout shift not caused by input, with what moved. */
const WATCH = `(() => {
  const shifts = [];
  window.__shifts = shifts;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      shifts.push({
        value: entry.value,
        moved: (entry.sources || []).map((s) => {
          const node = s.node;
          const name = node && node.nodeType === 1 ? node.getAttribute('data-testid') || node.tagName + '.' + node.getAttribute('class') : '?';
          return name + ' ' + Math.round(s.previousRect.y) + '->' + Math.round(s.currentRect.y);
        }),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

interface Shift {
  value: number;
  moved: string[];
}

/** Core Web Vitals call a page "good" below 0.1; what is left here is a pixel or two of rounding. */
const LIMIT = 0.01;

describe.each([
  [1440, 'zh-CN'],
  [1366, 'en'],
  [1000, 'zh-CN'],
  [800, 'en'],
  [390, 'zh-CN'],
] as [number, Locale][])('at %i px in %s', (width, lang) => {
  let w: Watched;
  beforeAll(async () => {
    w = await watchedPage(browser, origin, { width, height: 900 });
    await w.page.addInitScript(WATCH);
    await w.page.goto(`${baseUrl}?lang=${lang}`);
    await w.page.waitForSelector('[data-testid="engine-actions"][data-ready="true"]', {
      state: 'attached',
      timeout: 45_000,
    });
    await w.page.waitForSelector('[data-testid="map-table"] tbody tr', { state: 'attached', timeout: 45_000 });
    await w.page.waitForSelector('[data-testid="chart-countries"]', { state: 'attached', timeout: 45_000 });
    await settled(w.page);
  });
  afterAll(() => w?.page.context().close());

  test('nothing on screen moves from the first paint until the page is drawn and ready', async () => {
    const shifts = await w.page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    expect(total, JSON.stringify(shifts)).toBeLessThan(LIMIT);
  });
});
