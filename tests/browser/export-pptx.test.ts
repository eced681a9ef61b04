import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, watchedPage } from './browser';
import { exportChart } from './harness';
import { ROUNDING_BASE } from '../../src/config/disclosure';
import { defaultFilters, type Filters } from '../../src/data/filters';
import { translate } from '../../src/i18n/translate';
import type { MessageKey } from '../../src/i18n/messages';
import { countryName } from '../../src/reference/countries';
import { csv, trips } from '../helpers/expected';
import { publishedChartBars, publishedMatching, publishedTrend } from '../helpers/published';

// The presenter's deck as .pptx (issue 15), exported in Chromium and opened here as the zip it is:
// a slide per view with its title; bars as native charts whose cached categories and values are the
// public figures computed from data/*.csv (tests/helpers/published.ts); the map and the timelines
// as pictures; the fonts Office and WPS have declared.

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
let browser: Browser;
let page: Page;
let errors: string[];

const years = trips.map((t) => t.year);
const MIN = Math.min(...years);
const MAX = Math.max(...years);
const all = defaultFilters(MIN, MAX);
const zh = (key: MessageKey) => translate('zh-CN', key);

beforeAll(async () => {
  browser = await launch();
  ({ page, errors } = await watchedPage(browser, origin));
  await page.goto(baseUrl);
  await page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
});
afterAll(() => browser?.close());

async function exportDeck(from: Page = page): Promise<JSZip> {
  const page = from;
  await page.click('[data-testid="present"] + details summary');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    page.click('[data-testid="deck-pptx"]'),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pptx$/);
  const bytes = await readFile((await download.path())!);
  await page.click('[data-testid="present"] + details summary');
  return JSZip.loadAsync(bytes);
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]!));

interface Slide {
  xml: string;
  texts: string[];
  chart: string | null;
  images: string[];
}

async function slides(zip: JSZip): Promise<Slide[]> {
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]));
  return Promise.all(
    names.map(async (name) => {
      const xml = await zip.file(name)!.async('string');
      const rels = await zip
        .file(name.replace('slides/', 'slides/_rels/').replace('.xml', '.xml.rels'))!
        .async('string');
      // Targets are relative to the slide (../media/…) or to the package (/ppt/charts/…).
      const targets = [...rels.matchAll(/Target="(?:\.\.\/|\/ppt\/)([^"]+)"/g)].map((m) => `ppt/${m[1]}`);
      const chartFile = targets.find((t) => t.startsWith('ppt/charts/'));
      return {
        xml,
        texts: texts(xml),
        chart: chartFile ? await zip.file(chartFile)!.async('string') : null,
        images: targets.filter((t) => t.startsWith('ppt/media/')),
      };
    }),
  );
}

/** A chart part's series: name, cached categories and values. */
function series(chart: string) {
  return [...chart.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) => {
    const points = (part: string) =>
      [
        ...(new RegExp(`<c:${part}>([\\s\\S]*?)</c:${part}>`).exec(ser!)?.[1] ?? '').matchAll(
          /<c:pt idx="(\d+)">\s*<c:v>([^<]*)<\/c:v>/g,
        ),
      ].map((m) => decode(m[2]!));
    return { name: points('tx')[0], categories: points('cat'), values: points('val').map(Number) };
  });
}

function expectBars(chart: string, stacked: boolean, names: string[], outbound: number[], inbound: number[]) {
  expect(chart).toContain('<c:barChart>');
  expect(chart).toMatch(stacked ? /<c:barDir val="bar"\/>/ : /<c:barDir val="col"\/>/);
  expect(chart).toMatch(stacked ? /<c:grouping val="stacked"\/>/ : /<c:grouping val="clustered"\/>/);
  const [out, inn] = series(chart);
  expect(out!.name).toBe(zh('direction.outbound'));
  expect(inn!.name).toBe(zh('direction.inbound'));
  expect(out!.categories).toEqual(names);
  expect(inn!.categories).toEqual(names);
  expect(out!.values).toEqual(outbound);
  expect(inn!.values).toEqual(inbound);
}

function expectTrend(chart: string, f: Filters) {
  const trend = publishedTrend(f);
  const shown = [...new Set(publishedMatching(f).map((t) => t.year))].sort((a, b) => a - b);
  expectBars(
    chart,
    false,
    shown.map(String),
    shown.map((y) => trend.get(`${y}:outbound`) ?? 0),
    shown.map((y) => trend.get(`${y}:inbound`) ?? 0),
  );
}

function expectRanked(chart: string, id: string, f: Filters, name: (key: string) => string) {
  const bars = publishedChartBars(id, f)!;
  expect(bars.length).toBeGreaterThan(0);
  expectBars(
    chart,
    true,
    bars.map((b) => name(b.key)),
    bars.map((b) => b.outbound),
    bars.map((b) => b.inbound),
  );
}

