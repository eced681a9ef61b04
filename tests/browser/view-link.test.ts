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
