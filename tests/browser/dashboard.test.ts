import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultFilters, type Filters } from '../../src/data/filters';
import { watchedPage, type Watched } from './browser';
import {
  baseUrl,
  browser,
  expectedKpis,
  openDashboard as open,
  origin,
  settled,
  shownKpis,
  useHarness,
} from './harness';

useHarness();

const openDashboard = () => open(['[data-testid="chart-trend"] svg', '[data-testid="chart-countries"] svg']);

describe('the dashboard on the bundled data', () => {
  let w: Watched;
  beforeAll(async () => {
    w = await openDashboard();
  });
  afterAll(() => w?.page.context().close());

  test('shows the five KPI tiles with the SQL figures, in Chinese first', async () => {
    expect(await w.page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await w.page.textContent('h1')).toContain('国际交流');
    expect(await shownKpis(w.page)).toEqual(await expectedKpis(defaultFilters(2014, 2019)));
    const outbound = await w.page.textContent('[data-testid="kpi-outbound"]');
    expect(outbound).toContain('出访人次');
    await expect(w.page.textContent('[data-testid="sample-notice"]')).resolves.toContain('示例数据');
  });

  test('draws the trend with a bar per year and direction, and ranks countries', async () => {
    const years = await w.page
      .locator('[data-testid="chart-trend"] svg [aria-label="fx-axis tick label"] text')
      .allTextContents();
    expect(years).toEqual(['2014', '2015', '2016', '2017', '2018', '2019']);
    const labels = await w.page
      .locator('[data-testid="chart-countries"] svg [aria-label="y-axis tick label"] text')
      .allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(10);
    expect(labels).toContain('中国台湾');
    expect(labels).not.toContain('台湾');
  });

  test('the filters re-query: years, direction and the 港澳台 switch', async () => {
    await w.page.selectOption('[data-testid="year-from"]', '2017');
    await w.page.check('[data-testid="region-hk_macao_tw"]', { force: true });
    await settled(w.page);
    const filters: Filters = { ...defaultFilters(2017, 2019), region: 'hk_macao_tw' };
    const expected = await expectedKpis(filters);
    expect(expected.outbound).toBeGreaterThan(60);
    expect(await shownKpis(w.page)).toEqual(expected);
    const labels = await w.page
      .locator('[data-testid="chart-countries"] svg [aria-label="y-axis tick label"] text')
      .allTextContents();
    expect(labels[0]).toBe('中国台湾');
    for (const label of labels) expect(['中国台湾', '中国香港', '中国澳门']).toContain(label);

    await w.page.check('[data-testid="direction-inbound"]', { force: true });
    await w.page.check('[data-testid="region-foreign"]', { force: true });
    await settled(w.page);
    expect(await shownKpis(w.page)).toEqual(
      await expectedKpis({ ...filters, direction: 'inbound', region: 'foreign' }),
    );
  });

  test('switches to English and back', async () => {
    await w.page.click('[data-testid="lang-switch"]');
    await w.page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await w.page.textContent('h1')).toContain('International Exchange Dashboard');
    expect(await w.page.textContent('[data-testid="kpi-inbound"]')).toContain('Inbound person-trips');
    await w.page.check('[data-testid="region-all"]', { force: true });
    await settled(w.page);
    const labels = await w.page
      .locator('[data-testid="chart-countries"] svg [aria-label="y-axis tick label"] text')
      .allTextContents();
    expect(labels).toContain('Taiwan, China');
    // Everything but the switch back to Chinese is in English.
    expect(await w.page.innerText('main')).not.toMatch(/[\u4e00-\u9fff]/);

    await w.page.click('[data-testid="lang-switch"]');
    await w.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await w.page.textContent('[data-testid="kpi-inbound"]')).toContain('来访人次');
  });

  test('asked no other origin and logged no error', () => {
    expect(w.foreign).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});

describe('load failures end in a clear message', () => {
  test('a missing exchanges.csv', async () => {
    const w = await watchedPage(browser, origin);
    await w.page.route('**/data/exchanges.csv', (route) => route.fulfill({ status: 404, body: '' }));
    await w.page.goto(baseUrl);
    const alert = w.page.locator('[data-testid="load-error"]');
    await alert.waitFor({ timeout: 45_000 });
    expect(await alert.textContent()).toContain('exchanges.csv');
    await w.page.context().close();
  });

  test('an engine that cannot start', async () => {
    const w = await watchedPage(browser, origin);
    await w.page.route('**/*.wasm', (route) => route.fulfill({ status: 500, body: '' }));
    await w.page.goto(baseUrl);
    const alert = w.page.locator('[data-testid="load-error"]');
    await alert.waitFor({ timeout: 45_000 });
    expect(await alert.textContent()).toContain('数据引擎无法启动');
    await w.page.context().close();
  });
});
