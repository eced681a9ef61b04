import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import type { ChartContext } from '../../src/charts/context';
import { CHARTS } from '../../src/charts/registry';
import { defaultFilters } from '../../src/data/filters';
import { frameCharts, frameSvg, wrapLine, type FrameChart } from '../../src/export/video-frames';
import { formatNumber, translate } from '../../src/i18n/translate';
import { countryName } from '../../src/reference/countries';
import { useBundledEngine } from '../helpers/bundled-engine';
import { yearBounds } from '../helpers/expected';
import { publishedChartBars } from '../helpers/published';

// The playback video's frames (docs/exports.md), drawn in Node over the bundled data: each year's
// bars carry that year's published totals, computed from the CSV files (tests/helpers/published.ts),
// on one scale for all years; each frame names its year and carries the rule.

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const ctx = (width: number): ChartContext => ({
  t: (key, params) => translate('zh-CN', key, params),
  n: (v) => formatNumber('zh-CN', v),
  country: (code) => countryName(code, 'zh-CN'),
  width,
  locale: 'zh-CN',
});
const db = useBundledEngine();
const { min, max } = yearBounds();
const years = Array.from({ length: max - min + 1 }, (_, i) => min + i);
const chart = CHARTS.find((c) => c.id === 'countries')!;
let frames: FrameChart[];

const texts = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map((n) => n.textContent ?? '');

beforeAll(async () => {
  // Put back after this file: the fast project's files share a worker's globals (vitest.config.ts).
  vi.stubGlobal('document', window.document);
  vi.stubGlobal('XMLSerializer', window.XMLSerializer);
  vi.stubGlobal('SVGSVGElement', window.SVGSVGElement);
  frames = await frameCharts(
    chart,
    defaultFilters(min, max),
    years.map((y) => [y, y] as const),
    ctx,
    async (q) => (await db().query(q.sql, q.params)) as never[],
  );
}, 120_000);
afterAll(() => vi.unstubAllGlobals());

describe('video frames', () => {
  test("each year's bars carry that year's published totals", () => {
    expect(frames.map((f) => f.frame[1])).toEqual(years);
    for (const f of frames) {
      const year = f.frame[1];
      const expected = publishedChartBars('countries', defaultFilters(year, year))!
        .map((b) => b.total)
        .filter((v) => v > 0)
        .sort((a, b) => a - b);
      const drawn = texts(f.chart, 'g[aria-label="text"] text')
        .map(Number)
        .filter((v) => v > 0)
        .sort((a, b) => a - b);
      expect(drawn, String(year)).toEqual(expected);
      expect(expected.length, String(year)).toBeGreaterThan(0);
    }
  });

  test('one scale for every year: the same countries and the same axis', () => {
    const axis = texts(frames[0]!.chart, 'g[aria-label="x-axis tick label"] text');
    const names = texts(frames[0]!.chart, 'g[aria-label="y-axis tick label"] text');
    expect(axis.length).toBeGreaterThan(3);
    expect(names.length).toBeGreaterThan(5);
    for (const f of frames) {
      expect(texts(f.chart, 'g[aria-label="x-axis tick label"] text')).toEqual(axis);
      expect(texts(f.chart, 'g[aria-label="y-axis tick label"] text')).toEqual(names);
    }
    // The largest year's total fits the axis.
    const largest = Math.max(
      ...years.flatMap((y) => publishedChartBars('countries', defaultFilters(y, y))!.map((b) => b.total)),
    );
    expect(Math.max(...axis.map((t) => Number(t.replace(/,/g, ''))))).toBeGreaterThanOrEqual(largest - 10);
  });

  test('a frame: 1920×1080, its year large, the title, filters and the rule, the data as text only', () => {
    const rule = translate('zh-CN', 'export.protected', { n: 5 });
    const svg = frameSvg(
      frames.at(-1)!,
      {
        title: '主要交流国家和地区',
        subtitle: '<b>筛选</b>',
        footer: ['来源', rule],
        frameLabel: ([, to]) => ({ year: String(to), note: '' }),
      },
      '',
    );
    const doc = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['1920', '1080']);
    expect(doc.querySelector('[data-frame-year]')?.textContent).toBe(String(max));
    expect(doc.querySelector('b')).toBeNull();
    const words = texts(root, ':scope > text');
    expect(words).toContain('主要交流国家和地区');
    expect(words).toContain('<b>筛选</b>');
    expect(words.join('')).toContain(rule.replace(/\s/g, '').slice(0, 20));
  });

  test('long lines wrap within the frame', () => {
    const en = translate('en', 'export.protected', { n: 5 });
    const lines = wrapLine(en, 22, 1824);
    expect(lines.length).toBe(2);
    expect(lines.join(' ')).toBe(en);
    const zh = '为'.repeat(100);
    expect(wrapLine(zh, 22, 1824).map((l) => l.length)).toEqual([82, 18]);
  });
});
