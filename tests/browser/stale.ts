import type { Page } from 'playwright-core';

/**
 * Views off screen when the filters change keep what they drew, marked `data-stale` and hidden,
 * and redraw when scrolled to (src/state/in-view.svelte.ts). This scrolls each one into sight in
 * turn, as a reader would, waits until it has asked, answered and redrawn, and scrolls back.
 *
 * The waits are for two painted frames, or 250 ms when none comes: headless Chromium now and then
 * paints no frame for a while, and a wait on frames alone would then never end (the test would
 * time out saying nothing). Past `limitMs` it fails, naming the view, and counting the waits
 * that saw no frame.
 */
export async function drawStale(page: Page, limitMs = 30_000): Promise<void> {
  await page.evaluate(async (limit) => {
    let frameless = 0;
    const frames = () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          frameless++;
          resolve();
        }, 250);
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            clearTimeout(timer);
            resolve();
          }),
        );
      });
    const [x, y] = [scrollX, scrollY];
    const started = performance.now();
    const late = () => performance.now() - started > limit;
    for (let view = document.querySelector('[data-stale]'); view; view = document.querySelector('[data-stale]')) {
      if (late()) {
        const name = view.getAttribute('data-testid') ?? (view.id || view.outerHTML.slice(0, 80));
        throw new Error(`still out of date after ${limit} ms: ${name} (${frameless} waits saw no frame painted)`);
      }
      view.scrollIntoView({ block: 'center' });
      await frames();
      while ((view.hasAttribute('data-stale') || view.getAttribute('aria-busy') === 'true') && !late()) await frames();
      await frames();
    }
    scrollTo(x, y);
    await frames();
  }, limitMs);
}
