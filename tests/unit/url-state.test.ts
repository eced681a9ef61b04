import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultFilters } from '../../src/data/filters';
import { DIRECTIONS, PARTICIPANT_CATEGORIES, REGION_TYPES } from '../../src/data/schema';
import { LOCALES } from '../../src/i18n/messages';
import { COUNTRIES } from '../../src/reference/countries';
import { formatUrlState, parseUrlState, VIEWS, type UrlState } from '../../src/state/url-state';
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
    locale: fc.constantFrom(...LOCALES),
    view: fc.constantFrom(...VIEWS),
    theme: fc.constantFrom(...THEMES),
    mode: fc.constantFrom(...MAP_MODES),
    measure: fc.constantFrom(...MEASURES),
  })
  .map(({ years, locale, view, theme, mode, measure, ...rest }) => ({
    locale,
    view,
    theme,
    map: { mode, measure },
    filters: { yearFrom: Math.min(...years), yearTo: Math.max(...years), ...rest },
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
            'lang',
            'v',
            'view',
            'theme',
            'map',
            'measure',
          ),
          fc.string(),
        ),
        (junk, dict) => {
          const search = `?${new URLSearchParams(dict).toString()}&${junk}`;
          const { filters, locale, theme } = parseUrlState(search, bounds);
          expect(LOCALES).toContain(locale);
          expect(THEMES).toContain(theme);
          expect(filters.yearFrom).toBeGreaterThanOrEqual(bounds.min);
          expect(filters.yearTo).toBeLessThanOrEqual(bounds.max);
          expect(filters.yearFrom).toBeLessThanOrEqual(filters.yearTo);
          expect(['all', ...DIRECTIONS]).toContain(filters.direction);
          if (filters.country !== null) expect(countries).toContain(filters.country);
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
  ])('%s (%s) gives the default view', (search) => {
    expect(parseUrlState(search, bounds)).toEqual({
      filters: defaultFilters(2014, 2019),
      locale: 'zh-CN',
      view: 'dashboard',
      theme: 'auto',
      map: { mode: 'flows', measure: 'total' },
    });
  });

  test('a lower-case country code is read', () => {
    expect(parseUrlState('?country=tw', bounds).filters.country).toBe('TW');
  });
});
