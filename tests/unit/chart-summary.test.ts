import { describe, expect, it } from 'vitest';
import type { ChartContext } from '../../src/charts/context';
import {
  agreementsSummary,
  chartSummary,
  countriesSummary,
  flowsSummary,
  netFlowSummary,
  trendSummary,
} from '../../src/charts/summary';
import { formatNumber, translate } from '../../src/i18n/translate';
import type { Locale } from '../../src/i18n/messages';
import { countryName } from '../../src/reference/countries';
import * as rows from './chart-rows';

const ctx = (locale: Locale, n = (v: number) => formatNumber(locale, v)): ChartContext => ({
  t: (key, params) => translate(locale, key, params),
  n,
  country: (code) => countryName(code, locale),
  width: 640,
  locale,
});
const asStack = rows.trend.map((d) => ({ year: d.year, key: d.direction, headcount: d.headcount }));

describe('chart summaries', () => {
  it('says the change of each direction since the first year', () => {
    expect(trendSummary(asStack, ctx('zh-CN'))).toBe(
      '出访从2016年的10人次变为2018年的30人次（+200%）。来访从2016年的4人次变为2018年的12人次（+200%）。',
    );
    expect(trendSummary(asStack, ctx('en'))).toBe(
      'Outbound: 10 person-trips in 2016, 30 in 2018 (+200%). Inbound: 4 person-trips in 2016, 12 in 2018 (+200%).',
    );
    const oneYear = asStack.filter((d) => d.year === 2017);
    expect(trendSummary(oneYear, ctx('en'))).toBe(
      'Outbound: 18 person-trips in 2017. Inbound: 25 person-trips in 2017.',
    );
  });

  it('says the total and the largest part of a stacked split', () => {
    expect(trendSummary(rows.trendActivity, ctx('en'), 'activity_type')).toBe(
      'In all: 14 person-trips in 2016, 42 in 2018 (+200%). ' +
        'Most person-trips: Training (43), Credit exchange (28), and Study visit (23).',
    );
  });

  it('names the top countries and regions with their person-trips', () => {
    expect(countriesSummary(rows.countries, ctx('zh-CN'))).toBe(
      '人次最多的是中国台湾（90）、德国（24）和尼泊尔（9）。',
    );
    expect(countriesSummary(rows.countries, ctx('en'))).toBe(
      'Most person-trips: Taiwan, China (90), Germany (24), and Nepal (9).',
    );
    expect(chartSummary('countries', rows.countries, ctx('en'))).toBe(countriesSummary(rows.countries, ctx('en')));
  });

  it('a public view: ranks ties by code, never by a true value; no percentage on a base below 25', () => {
    const publicCtx = { ...ctx('en'), published: true };
    // The United States and the United Kingdom both publish 5: ranked by code.
    const tied: typeof rows.countries = [
      { country: 'US', region_type: 'foreign', direction: 'outbound', headcount: 5, total: 5 },
      { country: 'GB', region_type: 'foreign', direction: 'inbound', headcount: 5, total: 5 },
    ];
    expect(countriesSummary(tied, publicCtx)).toBe('Most person-trips: United Kingdom (5) and United States (5).');
    // Published 10 → 30 and 5 → 10: too small a base for a percentage in public; the dashboard gives it.
    const published = [
      { year: 2016, key: 'outbound', headcount: 10 },
      { year: 2018, key: 'outbound', headcount: 30 },
      { year: 2016, key: 'inbound', headcount: 25 },
      { year: 2018, key: 'inbound', headcount: 10 },
    ];
    expect(trendSummary(published, publicCtx)).toBe(
      'Outbound: 10 person-trips in 2016, 30 in 2018. Inbound: 25 person-trips in 2016, 10 in 2018 (-60%).',
    );
    expect(trendSummary(published, ctx('en'))).toContain('30 in 2018 (+200%)');
  });

  it('names the largest net sender and receiver', () => {
    expect(netFlowSummary(rows.netFlow, ctx('en'))).toBe(
      'Most sent beyond those received: Taiwan, China (30 more outbound). ' +
        'Most received beyond those sent: United States (15 more inbound).',
    );
  });

  it('dates agreements in the locale’s form', () => {
    expect(agreementsSummary(rows.agreements, ctx('zh-CN'))).toBe(
      '共3份协议，涉及3所合作院校，签署于2014年5月20日至2016年10月12日之间。',
    );
    expect(agreementsSummary(rows.agreements, ctx('en'))).toBe(
      '3 agreements with 3 partner institutions, signed between May 20, 2014 and October 12, 2016.',
    );
  });

  it('summarises every chart of the registry, and says nothing of no rows', () => {
    const cases: [string, readonly unknown[]][] = [
      ['netflow', rows.netFlow],
      ['programs', rows.programs],
      ['partners', rows.partners],
      ['categories', rows.categories],
      ['duration', rows.duration],
      ['continents', rows.continents],
      ['groups', rows.groups],
      ['agreements', rows.agreements],
      ['events', rows.events],
      ['trend', rows.trend],
    ];
    for (const [id, data] of cases) {
      expect(chartSummary(id, data, ctx('en')), id).toMatch(/^[A-Z0-9].{20,}\.$/);
      expect(chartSummary(id, data, ctx('zh-CN')), id).toMatch(/。$/);
      expect(chartSummary(id, [], ctx('en')), id).toBe('');
    }
    expect(chartSummary('programs', rows.programs, ctx('en'))).toBe(
      'Most person-trips: Cross-Strait Credit Exchange Program (52) and Provincial Confucius Institute Project (9).',
    );
  });

  it('counts the map’s places', () => {
    const flows = [
      { country: 'TW', total: 90 },
      { country: 'US', total: 25 },
    ];
    expect(flowsSummary(flows, ctx('zh-CN'))).toBe(
      '与2个国家和地区有交流往来。人次最多的是中国台湾（90）和美国（25）。',
    );
  });
});
