import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locale } from '../../src/i18n/messages';
import { csv, trips } from '../helpers/expected';
import type { Watched } from './browser';
import { openPage } from './pages';
import { baseUrl, browser, origin, useHarness } from './harness';
import { watchedPage } from './browser';

// The events card as a visitor sees it: pointing at each dot names its event, and the table's City
// column gives the city (in English too). Expected values from events.csv and partners.csv as parsed here.
useHarness();

// The dashboard opens on the years of the exchanges: the events of those years.
const first = Math.min(...trips.map((t) => t.year));
const last = Math.max(...trips.map((t) => t.year));
const events = csv('events.csv').filter((e) => {
  const year = Number(e.start_date!.slice(0, 4));
  return year >= first && year <= last;
});
const partners = csv('partners.csv');
const squash = (s: string) => s.replace(/[\s\u200b]/g, '');
/** English names of the cities events.csv records in Chinese, written here, not taken from the app. */
const CITY_EN = new Map([
  ...partners.filter((p) => p.city_zh && p.city_en).map((p) => [p.city_zh!, p.city_en!] as const),
  ['贵阳', 'Guiyang'],
  ['深圳', 'Shenzhen'],
  ['天津', 'Tianjin'],
  ['安顺', 'Anshun'],
  ['北京', 'Beijing'],
  ['上海', 'Shanghai'],
]);

describe.each(['zh-CN', 'en'] as Locale[])('events card in %s', (lang) => {
  let w: Watched;
  beforeAll(async () => {
    w = await watchedPage(browser, origin);
    await openPage(w.page, baseUrl, 'dashboard', lang);
    await w.page.waitForSelector('[data-testid="chart-events"] svg [aria-label="dot"] circle', { timeout: 45_000 });
  });
  afterAll(() => w?.page.context().close());

  test('pointing at each dot shows its event’s name: every event, memberships included', async () => {
    const card = w.page.locator('[data-testid="chart-events"]');
    await card.scrollIntoViewIfNeeded();
    const dots = card.locator('svg [aria-label="dot"] circle');
    const named: string[] = [];
    for (let i = 0; i < (await dots.count()); i++) {
      const box = (await dots.nth(i).boundingBox())!;
      await w.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const tip = card.locator('svg [aria-label="tip"] text');
      await tip.waitFor();
      // What is drawn, not the <title> Plot keeps of a cut line.
      const shown = await tip.evaluate((el) => {
        const copy = el.cloneNode(true) as Element;
        for (const title of copy.querySelectorAll('title')) title.remove();
        return copy.textContent ?? '';
      });
      named.push(squash(shown));
    }
    const names = events.map((e) => squash(lang === 'en' ? e.name_en! : e.name_zh!));
    // One dot per event, and each dot's tip shows its event's whole name.
    expect(named).toHaveLength(events.length);
    const remaining = [...names];
    for (const text of named) {
      // The longest name it shows (a forum's name may hold an organisation's).
      const i = remaining.reduce(
        (best, name, j) => (text.includes(name) && (best < 0 || name.length > remaining[best]!.length) ? j : best),
        -1,
      );
      expect(i, `a tip that names no event left: ${text}`).toBeGreaterThanOrEqual(0);
      remaining.splice(i, 1);
    }
    expect(remaining).toEqual([]);
    for (const m of events.filter((e) => e.kind === 'membership'))
      expect(named.some((t) => t.includes(squash(lang === 'en' ? m.name_en! : m.name_zh!)))).toBe(true);
  });

  test('the table gives each event’s name and city', async () => {
    await w.page.click('[data-testid="table-toggle-events"]');
    const rows = await w.page
      .locator('[data-testid="table-events"] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td, th')].map((c) => c.textContent?.trim() ?? '')),
      );
    const expected = events.map((e) => [
      lang === 'en' ? e.name_en! : e.name_zh!,
      lang === 'en' && e.city ? (CITY_EN.get(e.city) ?? e.city) : (e.city ?? ''),
    ]);
    expect(rows.map((r) => [r[2], r[3]]).sort()).toEqual(expected.sort());
    await w.page.click('[data-testid="table-toggle-events"]');
  });
});
