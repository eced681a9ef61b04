import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { csvParse } from 'd3';
import { ingest } from '../../src/data/ingest';
import { flowsQuery } from '../../src/data/queries';
import { defaultFilters, type Filters } from '../../src/data/filters';
import { countryByIso2 } from '../../src/reference/countries';
import { bundledTexts, openNodeEngine, readDataFile } from '../helpers/node-engine';

// The expected arcs are computed here from the CSV text, independently of the SQL.
const exchanges = csvParse(readDataFile('exchanges.csv'));
const partners = new Map(csvParse(readDataFile('partners.csv')).map((p) => [p.id!, p]));

interface Place {
  city_zh: string | null;
  city_en: string | null;
  lon: number;
  lat: number;
}

/** Where an arc ends: the partner's city when it has coordinates in that country, else the country's point. */
function placeOf(country: string, partnerId: string): Place {
  const p = partners.get(partnerId);
  if (p && p.country === country && p.latitude && p.longitude) {
    return {
      city_zh: p.city_zh || null,
      city_en: p.city_en || null,
      lon: Number(p.longitude),
      lat: Number(p.latitude),
    };
  }
  const c = countryByIso2(country)!;
  return { city_zh: null, city_en: null, lon: c.lon, lat: c.lat };
}

function expectedFlows(f: Filters): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of exchanges) {
    const year = Number(r.start_date!.slice(0, 4));
    const country = r.country!;
    const region = countryByIso2(country)!.regionType;
    if (year < f.yearFrom || year > f.yearTo) continue;
    if (f.direction !== 'all' && r.direction !== f.direction) continue;
    if (f.region !== 'all' && region !== f.region) continue;
    // The country selection is not applied: the map keeps every country.
    if (f.program !== null && r.program !== f.program) continue;
    if (f.category !== null && r.participant_category !== f.category) continue;
    if (f.partner !== null && r.partner !== f.partner) continue;
    const place = placeOf(country, r.partner ?? '');
    const key = [country, region, r.direction, place.city_zh, place.city_en, place.lon, place.lat].join('|');
    sums.set(key, (sums.get(key) ?? 0) + Number(r.headcount));
  }
  return sums;
}

type Engine = Awaited<ReturnType<typeof openNodeEngine>>;
let engine: Engine;
beforeAll(async () => {
  engine = await openNodeEngine();
  await ingest(engine, bundledTexts());
});
afterAll(() => engine.close());

const ALL = defaultFilters(2014, 2019);
const CASES: Filters[] = [
  ALL,
  { ...ALL, country: 'TW' },
  { ...ALL, yearFrom: 2017, region: 'hk_macao_tw' },
  { ...ALL, yearTo: 2016, direction: 'outbound', region: 'foreign' },
  { ...ALL, category: 'teacher', country: 'DE' },
  { ...ALL, partner: 'fooyin' },
  { ...ALL, yearFrom: 2030, yearTo: 2031 },
];

describe.each(CASES)('flows for %o', (filters) => {
  test('arcs and their person-trips equal the CSV', async () => {
    const q = flowsQuery(filters);
    const rows = await engine.query(q.sql, q.params);
    const got = new Map(
      rows.map((r) => [
        [r.country, r.region_type, r.direction, r.city_zh, r.city_en, r.lon, r.lat].join('|'),
        r.headcount as number,
      ]),
    );
    expect(got.size).toBe(rows.length);
    expect(got).toEqual(expectedFlows(filters));
  });
});

test('the country selection leaves the map every country, with the same figures', async () => {
  const all = flowsQuery(ALL);
  const tw = flowsQuery({ ...ALL, country: 'TW' });
  expect(await engine.query(tw.sql, tw.params)).toEqual(await engine.query(all.sql, all.params));
});

test('values are bound, never spliced into the SQL', () => {
  const q = flowsQuery({ ...ALL, partner: "x' OR 1=1 --", program: 'p' });
  expect(q.sql).not.toContain('OR 1=1');
  expect(q.params).toContain("x' OR 1=1 --");
});

test('cities: Taiwan’s arcs end at the partners’ cities', async () => {
  const q = flowsQuery(ALL);
  const rows = await engine.query(q.sql, q.params);
  const cities = new Set(rows.filter((r) => r.country === 'TW').map((r) => r.city_en));
  expect(cities).toEqual(new Set(['Taipei', 'Taichung', 'Kaohsiung', ...(cities.has(null) ? [null] : [])]));
});
