import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultFilters } from '../../src/data/filters';
import { DIRECTIONS, FUNDING, PARTICIPANT_CATEGORIES, REGION_TYPES } from '../../src/data/schema';
import { LOCALES } from '../../src/i18n/messages';
import { COUNTRIES } from '../../src/reference/countries';
import { formatUrlState, isProfileView, parseUrlState, VIEWS, type UrlState } from '../../src/state/url-state';
import { TREND_SPLITS } from '../../src/data/queries/trend-stack';
import { THEMES } from '../../src/state/theme';
import { MAP_MODES, MEASURES } from '../../src/charts/flow-map-types';

const bounds = { min: 2014, max: 2019 };
const countries = COUNTRIES.filter((c) => c.regionType !== 'mainland').map((c) => c.iso2);

const state: fc.Arbitrary<UrlState> = fc
  .record({
    years: fc.tuple(fc.integer({ min: 2014, max: 2019 }), fc.integer({ min: 2014, max: 2019 })),
    direction: fc.constantFrom('all' as const, ...DIRECTIONS),
    region: fc.constantFrom('all' as const, ...REGION_TYPES),
    country: fc.option(fc.constantFrom(...countries)),
    program: fc.option(fc.stringMatching(/^[\w.-]{1,64}$/)),
    category: fc.option(fc.constantFrom(...PARTICIPANT_CATEGORIES)),
    partner: fc.option(fc.stringMatching(/^[\w.-]{1,64}$/)),
    funding: fc.option(fc.constantFrom(...FUNDING)),
    department: fc.option(
      fc.oneof(
        fc.constantFrom('旅游学院', '国际交流与合作处', 'School of Arts & Design'),
        fc.stringMatching(/^[a-zA-Z0-9]{1,64}$/),
      ),
    ),
    locale: fc.constantFrom(...LOCALES),
    view: fc.constantFrom(...VIEWS),
    theme: fc.constantFrom(...THEMES),
    mode: fc.constantFrom(...MAP_MODES),
    measure: fc.constantFrom(...MEASURES),
    zoom: fc.option(
      fc.record({
        k: fc.integer({ min: 101, max: 1200 }).map((n) => n / 100),
        lon: fc.integer({ min: -18000, max: 18000 }).map((n) => n / 100),
        lat: fc.integer({ min: -9000, max: 9000 }).map((n) => n / 100),
      }),
    ),
    partnerId: fc.stringMatching(/^[\w.-]{1,64}$/),
    countryId: fc.constantFrom(...countries),
    split: fc.constantFrom(...TREND_SPLITS),
  })
  .map(({ years, locale, view, theme, mode, measure, zoom, partnerId, countryId, split, ...rest }) => ({
    locale,
    view,
    theme,
    map: { mode, measure, zoom },
    profile: view === 'partner' ? partnerId : view === 'country' ? countryId : null,
    split,
    filters: { ...defaultFilters(2014, 2019), yearFrom: Math.min(...years), yearTo: Math.max(...years), ...rest },
  }));

