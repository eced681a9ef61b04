import { describe, expect, test } from 'vitest';
import { defaultFilters } from '../../src/data/filters';
import { activeChips, filtersSubtitle, type LabelContext } from '../../src/state/filter-labels';
import { CHARTS } from '../../src/charts/registry';
import { enumLabel, mergeFixed, truncate, textWidth } from '../../src/charts/common';
import { translate, formatNumber } from '../../src/i18n/translate';
import { countryName } from '../../src/reference/countries';
import type { Locale } from '../../src/i18n/messages';
import type { ChartContext } from '../../src/charts/context';

const labels = (locale: Locale): LabelContext => ({
  t: (key, params) => translate(locale, key, params),
  country: (code) => countryName(code, locale),
  locale,
  names: new Map([
    [
      'program:cross-strait-credit',
      { name_zh: '海峡两岸学分互认交换生项目', name_en: 'Cross-Strait Credit Exchange Program' },
    ],
    ['partner:fooyin', { name_zh: '辅英科技大学', name_en: 'Fooyin University' }],
  ]),
  span: [2014, 2019],
});
const ALL = defaultFilters(2014, 2019);

describe('filter chips and subtitles', () => {
  test('no chip while every filter is at its default; the subtitle still says the years and scope', () => {
    expect(activeChips(ALL, labels('zh-CN'))).toEqual([]);
    expect(filtersSubtitle(ALL, labels('zh-CN'))).toBe('2014—2019年，国（境）外');
    expect(filtersSubtitle(ALL, labels('en'))).toBe('2014–2019, Foreign + HK, Macao & Taiwan');
  });

  test('every active filter is a chip, named in the page language', () => {
    const f = {
      ...ALL,
      yearFrom: 2017,
      yearTo: 2017,
      direction: 'outbound' as const,
      region: 'hk_macao_tw' as const,
      country: 'TW',
      program: 'cross-strait-credit',
      category: 'student',
      partner: 'fooyin',
    };
    expect(activeChips(f, labels('zh-CN')).map((c) => c.label)).toEqual([
      '2017年',
      '方向：出访',
      '范围：港澳台',
      '国家和地区：中国台湾',
      '项目：海峡两岸学分互认交换生项目',
      '人员类别：学生',
      '合作院校：辅英科技大学',
    ]);
    expect(activeChips(f, labels('en')).map((c) => c.label)).toEqual([
      '2017',
      'Direction: Outbound',
      'Scope: HK, Macao & Taiwan',
      'Country or region: Taiwan, China',
      'Program: Cross-Strait Credit Exchange Program',
      'Category: Students',
      'Partner: Fooyin University',
    ]);
    expect(filtersSubtitle(f, labels('en'))).toBe(
      '2017, HK, Macao & Taiwan, Direction: Outbound, Country or region: Taiwan, China, Program: Cross-Strait Credit Exchange Program, Category: Students, Partner: Fooyin University',
    );
  });

  test('an unknown id or category shows as itself', () => {
    const chips = activeChips({ ...ALL, program: 'p-x', category: 'visitor' }, labels('zh-CN'));
    expect(chips.map((c) => c.label)).toEqual(['项目：p-x', '人员类别：visitor']);
  });
});

describe('chart registry', () => {
  const byId = new Map(CHARTS.map((c) => [c.id, c]));

  test('every chart has a unique id and a title in both languages', () => {
    expect(byId.size).toBe(CHARTS.length);
    for (const chart of CHARTS) {
      expect(translate('zh-CN', chart.title)).not.toBe('');
      expect(translate('en', chart.title)).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test('a clicked datum gives the value its selection toggles', () => {
    expect(
      byId.get('countries')!.select!.pick({ key: 'TW', name: '中国台湾', direction: 'inbound', headcount: 3 }),
    ).toBe('TW');
    expect(byId.get('netflow')!.select!.pick({ country: 'DE', net: -3 })).toBe('DE');
    expect(byId.get('programs')!.select!.pick({ key: 'asean-short' })).toBe('asean-short');
    expect(byId.get('agreements')!.select!.pick({ d: { partner: 'cut' }, open: true })).toBe('cut');
    expect(byId.get('categories')!.select!.pick(null)).toBeNull();
    expect(byId.get('duration')!.select).toBeUndefined();
  });

  test('charts that select leave their own selection out of their query', () => {
    const f = { ...ALL, country: 'TW', program: 'asean-short', category: 'student', partner: 'cut' };
    const own = {
      countries: 'TW',
      netflow: 'TW',
      programs: 'asean-short',
      categories: 'student',
      partners: 'cut',
      agreements: 'cut',
    };
    for (const [id, value] of Object.entries(own)) expect(byId.get(id)!.query(f).params).not.toContain(value);
  });
});

describe('chart helpers', () => {
  const ctx = (locale: Locale): ChartContext => ({
    t: (key, params) => translate(locale, key, params),
    n: (v) => formatNumber(locale, v),
    country: (code) => countryName(code, locale),
    width: 640,
    locale,
  });

  test('enum labels translate known values and keep unknown ones', () => {
    expect(enumLabel(ctx('zh-CN'), 'activity', 'credit_exchange')).toBe('学分互认交换');
    expect(enumLabel(ctx('en'), 'event', 'hosted_visit')).toBe('Hosted visit');
    expect(enumLabel(ctx('en'), 'agreement', 'framework')).toBe('framework');
    expect(enumLabel(ctx('zh-CN'), 'band', null)).toBe('未指定');
  });

  test('labels are cut to a width, CJK counted full width', () => {
    expect(textWidth('中国台湾')).toBe(48);
    // The ellipsis is full width too: the cut label, ellipsis included, fits the width.
    expect(truncate('海峡两岸学分互认交换生项目', 80)).toBe('海峡两岸学…');
    expect(textWidth(truncate('海峡两岸学分互认交换生项目', 80))).toBeLessThanOrEqual(80);
    expect(textWidth(truncate('Portland Community Technical College (United States)', 120))).toBeLessThanOrEqual(120);
    expect(truncate('Japan', 80)).toBe('Japan');
  });

  test('fixed scales merge to the widest extent and every key seen', () => {
    const a = { max: 10, keys: ['TW', 'DE'], names: new Map([['TW', '中国台湾']]) };
    const b = { min: -4, max: 7, keys: ['NP', 'TW'] };
    expect(mergeFixed(a, b)).toEqual({
      min: -4,
      max: 10,
      keys: ['TW', 'DE', 'NP'],
      names: new Map([['TW', '中国台湾']]),
    });
    expect(mergeFixed({ min: 100 }, { min: 50, max: 200 })).toEqual({ min: 50, max: 200 });
  });
});
