import type { Page } from 'playwright-core';

/**
 * Views off screen when the filters change keep what they drew, marked `data-stale` and hidden,
 * and redraw when scrolled to (src/state/in-view.svelte.ts). This scrolls each one into sight in
 * turn, as a reader would, waits until it has asked, answered and redrawn, and scrolls back.
 */
export async function drawStale(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frames = () =>
      new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    const [x, y] = [scrollX, scrollY];
    const started = performance.now();
    for (let view = document.querySelector('[data-stale]'); view; view = document.querySelector('[data-stale]')) {
      if (performance.now() - started > 40_000)
        throw new Error(`still out of date: ${view.id || view.outerHTML.slice(0, 80)}`);
      view.scrollIntoView({ block: 'center' });
      await frames();
      while (view.hasAttribute('data-stale') || view.getAttribute('aria-busy') === 'true') {
        if (performance.now() - started > 40_000) break;
        await frames();
      }
      await frames();
    }
    scrollTo(x, y);
    await frames();
  });
}
