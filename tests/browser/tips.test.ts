/**
 * Every Plot chart of the dashboard shows a tip on its first mark, and the tip names each of its
 * lines in the page's language: no line labelled with a raw Plot channel name ('fill',
 * 'fillOpacity', 'x'…), in zh-CN no label in Latin letters, in English no label in Chinese. The
 * trend is looked at under each of its splits (direction, activity type, participant category).
 * The labels are the tip's bold tspans (Plot's tip writes a channel's label bold, its value not);
 * a tip given by a mark's title (the events timeline) has none, and is checked for being there.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { watchedPage } from './browser';
import { baseUrl, browser, origin, settled, useHarness } from './harness';

useHarness();

const VIEWPORT = { width: 1440, height: 900 };
const RAW = new Set([
  'fill',
  'fillOpacity',
  'stroke',
  'strokeOpacity',
  'opacity',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'fx',
  'fy',
  'r',
  'z',
  'title',
]);
/** The marks a tip is pointed at: bars, dots, cells and rects (timelines' spans are bars). */
const MARKS = [
  'g[aria-label="bar"] rect',
  'g[aria-label="dot"] circle',
  'g[aria-label="cell"] rect',
  'g[aria-label="rect"] rect',
];

interface Tip {
  chart: string;
  text: string;
  labels: string[];
}

/** The ids of the chart cards drawn with Plot (every card but the map's). */
const plotCharts = (page: Page) =>
  page.$$eval('[data-testid^="chart-"]', (cards) =>
    cards.map((c) => c.getAttribute('data-testid')!.slice('chart-'.length)).filter((id) => id !== 'map'),
  );

/** Hovers the chart's first mark that has a size and reads the tip it shows ('' when none shows). */
async function tipOf(page: Page, chart: string): Promise<Tip> {
  const scope = `[data-testid="chart-${chart}"]`;
  const card = page.locator(scope);
  await card.scrollIntoViewIfNeeded();
  await settledCard(page, scope);
  const marks = page.locator(MARKS.map((m) => `${scope} .plot svg ${m}, ${scope} svg.plot ${m}`).join(', '));
  const count = await marks.count();
  for (let i = 0; i < count; i++) {
    const mark = marks.nth(i);
    await mark.scrollIntoViewIfNeeded();
    const box = await mark.boundingBox();
    if (!box || box.width < 1 || box.height < 1) continue;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x - 3, y);
    await page.mouse.move(x, y, { steps: 2 });
    const shown = await page
      .waitForFunction(
        (s) => (document.querySelector(`${s} svg g[aria-label="tip"]`)?.textContent ?? '') !== '',
        scope,
        { timeout: 3_000 },
      )
      .then(
        () => true,
        () => false,
      );
    if (!shown) return { chart, text: '', labels: [] };
    const tip = page.locator(`${scope} svg g[aria-label="tip"]`).first();
    return {
      chart,
      text: (await tip.textContent()) ?? '',
      labels: await tip.locator('tspan[font-weight="bold"]').allTextContents(),
    };
  }
  return { chart, text: '(no mark to hover)', labels: [] };
}

const settledCard = (page: Page, scope: string) =>
  page.waitForFunction((s) => !document.querySelector(`${s}[aria-busy="true"], ${s} [aria-busy="true"]`), scope);

async function open(query: string) {
  const w = await watchedPage(browser, origin, VIEWPORT);
  await w.page.goto(`${baseUrl}?${query}`);
  await w.page.waitForSelector('[data-testid="chart-trend"] svg g[aria-label="bar"]', { timeout: 45_000 });
  await settled(w.page);
  return w;
}

/** What is wrong with a tip's labels in a language. */
function problems(tip: Tip, lang: 'zh-CN' | 'en'): string[] {
  const out: string[] = [];
  if (tip.text === '') out.push(`${tip.chart}: no tip`);
  for (const label of tip.labels.map((l) => l.trim())) {
    if (RAW.has(label)) out.push(`${tip.chart}: raw channel name "${label}" in «${tip.text}»`);
    else if (lang === 'zh-CN' && /[A-Za-z]/.test(label)) out.push(`${tip.chart}: Latin label "${label}"`);
    else if (lang === 'en' && /[\u3400-\u9fff]/.test(label)) out.push(`${tip.chart}: Chinese label "${label}"`);
  }
  return out;
}

for (const lang of ['zh-CN', 'en'] as const) {
  const query = lang === 'en' ? 'lang=en' : '';

  test(`every Plot chart's tip names its lines in ${lang}`, async () => {
    const { page, errors } = await open(query);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    const charts = await plotCharts(page);
    // The dashboard's charts, at least the trend, the countries and the events timeline.
    expect(charts).toEqual(expect.arrayContaining(['trend', 'countries', 'events']));
    const tips: Tip[] = [];
    for (const chart of charts) tips.push(await tipOf(page, chart));
    expect(tips.flatMap((t) => problems(t, lang))).toEqual([]);
    // Where a channel's label is expected, it is there: the direction of a direction-split bar.
    const direction = lang === 'en' ? 'Direction' : '方向';
    expect(tips.find((t) => t.chart === 'countries')?.labels).toContain(direction);
    expect(tips.find((t) => t.chart === 'trend')?.labels).toContain(direction);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  for (const split of ['activity_type', 'participant_category'] as const) {
    test(`the trend split by ${split} names its lines in ${lang}`, async () => {
      const { page, errors } = await open([query, `split=${split}`].filter(Boolean).join('&'));
      const tip = await tipOf(page, 'trend');
      expect(problems(tip, lang)).toEqual([]);
      expect(tip.labels.length).toBeGreaterThan(1);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
}
