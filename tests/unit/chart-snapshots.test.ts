import { describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import type * as Plot from '@observablehq/plot';
import { renderPlot } from '../../src/charts/render';
import type { ChartContext } from '../../src/charts/context';
import { trendByYear, trendTable } from '../../src/charts/trend-by-year';
import { trendStacked } from '../../src/charts/trend-stacked';
import { topCountries } from '../../src/charts/top-countries';
import { ranked, rankedTable } from '../../src/charts/ranked';
import { enumBars, enumTable } from '../../src/charts/categories';
import { breakdownBars, breakdownTable } from '../../src/charts/breakdown';
import { chartSummary } from '../../src/charts/summary';
import { netFlow, netFlowTable } from '../../src/charts/net-flow';
import { agreementsTimeline, agreementsTable } from '../../src/charts/agreements-timeline';
import { eventsTimeline, eventsTable } from '../../src/charts/events-timeline';
import { formatNumber, translate } from '../../src/i18n/translate';
import { countryName } from '../../src/reference/countries';
import type { Locale } from '../../src/i18n/messages';
import * as rows from './chart-rows';

// Fixed rows in, SVG out: a change to a chart shows up as a diff of its snapshot.
const { window } = new JSDOM('<!doctype html><html><body></body></html>');

function ctx(locale: Locale, extra: Partial<ChartContext> = {}): ChartContext {
  return {
    t: (key, params) => translate(locale, key, params),
    n: (value) => formatNumber(locale, value),
    country: (code) => countryName(code, locale),
    width: 640,
    locale,
    ...extra,
  };
}

/** The SVG as stable text: numbers rounded to one decimal, Plot's generated class and ids made constant. */
function svgOf(spec: Plot.PlotOptions): string {
  const element = renderPlot(spec, window.document);
  return element.outerHTML
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/plot-[0-9a-f]{6}/g, 'plot-x')
    .replace(/><(?!\/)/g, '>\n<');
}

const CASES: [string, () => Plot.PlotOptions][] = [
  ['trend-direction', () => trendByYear(rows.trend, ctx('zh-CN'))],
  ['trend-direction-selected', () => trendByYear(rows.trend, ctx('zh-CN', { years: [2017, 2017] }))],
  ['trend-activity', () => trendStacked(rows.trendActivity, 'activity_type', ctx('zh-CN'))],
  ['trend-category-en', () => trendStacked(rows.trendCategory, 'participant_category', ctx('en'))],
  ['countries', () => topCountries(rows.countries, ctx('zh-CN'))],
  ['countries-en-selected', () => topCountries(rows.countries, ctx('en', { selected: 'TW' }))],
  ['programs', () => ranked(rows.programs, 'program', ctx('zh-CN'))],
  ['partners-en', () => ranked(rows.partners, 'partner', ctx('en', { selected: 'fooyin' }))],
  ['categories', () => enumBars(rows.categories, 'categories', ctx('zh-CN'))],
  ['duration', () => enumBars(rows.duration, 'duration', ctx('zh-CN'))],
  ['continents', () => enumBars(rows.continents, 'continents', ctx('en'))],
  ['groups', () => enumBars(rows.groups, 'groups', ctx('zh-CN'))],
  ['net-flow', () => netFlow(rows.netFlow, ctx('zh-CN', { selected: 'TW' }))],
  [
    'net-flow-fixed',
    () => netFlow(rows.netFlow.slice(0, 2), ctx('zh-CN', { fixed: { min: -60, max: 90, keys: ['TW', 'US', 'NP'] } })),
  ],
  ['agreements', () => agreementsTimeline(rows.agreements, ctx('zh-CN', { years: [2014, 2019] }))],
  ['events-en', () => eventsTimeline(rows.events, ctx('en', { years: [2015, 2019] }))],
  ['narrow-programs', () => ranked(rows.programs, 'program', ctx('en', { width: 343 }))],
  ['funding', () => breakdownBars(rows.funding, 'funding', ctx('zh-CN', { selected: 'partner' }))],
  ['department-en', () => breakdownBars(rows.departments, 'department', ctx('en'))],
];

/**
 * Under CI (any non-empty CI, as .ci/run sets it) a missing snapshot fails instead of being written, so a
 * snapshot deleted or never committed cannot pass unseen. Vitest does this only for the values it reads as true.
 */
