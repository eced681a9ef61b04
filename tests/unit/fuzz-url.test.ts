/**
 * Hostile links: any value in any URL parameter gives valid filters, and reaches SQL only as a
 * bound value: every query's text is the same whatever the values, and the values are its params.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { Filters } from '../../src/data/filters';
import * as queries from '../../src/data/queries';
import { DIRECTIONS, PARTICIPANT_CATEGORIES, REGION_TYPES } from '../../src/data/schema';
import type { BuiltQuery } from '../../src/data/sql';
import { LOCALES } from '../../src/i18n/messages';
import { parseUrlState } from '../../src/state/url-state';

const BOUNDS = { min: 2014, max: 2019 };
const PAYLOADS = [
  "CN' OR 1=1--",
  "x'); DROP TABLE facts; --",
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '%27%20OR%20%271%27=%271',
  '1e9',
  '../../etc/passwd',
  "x' UNION SELECT * FROM read_csv('/etc/passwd') --",
  '\u0000',
  'TW',
  'a.b-c_d',
];
const value = fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 80 }), fc.stringMatching(/^[\w.-]{1,70}$/));
const PARAMS = ['from', 'to', 'dir', 'scope', 'country', 'category', 'program', 'partner', 'lang', 'view', 'v'];
const search = fc
  .array(fc.tuple(fc.constantFrom(...PARAMS), value), { maxLength: 12 })
  .map((pairs) => `?${new URLSearchParams(pairs).toString()}`);

/** Every query builder that takes the filters. */
const BUILDERS: [string, (f: Filters) => BuiltQuery][] = [
  ['kpi', queries.kpiQuery],
  ['activeAgreements', queries.activeAgreementsQuery],
  ['trendByYear', queries.trendByYearQuery],
  ['topCountries', (f) => queries.topCountriesQuery(f)],
  ['categories', queries.categoriesQuery],
  ['netFlow', queries.netFlowQuery],
  ['durationBands', queries.durationBandsQuery],
  ['continents', queries.continentsQuery],
  ['groups', queries.groupsQuery],
  ['agreementsTimeline', queries.agreementsTimelineQuery],
  ['eventsTimeline', queries.eventsTimelineQuery],
  ['flows', queries.flowsQuery],
  ['rankedProgram', (f) => queries.rankedQuery(f, 'program', 10)],
  ['rankedPartner', (f) => queries.rankedQuery(f, 'partner', 10)],
];

/** The same filters with every free value replaced: what the SQL text may depend on is presence, not value. */
function neutral(f: Filters): Filters {
  return {
    ...f,
    yearFrom: 1,
    yearTo: 2,
    country: f.country === null ? null : 'ZZ',
    program: f.program === null ? null : 'p',
    partner: f.partner === null ? null : 'q',
    category: f.category === null ? null : 'c',
  };
}

describe('hostile URL parameters', () => {
  test('2000 random links: valid filters, values only bound', () => {
    let withValues = 0;
    fc.assert(
      fc.property(search, (s) => {
        const state = parseUrlState(s, BOUNDS);
        const f = state.filters;
        expect(f.yearFrom).toBeGreaterThanOrEqual(BOUNDS.min);
        expect(f.yearTo).toBeLessThanOrEqual(BOUNDS.max);
        expect(f.yearFrom).toBeLessThanOrEqual(f.yearTo);
        expect(['all', ...DIRECTIONS]).toContain(f.direction);
        expect(['all', ...REGION_TYPES]).toContain(f.region);
        expect(LOCALES).toContain(state.locale);
        if (f.category !== null) expect(PARTICIPANT_CATEGORIES).toContain(f.category);
        if (f.country !== null) expect(f.country).toMatch(/^[A-Z]{2}$/);
        for (const id of [f.program, f.partner]) if (id !== null) expect(id).toMatch(/^[\w.-]{1,64}$/);
        if (f.program !== null || f.partner !== null) withValues++;
        for (const [, build] of BUILDERS) {
          const query = build(f);
          expect(query.sql).toBe(build(neutral(f)).sql);
        }
        const kpi = queries.kpiQuery(f);
        for (const id of [f.country, f.category, f.program, f.partner])
          if (id !== null) expect(kpi.params).toContain(id);
      }),
      { numRuns: 2000, seed: 5 },
    );
    expect(withValues).toBeGreaterThan(100);
  });

  test.each(PAYLOADS.filter((p) => /\W/.test(p)))('%j as every parameter gives a valid view', (payload) => {
    const s = `?${new URLSearchParams(PARAMS.map((p) => [p, payload])).toString()}`;
    const { filters } = parseUrlState(s, BOUNDS);
    for (const [, build] of BUILDERS) {
      const query = build(filters);
      expect(query.sql).not.toContain(payload);
    }
  });
});
