/**
 * Bidi control characters in Chromium (issue 13): a partner named with an RLO and a city-like
 * department with an isolate are imported; the report says how many values lost them, by column,
 * and the partners chart's label, the console and the whole page show the names as written, with no
 * control character anywhere in their text.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { watchedPage, type Watched } from './browser';
import { baseUrl, browser, origin, settled, useHarness } from './harness';

useHarness();

const CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const FILE = [
  'record_id,direction,participant_category,headcount,activity_type,country,partner,start_date,department',
  'R-1,outbound,teacher,3,training,KR,\u202EHanyang Tech\u202C,2018-01-01,\u2067Foreign Languages\u2069',
  'R-2,outbound,teacher,4,training,KR,Hanyang Tech\u200F,2018-02-01,Foreign Languages',
  'R-3,inbound,student,2,training,JP,Kyoto College,2018-03-01,',
].join('\r\n');

describe('bidi control characters are removed on import', () => {
  let w: Watched;
  beforeAll(async () => (w = await watchedPage(browser, origin)));
  afterAll(() => w?.page.context().close());

  test('the report counts them; labels, the console and the page show none', async () => {
    await w.page.goto(baseUrl);
    await w.page.waitForSelector('[data-testid="nav-data"]', { timeout: 45_000 });
    await settled(w.page);
    await w.page.click('[data-testid="nav-data"]');
    await w.page.setInputFiles('[data-testid="import-input"]', {
      name: 'exchanges.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(FILE),
    });
    await w.page.locator('[data-testid="import-preview"] [data-testid="import-encoding"]').waitFor();
    await w.page.click('[data-testid="import-run"]');
    const notice = w.page.locator('[data-testid="import-notice-bidi-controls"]');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toBe(
      '文字方向控制字符（如 RLO、隔离符，会让文字倒序显示）已删除，共 3 个值，按列：partner: 2, department: 1',
    );

    await w.page.fill('[data-testid="console-sql"]', 'SELECT DISTINCT partner FROM exchanges ORDER BY 1');
    await w.page.click('[data-testid="console-run"]');
    await w.page.locator('[data-testid="console-result"]').waitFor();
    const cells = await w.page.locator('[data-testid="console-result"] td').allTextContents();
    expect(cells).toEqual(['Hanyang Tech', 'Kyoto College']);

    await w.page.click('[data-testid="nav-dashboard"]');
    await settled(w.page);
    const chart = w.page.locator('[data-testid="chart-partners"]');
    await chart.scrollIntoViewIfNeeded();
    await w.page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="chart-partners"] svg text')].some((t) =>
        t.textContent?.includes('Hanyang Tech'),
      ),
    );
    // The label itself, as drawn: the name as written, left to right; its summary: 3 + 4 person-trips.
    const labels = await chart.locator('svg text').allTextContents();
    expect(labels.some((t) => t.startsWith('Hanyang Tech'))).toBe(true);
    for (const text of labels) expect(text).not.toMatch(CONTROL);
    expect(await chart.textContent()).toContain('人次最多的是Hanyang Tech（7）');
    const page = await w.page.evaluate(() => document.body.innerText + document.title);
    expect(page).toContain('Hanyang Tech');
    expect(page).not.toMatch(CONTROL);
  });

  test('logged no error and asked no other origin', () => {
    expect(w.errors).toEqual([]);
    expect(w.foreign).toEqual([]);
  });
});
