/**
 * The data page's SQL console in Chromium, against every way out in
 * tests/fixtures/hostile/console-attempts.ts (the unit test runs the same list on the engine in
 * Node): each one ends in the console's error, and afterwards the figures and the tables are as
 * they were and reading still works.
 */
import { expect, test } from 'vitest';
import { defaultFilters } from '../../src/data/filters';
import { csv } from '../helpers/expected';
import { CONSOLE_ATTEMPTS } from '../fixtures/hostile/console-attempts';
import { expectedKpis, openDashboard, settled, shownKpis, useHarness } from './harness';

useHarness();

test(`the console refuses ${CONSOLE_ATTEMPTS.length - 1} ways out in the browser`, async () => {
  const w = await openDashboard(['[data-testid="nav-data"]']);
  const { page } = w;
  const kpis = await shownKpis(page);
  expect(kpis).toEqual(await expectedKpis(defaultFilters(2014, 2019)));
  await page.click('[data-testid="nav-data"]');
  const run = async (sql: string) => {
    await page.fill('[data-testid="console-sql"]', sql);
    await page.click('[data-testid="console-run"]');
    await page.waitForFunction(
      () =>
        !document.querySelector<HTMLButtonElement>('[data-testid="console-run"]')?.disabled &&
        !!document.querySelector('[data-testid="console-error"], [data-testid="console-result"]'),
    );
  };
  const answered: string[] = [];
  for (const sql of CONSOLE_ATTEMPTS.filter((s) => s !== '')) {
    await run(sql);
    if ((await page.locator('[data-testid="console-error"]').count()) === 0) answered.push(sql);
  }
  expect(answered).toEqual([]);

  await run('SELECT count(*) AS n FROM facts');
  // Every row of the bundled exchanges.csv is still there.
  expect(await page.textContent('[data-testid="console-result"] td')).toBe(String(csv('exchanges.csv').length));
  await page.click('[data-testid="nav-dashboard"]');
  await settled(page);
  expect(await shownKpis(page)).toEqual(kpis);
  expect(w.errors).toEqual([]);
  expect(w.foreign).toEqual([]);
  await page.context().close();
}, 180_000);
