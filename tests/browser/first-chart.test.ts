/**
 * The first screen's chart (docs/performance.md, P1): the trend's card reads its width as it
 * mounts (ChartCard `measureNow`), so its Plot chart is in the page in the task that mounts the
 * card, not a frame later when the card's ResizeObserver first answers, and at the card's width.
 */
import { expect, test } from 'vitest';
import { watchedPage } from './browser';
import { baseUrl, browser, origin, useHarness } from './harness';

useHarness();

/** Before the page's scripts: counts animation frames, and notes the count when the trend's card and its chart appear. */
const WATCH = `(() => {
  const seen = { frames: 0, card: null, chart: null, chartWidth: null, bodyWidth: null };
  window.__firstChart = seen;
  const tick = () => { seen.frames++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new MutationObserver(() => {
    const card = document.querySelector('[data-testid="chart-trend"]');
    if (card && seen.card === null) seen.card = seen.frames;
    const svg = card && card.querySelector('.body svg[class^="plot-"]');
    if (svg && seen.chart === null) {
      seen.chart = seen.frames;
      seen.chartWidth = Number(svg.getAttribute('width'));
      seen.bodyWidth = card.querySelector('.body').getBoundingClientRect().width;
    }
  }).observe(document, { subtree: true, childList: true });
})();`;

interface Seen {
  frames: number;
  card: number | null;
  chart: number | null;
  chartWidth: number | null;
  bodyWidth: number | null;
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width} px the trend’s chart is drawn in the task that mounts its card, at the card’s width`, async () => {
    const w = await watchedPage(browser, origin, viewport);
    await w.page.addInitScript({ content: WATCH });
    await w.page.goto(baseUrl);
    await w.page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
    const seen = await w.page.evaluate(() => (window as unknown as { __firstChart: Seen }).__firstChart);
    expect(seen.card).not.toBeNull();
    // No animation frame between the card's mount and its chart (waiting for the observer took one).
    expect(seen.chart).toBe(seen.card);
    // Drawn at the width the card has: no redraw needed once the observer answers.
    expect(Math.abs(seen.chartWidth! - seen.bodyWidth!)).toBeLessThanOrEqual(1);
    expect(w.errors).toEqual([]);
    await w.page.context().close();
  });
}
