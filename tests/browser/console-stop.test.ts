/**
 * The data page's SQL console can be stopped, in Chromium on the built site: a query that would
 * run for hours ends on Stop, at its time limit (30 s by default, stated in the console; set to
 * 2 s here), or when the user leaves the data page; then the dashboard answers within seconds,
 * with the figures the app's SQL gives on the real engine in Node.
 */
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { defaultFilters } from '../../src/data/filters';
import type { Watched } from './browser';
import { expectedKpis, openDashboard, settled, shownKpis, useHarness } from './harness';

useHarness();

const HUGE_SUM = 'SELECT sum(i) FROM range(100000000000) t(i)';
const UNBOUNDED_CTE = 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) AS n FROM r';

let w: Watched | undefined;
afterEach(async () => {
  await w?.page.context().close();
  w = undefined;
});

async function startQuery(page: Page, sql: string): Promise<void> {
  await page.fill('[data-testid="console-sql"]', sql);
  await page.click('[data-testid="console-run"]');
  await page.waitForSelector('[data-testid="console-running"]');
}

/** Back on the dashboard, a filter changed: the tiles answer, with the engine's figures, in `withinMs`. */
async function dashboardAnswers(page: Page, withinMs: number): Promise<void> {
  const started = Date.now();
  await page.click('[data-testid="nav-dashboard"]');
  await page.check('[data-testid="direction-outbound"]', { force: true });
  await page.waitForFunction(() => document.querySelector('[data-testid="direction-outbound"]:checked'));
  await settled(page);
  expect(Date.now() - started).toBeLessThan(withinMs);
  expect(await shownKpis(page)).toEqual(await expectedKpis({ ...defaultFilters(2014, 2019), direction: 'outbound' }));
}

test('Stop ends a sum over 10¹¹ rows at once, the engine interrupted (not restarted); the dashboard answers', async () => {
  w = await openDashboard(['[data-testid="nav-data"]']);
  const { page } = w;
  await page.click('[data-testid="nav-data"]');
  // The limit is stated in the console.
  expect(await page.textContent('[data-testid="console-time-hint"]')).toContain('30 秒');
  expect(await page.inputValue('[data-testid="console-limit"]')).toBe('30');
  await startQuery(page, HUGE_SUM);
  await page.waitForTimeout(2_000);
  expect(await page.locator('[data-testid="console-running"]').count()).toBe(1);
  const clicked = Date.now();
  await page.click('[data-testid="console-stop"]');
  await page.waitForSelector('[data-testid="console-stopped"][data-by="user"]');
  expect(Date.now() - clicked).toBeLessThan(1_500);
  expect(await page.textContent('[data-testid="console-stopped"]')).toContain('查询已停止');
  // Interrupted in place: no new worker was needed.
  expect(await page.locator('[data-testid="engine-notice"]').count()).toBe(0);
  // The console itself answers again.
  await page.fill('[data-testid="console-sql"]', 'SELECT count(*) AS n FROM facts');
  await page.click('[data-testid="console-run"]');
  await page.waitForSelector('[data-testid="console-result"]');
  await dashboardAnswers(page, 5_000);
  expect(w.errors).toEqual([]);
}, 120_000);

test('the time limit ends an unbounded recursive CTE; the dashboard answers', async () => {
  w = await openDashboard(['[data-testid="nav-data"]']);
  const { page } = w;
  await page.click('[data-testid="nav-data"]');
  await page.fill('[data-testid="console-limit"]', '2');
  expect(await page.textContent('[data-testid="console-time-hint"]')).toContain('2 秒');
  const started = Date.now();
  await startQuery(page, UNBOUNDED_CTE);
  await page.waitForSelector('[data-testid="console-stopped"][data-by="limit"]', { timeout: 15_000 });
  const ranFor = Date.now() - started;
  expect(ranFor).toBeGreaterThanOrEqual(2_000);
  expect(ranFor).toBeLessThan(4_000);
  expect(await page.textContent('[data-testid="console-stopped"]')).toContain('2 秒的时间限制');
  await dashboardAnswers(page, 5_000);
  expect(w.errors).toEqual([]);
}, 120_000);

test('leaving the data page stops a query still running: the dashboard does not wait behind it', async () => {
  w = await openDashboard(['[data-testid="nav-data"]']);
  const { page } = w;
  await page.click('[data-testid="nav-data"]');
  await startQuery(page, HUGE_SUM);
  await page.waitForTimeout(1_000);
  await dashboardAnswers(page, 5_000);
  expect(w.errors).toEqual([]);
}, 120_000);