function requireSnapshotUnderCi(path: string): void {
  if (process.env.CI && !existsSync(new URL(path, import.meta.url))) {
    throw new Error(
      `missing snapshot ${path} under CI=${process.env.CI}: run the test without CI to write it, and commit it`,
    );
  }
}

describe('chart snapshots', () => {
  test.each(CASES)('%s', async (name, spec) => {
    const path = `../snapshots/charts/${name}.svg`;
    requireSnapshotUnderCi(path);
    await expect(svgOf(spec())).toMatchFileSnapshot(path);
  });
});

describe('chart tables', () => {
  test('the trend table has a row per year with both directions', () => {
    const table = trendTable(rows.trend, ctx('zh-CN'));
    expect(table.columns.map((c) => c.label)).toEqual(['年份', '出访人次', '来访人次', '含暂定数据']);
    expect(table.rows[0]).toEqual({ cells: ['2016', '10', '4', '否'], select: '2016', name: '2016' });
    expect(table.rows.at(-1)!.cells).toEqual(['2018', '30', '12', '是']);
  });

  test('countries are headed 国家和地区 and Taiwan is named as a region of China', () => {
    const table = netFlowTable(rows.netFlow, ctx('zh-CN'));
    expect(table.columns[0]!.label).toBe('国家和地区');
    expect(table.rows.map((r) => r.cells[0])).toContain('中国台湾');
    const en = netFlowTable(rows.netFlow, ctx('en'));
    expect(en.columns[0]!.label).toBe('Country or region');
    expect(en.rows.map((r) => r.cells[0])).toContain('Taiwan, China');
  });

  test('ranked tables name programs and partners per language and select by id', () => {
    expect(rankedTable(rows.programs, 'program', ctx('en')).rows[0]).toMatchObject({
      cells: ['Cross-Strait Credit Exchange Program', '40', '12', '52'],
      select: 'cross-strait-credit',
    });
    expect(rankedTable(rows.partners, 'partner', ctx('zh-CN')).rows[0]!.cells[0]).toBe('辅英科技大学（中国台湾）');
  });

  test('enum tables translate their keys; duration keeps its natural order', () => {
    expect(enumTable(rows.duration, 'duration', ctx('zh-CN')).rows.map((r) => r.cells[0])).toEqual([
      '7天以内',
      '8—30天',
      '91—180天',
      '时长不详',
    ]);
    expect(enumTable(rows.categories, 'categories', ctx('en')).rows[0]).toMatchObject({
      cells: ['Students', '60', '20', '80'],
      select: 'student',
    });
    expect(enumTable(rows.groups, 'groups', ctx('zh-CN')).rows[0]!.select).toBeUndefined();
  });

  test('funding codes are translated; departments are named in English when listed, else by their own name', () => {
    expect(breakdownTable(rows.funding, 'funding', ctx('zh-CN')).rows.map((r) => r.cells)).toEqual([
      ['学院经费', '48', '12', '60'],
      ['合作方资助', '0', '35', '35'],
      ['国家/政府资助', '9', '0', '9'],
    ]);
    expect(breakdownTable(rows.funding, 'funding', ctx('en')).rows[0]).toMatchObject({
      cells: ['College budget', '48', '12', '60'],
      select: 'college',
    });
    const en = breakdownTable(rows.departments, 'department', ctx('en'));
    expect(en.columns[0]!.label).toBe('Department');
    expect(en.rows.map((r) => [r.cells[0], r.select])).toEqual([
      ['School of Tourism', '旅游学院'],
      ['International Exchange and Cooperation Office', '国际交流与合作处'],
      ['新设学院', '新设学院'],
    ]);
    expect(chartSummary('department', rows.departments, ctx('en'))).toContain('School of Tourism (41)');
    expect(chartSummary('funding', rows.funding, ctx('zh-CN'))).toContain('学院经费（60）');
  });

  test('agreement and event tables', () => {
    const a = agreementsTable(rows.agreements, ctx('en'));
    expect(a.rows[1]!.cells).toEqual([
      'China University of Technology',
      'Taiwan, China',
      'Academic exchange agreement',
      'June 18, 2015',
      'open-ended',
      'Active',
    ]);
    const e = eventsTable(rows.events, ctx('en'));
    expect(e.rows.map((r) => r.cells[1])).toEqual(['Forum', 'Membership', 'Award', 'Hosted visit']);
    expect(e.rows.flatMap((r) => r.cells).join('')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
