import { expect, test } from 'vitest';
import { watchedPage } from './browser';
import { baseUrl, browser, openDashboard, origin, settled, useHarness } from './harness';

useHarness();

const colours = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const axis = document.querySelector('[data-testid="chart-trend"] svg [aria-label="y-axis tick label"] text');
    return {
      theme: document.documentElement.dataset.theme,
      background: getComputedStyle(document.documentElement).backgroundColor,
      text: getComputedStyle(document.body).color,
      axis: axis ? getComputedStyle(axis).fill : null,
    };
  });

test('the theme lives in the link: dark from ?theme=dark, the switch flips it and writes it back', async () => {
  const watched = await watchedPage(browser, origin);
  const { page, errors, foreign } = watched;
  await page.goto(`${baseUrl}?theme=dark&lang=en`);
  await page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  await settled(page);
  const dark = await colours(page);
  expect(dark.theme).toBe('dark');
  expect(dark.background).toBe('rgb(18, 20, 23)');
  // Chart text is drawn in the page's text colour, light on dark.
  expect(dark.axis).toBe(dark.text);
  expect(dark.text).toBe('rgb(232, 234, 237)');

  await page.click('[data-testid="theme-switch"]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('theme') === 'light');
  const light = await colours(page);
  expect(light.theme).toBe('light');
  expect(light.background).toBe('rgb(245, 246, 248)');
  expect(light.axis).toBe(light.text);

  // Back returns to the dark view the link opened with.
  await page.goBack();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  await page.context().close();
});

test('without a choice the page follows the system; the embed takes ?theme= too', async () => {
  const watched = await openDashboard(['[data-testid="chart-trend"] svg']);
  const { page, errors } = watched;
  expect((await colours(page)).theme).toBe('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  expect(new URL(page.url()).searchParams.get('theme')).toBeNull();

  await page.goto(`${baseUrl}embed.html?chart=countries&theme=dark`);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForSelector('[data-testid="embed"] svg');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(18, 20, 23)');
  expect(errors).toEqual([]);
  await page.context().close();
});
