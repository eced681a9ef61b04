import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingest } from '../../src/data/ingest';
import {
  activeAgreementsQuery,
  kpiQuery,
  topCountriesQuery,
  trendByYearQuery,
  yearSpanQuery,
} from '../../src/data/queries';
import { defaultFilters, type Filters } from '../../src/data/filters';
import { countryByIso2 } from '../../src/reference/countries';
import { bundledTexts, openNodeEngine } from '../helpers/node-engine';
import { csv, matching, sum, trips } from '../helpers/expected';

type Engine = Awaited<ReturnType<typeof openNodeEngine>>;
let engine: Engine;

// The expected figures are computed in plain TypeScript from the CSV text (tests/helpers/expected.ts),
// independently of the app's SQL.
const exchanges = csv('exchanges.csv');
const agreements = csv('agreements.csv');
const partners = csv('partners.csv');

const ALL: Filters = defaultFilters(2014, 2019);
const CASES: Filters[] = [
  ALL,
  { ...ALL, yearFrom: 2017, region: 'hk_macao_tw' },
  { ...ALL, yearTo: 2016, direction: 'outbound', region: 'foreign' },
  { ...ALL, yearFrom: 2018, yearTo: 2018, direction: 'inbound' },
  { ...ALL, yearFrom: 2030, yearTo: 2031 },
  { ...ALL, country: 'TW' },
  { ...ALL, country: 'DE', category: 'teacher' },
  { ...ALL, program: 'cross-strait-credit', partner: 'fooyin' },
];

beforeAll(async () => {
  engine = await openNodeEngine();
  await ingest(engine, bundledTexts());
});
afterAll(() => engine.close());

describe('ingest of the bundled data', () => {
  test('loads every exchange row and rejects none', async () => {
    const [row] = await engine.query('SELECT count(*)::INTEGER AS n FROM facts');
    expect(row!.n).toBe(exchanges.length);
    expect(exchanges.length).toBeGreaterThanOrEqual(150);
  });

  test('the year span is that of the data', async () => {
    const years = trips.map((t) => t.year);
    expect(await engine.query(yearSpanQuery().sql)).toEqual([{ min: Math.min(...years), max: Math.max(...years) }]);
  });
});

describe.each(CASES)('filters %o', (filters) => {
  test('KPI tiles equal figures computed from the CSV', async () => {
    const q = kpiQuery(filters);
    const [row] = await engine.query(q.sql, q.params);
    const ts = matching(filters);
    expect(row).toEqual({
      outbound: sum(ts.filter((t) => t.direction === 'outbound')),
      inbound: sum(ts.filter((t) => t.direction === 'inbound')),
      countries: new Set(ts.map((t) => t.country)).size,
      partners: new Set(ts.map((t) => t.partner).filter(Boolean)).size,
    });
  });

  test('trend by year sums to the same person-trips', async () => {
    const q = trendByYearQuery(filters);
    const rows = await engine.query(q.sql, q.params);
    const ts = matching(filters);
    const expected = new Map<string, number>();
    for (const t of ts)
      expected.set(`${t.year}/${t.direction}`, (expected.get(`${t.year}/${t.direction}`) ?? 0) + t.headcount);
    expect(new Map(rows.map((r) => [`${r.year}/${r.direction}`, r.headcount]))).toEqual(expected);
    for (const r of rows) {
      expect(r.provisional).toBe(ts.some((t) => t.year === r.year && t.direction === r.direction && t.provisional));
    }
  });

  test('top countries are ranked by total person-trips', async () => {
    const q = topCountriesQuery(filters, 5);
    const rows = await engine.query(q.sql, q.params);
    const totals = new Map<string, number>();
    for (const t of matching(filters)) totals.set(t.country, (totals.get(t.country) ?? 0) + t.headcount);
    const top = [...totals.values()].sort((a, b) => b - a).slice(0, 5);
    const got = [...new Map(rows.map((r) => [r.country, r.total as number])).values()];
    expect(got).toEqual(top);
    for (const r of rows) expect(r.total).toBe(totals.get(r.country as string));
  });

  test('agreements in force during the years (whatever their status today), in the scope', async () => {
    const q = activeAgreementsQuery(filters);
    const [row] = await engine.query(q.sql, q.params);
    const countryOf = new Map(partners.map((p) => [p.id!, p.country!]));
    const expected = agreements.filter((a) => {
      const region = countryByIso2(countryOf.get(a.partner!) ?? '')?.regionType;
      return (
        Number(a.signed_date!.slice(0, 4)) <= filters.yearTo &&
        (!a.end_date || Number(a.end_date.slice(0, 4)) >= filters.yearFrom) &&
        (filters.region === 'all' || region === filters.region) &&
        (filters.country === null || countryOf.get(a.partner!) === filters.country) &&
        (filters.partner === null || a.partner === filters.partner)
      );
    }).length;
    expect(row!.agreements).toBe(expected);
  });
});

test('a hostile filter value is bound, not spliced into SQL', async () => {
  const q = kpiQuery({ ...ALL, direction: "outbound' OR 1=1 --" as Filters['direction'] });
  expect(q.sql).not.toContain('1=1');
  const [row] = await engine.query(q.sql, q.params);
  expect(row).toEqual({ outbound: 0, inbound: 0, countries: 0, partners: 0 });
});