describe('URL state', () => {
  test('round-trips every valid state', () => {
    fc.assert(
      fc.property(state, (s) => {
        expect(parseUrlState(formatUrlState(s, bounds), bounds)).toEqual(s);
      }),
      { numRuns: 500 },
    );
  });

  test('any query string parses to a valid state', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.dictionary(
          fc.constantFrom(
            'from',
            'to',
            'dir',
            'scope',
            'country',
            'program',
            'category',
            'partner',
            'funding',
            'department',
            'lang',
            'v',
            'view',
            'theme',
            'map',
            'measure',
            'id',
            'split',
            'zoom',
            'at',
          ),
          fc.string(),
        ),
        (junk, dict) => {
          const search = `?${new URLSearchParams(dict).toString()}&${junk}`;
          const { filters, locale, theme, view, profile, map } = parseUrlState(search, bounds);
          expect(VIEWS).toContain(view);
          if (isProfileView(view)) expect(profile).toMatch(/^[\w.-]{1,64}$/);
          else expect(profile).toBeNull();
          if (map.zoom) {
            expect(map.zoom.k).toBeGreaterThan(1);
            expect(map.zoom.k).toBeLessThanOrEqual(12);
            expect(Math.abs(map.zoom.lon)).toBeLessThanOrEqual(180);
            expect(Math.abs(map.zoom.lat)).toBeLessThanOrEqual(90);
          }
          expect(LOCALES).toContain(locale);
          expect(THEMES).toContain(theme);
          expect(filters.yearFrom).toBeGreaterThanOrEqual(bounds.min);
          expect(filters.yearTo).toBeLessThanOrEqual(bounds.max);
          expect(filters.yearFrom).toBeLessThanOrEqual(filters.yearTo);
          expect(['all', ...DIRECTIONS]).toContain(filters.direction);
          if (filters.country !== null) expect(countries).toContain(filters.country);
          if (filters.funding !== null) expect(FUNDING).toContain(filters.funding);
          if (filters.department !== null) expect(filters.department).not.toMatch(/[<>"`=;\p{C}]/u);
        },
      ),
      { numRuns: 500 },
    );
  });

  test.each([
    ['', 'the empty link'],
    ['?country=CN%27%20OR%201%3D1--', 'an injection attempt'],
    [
      '?from=1999&to=2500&dir=sideways&scope=mars&category=ceo&lang=fr&theme=neon&map=globe&measure=gdp',
      'values out of range',
    ],
    ['?program=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', 'markup in an id'],
    ['?from=2019&to=2014', 'a reversed range'],
    ['?country=CN', 'the mainland as a destination'],
    ['?funding=bribes&department=%3Cscript%3E', 'an unknown funding source, markup as a department'],
    ['?department=%E6%97%85%0A%E6%B8%B8', 'a department with a line break'],
    ['?view=partner', 'a partner profile without its partner'],
    ['?view=partner&id=%3Cb%3E', 'a partner profile of markup'],
    ['?view=country&id=CN', 'a profile of the mainland'],
    ['?view=country&id=ZZ', 'a profile of no country'],
    ['?split=country&zoom=99&at=1,2', 'an unknown split, a zoom out of range'],
    ['?zoom=2&at=200,10', 'a centre off the globe'],
    ['?zoom=2&at=10', 'a centre without its latitude'],
    ['?zoom=2&at=1e2,10', 'a centre in exponent notation'],
  ])('%s (%s) gives the default view', (search) => {
    expect(parseUrlState(search, bounds)).toEqual({
      filters: defaultFilters(2014, 2019),
      locale: 'zh-CN',
      view: 'dashboard',
      theme: 'auto',
      map: { mode: 'flows', measure: 'total', zoom: null },
      profile: null,
      split: 'direction',
    });
  });

  test('a profile link names its subject in id; partner= and country= stay the filters', () => {
    const state = parseUrlState('?view=partner&id=cut&partner=fooyin&country=JP', bounds);
    expect(state.view).toBe('partner');
    expect(state.profile).toBe('cut');
    expect(state.filters.partner).toBe('fooyin');
    expect(state.filters.country).toBe('JP');
    const country = parseUrlState('?view=country&id=tw', bounds);
    expect([country.view, country.profile, country.filters.country]).toEqual(['country', 'TW', null]);
    // A link of before the profiles means what it meant: the dashboard, filtered.
    const old = parseUrlState('?partner=cut&country=TW', bounds);
    expect([old.view, old.profile, old.filters.partner, old.filters.country]).toEqual(['dashboard', null, 'cut', 'TW']);
  });

  test('the trend split and the map zoom are written rounded, and only when not the default', () => {
    const base = parseUrlState('', bounds);
    expect(formatUrlState(base, bounds)).toBe('?v=1&lang=zh-CN');
    const search = formatUrlState(
      { ...base, split: 'activity_type', map: { ...base.map, zoom: { k: 3.14159, lon: 121.5678, lat: 24.9999 } } },
      bounds,
    );
    const params = new URLSearchParams(search);
    expect([params.get('split'), params.get('zoom'), params.get('at')]).toEqual(['activity_type', '3.14', '121.57,25']);
    expect(parseUrlState(search, bounds).map.zoom).toEqual({ k: 3.14, lon: 121.57, lat: 25 });
    expect(formatUrlState({ ...base, map: { ...base.map, zoom: { k: 1, lon: 0, lat: 0 } } }, bounds)).toBe(
      '?v=1&lang=zh-CN',
    );
  });

  test('a lower-case country code is read', () => {
    expect(parseUrlState('?country=tw', bounds).filters.country).toBe('TW');
  });
});
