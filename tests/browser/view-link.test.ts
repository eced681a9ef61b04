/**
 * The data page is in the address (?view=data): reached by the menu, it stays on a reload, a
 * language switch and in a link opened elsewhere; the dashboard's filters ride along.
 */
import { expect, test } from 'vitest';
import { watchedPage } from './browser';
import { baseUrl, browser, origin, useHarness } from './harness';

useHarness();

const onDataPage = '[data-testid="nav-data"][aria-current="page"]';

test('a reload and a language switch on the data page stay there; the link opens it', async () => {
  const { page, errors, foreign } = await watchedPage(browser, origin);
  await page.goto(`${baseUrl}?from=2016&dir=inbound`);
  await page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  await page.click('[data-testid="nav-data"]');
  await page.waitForSelector('[data-testid="console-sql"]');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'data');
  const link = page.url();
  expect(new URL(link).searchParams.get('from')).toBe('2016');

  await page.reload();
  await page.waitForSelector(onDataPage, { timeout: 45_000 });
  await page.waitForSelector('[data-testid="console-sql"]', { timeout: 45_000 });
  expect(page.url()).toBe(link);

  await page.click('[data-testid="lang-switch"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  expect(new URL(page.url()).searchParams.get('view')).toBe('data');
  await page.waitForSelector(onDataPage);

  const other = await watchedPage(browser, origin);
  await other.page.goto(link);
  await other.page.waitForSelector('[data-testid="console-sql"]', { timeout: 45_000 });
  expect(await other.page.locator(onDataPage).count()).toBe(1);
  expect(new URL(other.page.url()).searchParams.get('dir')).toBe('inbound');
  await page.click('[data-testid="nav-dashboard"]');
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('view'));
  await page.waitForSelector('[data-testid="chart-trend"] svg');
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  expect(other.errors).toEqual([]);
  await other.page.context().close();
  await page.context().close();
}, 120_000);

test("the trend's split and the map's zoom and centre ride in the link and come back on load", async () => {
  const { page, errors, foreign } = await watchedPage(browser, origin);
  await page.goto(`${baseUrl}?lang=zh-CN&dir=outbound`);
  await page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  await page.waitForSelector('[data-testid="chart-map"] svg .land', { timeout: 45_000 });
  const param = (key: string) => new URL(page.url()).searchParams.get(key);

  await page.click('[data-testid="trend-split-activity_type"]');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('split') === 'activity_type');

  // A zoom is written when it ends, replacing the history entry rather than adding one.
  const entries = await page.evaluate(() => history.length);
  await page.getByRole('button', { name: '放大' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('zoom'), undefined, { timeout: 10_000 });
  await page.focus('[data-testid="chart-map"] .map');
  await page.keyboard.press('ArrowLeft');
  await page.waitForTimeout(800);
  const zoom = Number(param('zoom'));
  const at = param('at')!.split(',').map(Number);
  expect(zoom).toBeGreaterThan(1.5);
  expect(at).toHaveLength(2);
  expect(await page.evaluate(() => history.length)).toBe(entries);
  expect(param('dir')).toBe('outbound');
  const link = page.url();

  const scale = (p: typeof page) =>
    p.evaluate(() =>
      Number(
        /scale\(([\d.]+)\)/.exec(
          document.querySelector('[data-testid="chart-map"] svg .land')?.getAttribute('transform') ?? '',
        )?.[1] ?? 1,
      ),
    );
  // Opened elsewhere, at another width: the same split, the same zoom around the same centre.
  const other = await watchedPage(browser, origin, { width: 1100, height: 900 });
  await other.page.goto(link);
  await other.page.waitForSelector('[data-testid="chart-map"] svg .land', { timeout: 45_000 });
  await other.page.waitForFunction(
    (k) =>
      new RegExp(`scale\\(${k}`).test(
        document.querySelector('[data-testid="chart-map"] svg .land')?.getAttribute('transform') ?? '',
      ),
    String(zoom),
    { timeout: 20_000 },
  );
  expect(await other.page.isChecked('[data-testid="trend-split-activity_type"]')).toBe(true);
  expect(await scale(other.page)).toBeCloseTo(zoom, 2);
  await other.page.waitForTimeout(800);
  const again = new URL(other.page.url()).searchParams;
  expect(Number(again.get('zoom'))).toBeCloseTo(zoom, 2);
  const [lon, lat] = again.get('at')!.split(',').map(Number) as [number, number];
  expect(Math.abs(lon - at[0]!)).toBeLessThan(0.05);
  expect(Math.abs(lat - at[1]!)).toBeLessThan(0.05);

  // Reset: the link forgets the zoom; the split stays.
  await other.page.getByRole('button', { name: '复位' }).click();
  await other.page.waitForFunction(() => !new URLSearchParams(location.search).has('zoom'), undefined, {
    timeout: 10_000,
  });
  expect(new URL(other.page.url()).searchParams.get('split')).toBe('activity_type');
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  expect(other.errors).toEqual([]);
  await other.page.context().close();
  await page.context().close();
}, 150_000);