/** Width and height of a PNG, from its IHDR chunk. */
const pngSize = (bytes: Uint8Array) => {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

test('the default deck as .pptx: a slide per view, native bar charts of the public figures, the map as a picture', async () => {
  const zip = await exportDeck();
  const deck = await slides(zip);
  expect(deck).toHaveLength(6);
  const titles = ['chart.trend.title', 'chart.countries.title', 'chart.trend.title', 'chart.countries.title'];
  expect(deck.map((s) => s.texts[0])).toEqual(
    [...titles, 'chart.countries.title', 'map.title'].map((k) => zh(k as MessageKey)),
  );
  const source = zh('chart.source');
  for (const slide of deck) {
    // Title, filters, then source, the public rule and the date at the foot.
    expect(slide.texts[1]).toMatch(new RegExp(`^${MIN}|^${MAX - 2}`));
    expect(slide.texts).toContain(source);
    expect(slide.texts).toContain(translate('zh-CN', 'export.protected', { n: ROUNDING_BASE }));
    // Chinese in a face Office and WPS have.
    expect(slide.xml).toContain('<a:ea typeface="Microsoft YaHei"');
  }
  const recent = { ...all, yearFrom: MAX - 2, direction: 'outbound' as const, region: 'foreign' as const };
  expectTrend(deck[0]!.chart!, all);
  expectRanked(deck[1]!.chart!, 'countries', all, (k) => countryName(k, 'zh-CN'));
  expectTrend(deck[2]!.chart!, { ...all, region: 'hk_macao_tw' });
  expectRanked(deck[3]!.chart!, 'countries', recent, (k) => countryName(k, 'zh-CN'));
  expectRanked(deck[4]!.chart!, 'countries', { ...all, direction: 'inbound' }, (k) => countryName(k, 'zh-CN'));

  const map = deck[5]!;
  expect(map.chart).toBeNull();
  expect(map.images).toHaveLength(1);
  const png = await zip.file(map.images[0]!)!.async('uint8array');
  expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  // High resolution: at least twice the 1920 px slide's width of the picture.
  expect(pngSize(png).width).toBeGreaterThanOrEqual(2400);

  const theme = await zip.file('ppt/theme/theme1.xml')!.async('string');
  expect(theme).toContain('<a:font script="Hans" typeface="等线"/>');
  expect(errors).toEqual([]);
}, 180_000);

test('a deck with partners and a timeline: names with their places, the timeline as a picture', async () => {
  const custom = {
    version: 1,
    slides: [
      { chart: 'partners', view: '' },
      { chart: 'agreements', view: '' },
    ],
  };
  await page.click('[data-testid="present"] + details summary');
  await page.setInputFiles('[data-testid="deck-open"]', {
    name: 'custom.deck.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(custom)),
  });
  await page.click('[data-testid="present"] + details summary');
  const zip = await exportDeck();
  const deck = await slides(zip);
  expect(deck.map((s) => s.texts[0])).toEqual([zh('chart.partners.title'), zh('chart.agreements.title')]);
  const partners = new Map(csv('partners.csv').map((p) => [p.id!, p]));
  expectRanked(deck[0]!.chart!, 'partners', all, (id) => {
    const p = partners.get(id)!;
    return `${p.name_zh}（${countryName(p.country!, 'zh-CN')}）`;
  });
  expect(deck[1]!.chart).toBeNull();
  expect(deck[1]!.images).toHaveLength(1);
  expect(errors).toEqual([]);
  // Back to the default deck for the other tests.
  await page.click('[data-testid="present"] + details summary');
  await page.getByRole('button', { name: zh('present.reset') }).click();
}, 180_000);

test('the map exported as SVG and PNG keeps its line-width legend and names the largest countries and regions', async () => {
  const svg = (await exportChart(page, 'map', 'svg')).bytes.toString('utf8');
  const group = (id: string) => new RegExp(`<g[^>]*data-testid="${id}"[^>]*>([\\s\\S]*?)</g>`).exec(svg)?.[1] ?? '';
  const textsOf = (xml: string) => [...xml.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]!));
  // The widths' legend: its title, then a line and a count per width.
  const legend = group('map-width-legend');
  expect(textsOf(legend)[0]).toBe(zh('map.legend.width'));
  expect((legend.match(/<line /g) ?? []).length).toBeGreaterThan(1);
  // The largest by published person-trips (both ways) over the CSV files, named on the map.
  const totals = new Map<string, number>();
  for (const t of publishedMatching(all))
    if (t.country !== 'CN') totals.set(t.country, (totals.get(t.country) ?? 0) + t.headcount);
  const largest = [...totals]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([code]) => countryName(code, 'zh-CN'));
  const named = textsOf(group('map-labels'));
  expect(named.length).toBeGreaterThanOrEqual(3);
  expect(named[0]).toBe(largest[0]);
  for (const name of named) expect(largest.slice(0, 8)).toContain(name);
  // The PNG is the same picture at twice its size.
  const png = (await exportChart(page, 'map', 'png2')).bytes;
  const width = Number(/<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
  expect(pngSize(png).width).toBe(Math.round(width * 2));
  expect(errors).toEqual([]);
}, 120_000);

test('in English the deck is English, set in Arial', async () => {
  const en = await watchedPage(browser, origin);
  await en.page.goto(`${baseUrl}?lang=en`);
  await en.page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  const deck = await slides(await exportDeck(en.page));
  expect(deck.map((s) => s.texts[0])).toEqual(
    ['chart.trend.title', 'chart.countries.title', 'chart.trend.title', 'chart.countries.title']
      .concat(['chart.countries.title', 'map.title'])
      .map((k) => translate('en', k as MessageKey)),
  );
  expect(deck[0]!.texts).toContain(translate('en', 'chart.source'));
  expect(deck[0]!.xml).toContain('<a:latin typeface="Arial"');
  expect(series(deck[1]!.chart!).map((s) => s.name)).toEqual([
    translate('en', 'direction.outbound'),
    translate('en', 'direction.inbound'),
  ]);
  expect(en.errors).toEqual([]);
  await en.page.context().close();
}, 180_000);
