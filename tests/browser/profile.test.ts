/**
 * Partner and country/region profiles (issue 15): reached from the partners chart and the map's
 * table, in Chinese and English; the agreements and the flows by year against a computation over
 * data/*.csv (tests/helpers/expected-profile.ts); the dashboard's filters kept in the link and on
 * the way back.
 */
import { csvParseRows } from 'd3';
import { expect, test } from 'vitest';
import { defaultFilters } from '../../src/domain/filters';
import { yearBounds } from '../helpers/expected';
import { publishedTrend } from '../helpers/published';
import type { Page } from 'playwright-core';
import { MESSAGES, type Locale } from '../../src/i18n/messages';
import { countryName } from '../../src/reference/countries';
import { partnerById } from '../helpers/expected';
import { profileAgreements, profileFlows, type ProfileKind } from '../helpers/expected-profile';
import { watchedPage } from './browser';
import { baseUrl, browser, exportChart, origin, settled, useHarness } from './harness';

useHarness();

const digits = (s: string) => Number(s.replace(/[^\d]/g, ''));

/** The rows of a profile card's table, opened through its toggle. */
async function tableRows(page: Page, chart: string): Promise<string[][]> {
  const card = `[data-testid="profile"] [data-testid="chart-${chart}"]`;
  await page.waitForSelector(`${card}[aria-busy="false"]`);
  await page.click(`${card} [data-testid="table-toggle-${chart}"]`);
  return page
    .locator(`${card} [data-testid="table-${chart}"] tbody tr`)
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? '')));
}

async function checkProfile(page: Page, kind: ProfileKind, id: string, lang: Locale) {
  const t = MESSAGES[lang];
  await page.waitForSelector(`[data-testid="profile"][data-kind="${kind}"][data-id="${id}"]`, { timeout: 45_000 });
  const params = new URL(page.url()).searchParams;
  expect([params.get('view'), params.get('id')]).toEqual([kind, id]);
  const partner = partnerById.get(id);
  const title = kind === 'country' ? countryName(id, lang) : lang === 'en' ? partner!.name_en : partner!.name_zh;
  // The partner's name comes with its reference row (the id stands in until then).
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="profile-title"]')?.textContent === want,
    title,
  );
  if (kind === 'partner')
    expect(await page.textContent('[data-testid="profile-place"]')).toContain(countryName(partner!.country, lang));

  const agreements = profileAgreements(kind, id);
  expect(agreements.length).toBeGreaterThan(0);
  const shown = await tableRows(page, 'agreements');
  expect(shown.length).toBe(agreements.length);
  shown.forEach((row, i) => {
    const a = agreements[i]!;
    const [y, m, d] = a.signed.split('-').map(Number) as [number, number, number];
    expect(row[0]).toBe(lang === 'en' ? partnerById.get(a.partner)!.name_en : partnerById.get(a.partner)!.name_zh);
    expect(row[2]).toBe(t[`agreement.${a.type}` as keyof typeof t]);
    expect(row[3]).toContain(String(y));
    expect(row[3]).toContain(String(d));
    if (lang === 'zh-CN') expect(row[3]).toBe(`${y}年${m}月${d}日`);
    if (a.end === null) expect(row[4]).toBe(t['chart.open']);
    else expect(row[4]).toContain(a.end.slice(0, 4));
    expect(row[5]).toBe(t[`agreement.${a.status}` as keyof typeof t]);
  });

  const flows = profileFlows(kind, id);
  expect(flows.length).toBeGreaterThan(0);
  const years = await tableRows(page, 'trend');
  expect(years.map((r) => [Number(r[0]), digits(r[1]!), digits(r[2]!)])).toEqual(
    flows.map((f) => [f.year, f.outbound, f.inbound]),
  );
}

test('a partner profile from the partners chart, a country profile from the map table; filters kept', async () => {
  const { page, errors, foreign } = await watchedPage(browser, origin);
  await page.goto(`${baseUrl}?lang=zh-CN&scope=hk_macao_tw&category=student`);
  await page.waitForSelector('[data-testid="chart-partners"] svg', { timeout: 45_000 });
  await page.waitForSelector('[data-testid="present"]', { timeout: 60_000 });
  await settled(page);

  // The partners chart: selecting a bar (its table's button, as a click on the bar) offers the profile.
  await page.click('[data-testid="table-toggle-partners"]');
  await page.click('[data-testid="select-partners-cut"]');
  await page.click('[data-testid="profile-open-partners"]');
  await checkProfile(page, 'partner', 'cut', 'zh-CN');
  const link = new URL(page.url()).searchParams;
  expect([link.get('scope'), link.get('category'), link.get('partner')]).toEqual(['hk_macao_tw', 'student', 'cut']);

  // Back: the dashboard with its filters as they were.
  await page.click('[data-testid="profile-back"]');
  await page.waitForSelector('[data-testid="chart-partners"] svg');
  const back = new URL(page.url()).searchParams;
  expect([back.get('view'), back.get('id'), back.get('scope'), back.get('partner')]).toEqual([
    null,
    null,
    'hk_macao_tw',
    'cut',
  ]);

  // English, the map's table: a country or region's profile.
  await page.click('[data-testid="lang-switch"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForSelector('[data-testid="map-profile-TW"]');
  await page.click('[data-testid="map-profile-TW"]');
  await checkProfile(page, 'country', 'TW', 'en');

  // Browser back returns to the dashboard; a profile link opened afresh shows the profile.
  const profileLink = page.url();
  await page.goBack();
  await page.waitForSelector('[data-testid="chart-trend"]');
  expect(new URL(page.url()).searchParams.get('view')).toBeNull();
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  await page.context().close();

  const other = await watchedPage(browser, origin);
  await other.page.goto(profileLink.replace('lang=en', 'lang=zh-CN'));
  await checkProfile(other.page, 'country', 'TW', 'zh-CN');
  expect(other.errors).toEqual([]);
  await other.page.context().close();
}, 180_000);

test('a partner profile in English from a link, and from the map selection in Chinese', async () => {
  const { page, errors } = await watchedPage(browser, origin);
  await page.goto(`${baseUrl}?lang=en&view=partner&id=fooyin`);
  await checkProfile(page, 'partner', 'fooyin', 'en');
  // The card's CSV export is public by default: the figures of the published cells (multiples of 5).
  const { bytes } = await exportChart(page, 'trend', 'csv');
  const [, ...rows] = csvParseRows(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  const { min, max } = yearBounds();
  const published = publishedTrend({ ...defaultFilters(min, max), partner: 'fooyin' });
  expect(rows.some(([, o, i]) => Number(o) + Number(i) > 0)).toBe(true);
  for (const [year, outbound, inbound] of rows) {
    expect([Number(outbound), Number(inbound)]).toEqual([
      published.get(`${year}:outbound`) ?? 0,
      published.get(`${year}:inbound`) ?? 0,
    ]);
    expect(Number(outbound) % 5).toBe(0);
    expect(Number(inbound) % 5).toBe(0);
  }
  await page.goto(`${baseUrl}?lang=zh-CN&country=US`);
  await page.waitForSelector('[data-testid="map-open-profile"]', { timeout: 45_000 });
  await page.click('[data-testid="map-open-profile"]');
  await checkProfile(page, 'country', 'US', 'zh-CN');
  expect(new URL(page.url()).searchParams.get('country')).toBe('US');
  expect(errors).toEqual([]);
  await page.context().close();
}, 120_000);
