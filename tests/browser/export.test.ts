import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, watchedPage } from './browser';
import { exportChart } from './harness';
import { defaultFilters } from '../../src/data/filters';
import { countryName } from '../../src/reference/countries';
import { trips } from '../helpers/expected';
import { publishedChartBars } from '../helpers/published';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launch();
  const watched = await watchedPage(browser, origin);
  ({ page, errors } = watched);
  await page.goto(baseUrl);
  await page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
});
afterAll(() => browser?.close());

const exported = (chart: string, kind: string) => exportChart(page, chart, kind);

/** Width, height and the share of pixels that are not white, measured by the browser's own decoder. */
async function pngStats(bytes: Buffer): Promise<{ width: number; height: number; inked: number; titleInked: number }> {
  return page.evaluate(async (base64) => {
    // An <img> may load data: URLs under the page's policy; fetch may not.
    const bitmap = new Image();
    bitmap.src = `data:image/png;base64,${base64}`;
    await bitmap.decode();
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    const dark = (i: number) => data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (dark(i)) inked++;
    // The title's band, top left: text drawn there means the font loaded in the image.
    const scale = bitmap.width / 1008;
    let titleInked = 0;
    let titleArea = 0;
    for (let y = Math.round(24 * scale); y < Math.round(48 * scale); y++) {
      for (let x = Math.round(24 * scale); x < Math.round(200 * scale); x++) {
        titleArea++;
        if (dark((y * bitmap.width + x) * 4)) titleInked++;
      }
    }
    return {
      width: bitmap.width,
      height: bitmap.height,
      inked: inked / (data.length / 4),
      titleInked: titleInked / titleArea,
    };
  }, bytes.toString('base64'));
}

test('SVG: self-contained, with the Chinese title, filters, source and an inlined font', async () => {
  const { name, bytes } = await exported('trend', 'svg');
  expect(name).toMatch(/\.svg$/);
  const svg = bytes.toString('utf8');
  expect(svg).toContain('历年国际交流人次');
  expect(svg).toContain('2014—2019年');
  expect(svg).toContain('来源：安顺职业技术学院国际合作与交流处');
  expect(svg).toMatch(/@font-face\{font-family:'Noto Sans SC'.*src:url\(data:font\/woff2;base64,/);
  expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
});

test('PNG at 2× and 3×: the composed size, not blank', async () => {
  const svg = (await exported('trend', 'svg')).bytes.toString('utf8');
  const width = Number(/<svg[^>]* width="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
  const height = Number(/<svg[^>]* height="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
  for (const [kind, scale] of [
    ['png2', 2],
    ['png3', 3],
  ] as const) {
    const { name, bytes } = await exported('trend', kind);
    expect(name).toMatch(/\.png$/);
    const stats = await pngStats(bytes);
    expect(stats.width).toBe(Math.round(width * scale));
    expect(stats.height).toBe(Math.round(height * scale));
    expect(stats.inked).toBeGreaterThan(0.03);
    expect(stats.titleInked).toBeGreaterThan(0.05);
  }
});

test('CSV: UTF-8 with BOM, the table behind the chart', async () => {
  const { name, bytes } = await exported('countries', 'csv');
  expect(name).toMatch(/\.csv$/);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain('中国台湾');
  expect(errors).toEqual([]);
});

test('CSV and SVG are public by default: sums of rounded base cells, as from the CSV files; unticked, every exact count', async () => {
  const rows = (text: string) =>
    text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(','));
  const open = rows((await exported('countries', 'csv')).bytes.toString('utf8'));
  const svg = (await exported('countries', 'svg')).bytes.toString('utf8');
  await page.click('[data-testid="export-countries"] summary');
  await page.uncheck('[data-testid="export-countries-public"]');
  await page.click('[data-testid="export-countries"] summary');
  const internal = rows((await exported('countries', 'csv')).bytes.toString('utf8'));
  const internalSvg = (await exported('countries', 'svg')).bytes.toString('utf8');
  await page.click('[data-testid="export-countries"] summary');
  await page.check('[data-testid="export-countries-public"]');
  await page.click('[data-testid="export-countries"] summary');

  // The public table: the top 15 by published total (ties by code), each figure a sum of rounded cells.
  const years = trips.map((t) => t.year);
  const expected = publishedChartBars('countries', defaultFilters(Math.min(...years), Math.max(...years)))!;
  expect(open).toEqual(
    expected.map((b) => [countryName(b.key, 'zh-CN'), String(b.outbound), String(b.inbound), String(b.total)]),
  );
  expect(internal.flat().some((cell) => /^\d+$/.test(cell) && Number(cell) % 5 !== 0)).toBe(true);
  // The footer says so in public only.
  expect(svg).toContain('取整到最接近的 5 的倍数');
  expect(internalSvg).not.toContain('取整');
  expect(errors).toEqual([]);
});
