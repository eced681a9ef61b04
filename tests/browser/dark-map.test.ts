import { expect, test } from 'vitest';
import { converter, parse } from 'culori';
import { watchedPage } from './browser';
import { baseUrl, browser, origin, useHarness } from './harness';
import { openPage } from './pages';

// The map's plain land (no shade) is not near-white on a dark page, and stays light on a light one.
useHarness();

const oklch = converter('oklch');

test.each(['dark', 'light'] as const)('plain land in the %s theme', async (theme) => {
  const { page, errors } = await watchedPage(browser, origin);
  await page.emulateMedia({ colorScheme: theme });
  await openPage(page, baseUrl, 'dashboard', 'zh-CN');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
  const fills = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="chart-map"] svg .land path.plain')].map(
      (p) => getComputedStyle(p).fill,
    ),
  );
  // Most of the world has no exchanges: many plain areas, all drawn.
  expect(fills.length).toBeGreaterThan(50);
  const lightness = [...new Set(fills)].map((f) => oklch(parse(f)!)!.l);
  if (theme === 'dark') for (const l of lightness) expect(l).toBeLessThan(0.5);
  else for (const l of lightness) expect(l).toBeGreaterThan(0.8);
  expect(errors).toEqual([]);
  await page.context().close();
});
