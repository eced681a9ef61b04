import { describe, expect, test } from 'vitest';
import { activeAgreementsQuery, agreementsTimelineQuery } from '../../src/data/queries';
import { defaultFilters, type Filters } from '../../src/data/filters';
import { countryByIso2 } from '../../src/reference/countries';
import { useBundledEngine } from '../helpers/bundled-engine';
import { csv, trips } from '../helpers/expected';

// 有效合作协议 / Agreements in force, counted for the years selected: an agreement counts when its
// signed_date..end_date span overlaps the years (an empty end_date: still in force), whatever its
// status today. The expected counts are computed here from agreements.csv, by dates, not by the app's SQL.
const engine = useBundledEngine();
const agreements = csv('agreements.csv');
const partners = csv('partners.csv');
const countryOf = new Map(partners.map((p) => [p.id!, p.country!]));

const time = (s: string) => Date.parse(s.length === 7 ? `${s}-01` : s);

function inForce(f: Filters): string[] {
  const from = Date.UTC(f.yearFrom, 0, 1);
  const to = Date.UTC(f.yearTo, 11, 31);
  return agreements
    .filter((a) => {
      const country = countryOf.get(a.partner!) ?? '';
      return (
        time(a.signed_date!) <= to &&
        (!a.end_date || time(a.end_date) >= from) &&
        (f.region === 'all' || countryByIso2(country)?.regionType === f.region) &&
        (f.country === null || country === f.country) &&
        (f.partner === null || a.partner === f.partner)
      );
    })
    .map((a) => a.id!)
    .sort();
}

const years = [...new Set(trips.map((t) => t.year))].sort((a, b) => a - b);
const first = years[0]!;
const last = years.at(-1)!;
const ALL = defaultFilters(first, last);
const expired = agreements.find((a) => a.status === 'expired');
const single = years.map((y) => ({ ...ALL, yearFrom: y, yearTo: y }));
const ranges: Filters[] = [
  ALL,
  { ...ALL, yearTo: first + 1 },
  { ...ALL, yearFrom: first + 2, yearTo: first + 3 },
  { ...ALL, yearFrom: last - 1 },
  { ...ALL, yearFrom: last + 5, yearTo: last + 6 },
  { ...ALL, yearFrom: first - 3, yearTo: first - 1 },
  { ...ALL, region: 'hk_macao_tw' },
  { ...ALL, yearFrom: first, yearTo: first, region: 'foreign' },
  { ...ALL, country: 'TW', yearTo: first + 2 },
  ...(expired
    ? [
        { ...ALL, partner: expired.partner!, yearFrom: last, yearTo: last },
        { ...ALL, partner: expired.partner!, yearFrom: Number(expired.signed_date!.slice(0, 4)) },
      ]
    : []),
];

async function count(f: Filters): Promise<number> {
  const q = activeAgreementsQuery(f);
  const [row] = await engine().query(q.sql, q.params);
  return row!.agreements as number;
}

describe('agreements in force for the years selected', () => {
  test('the sample has an agreement no longer in force today, for the cases to mean something', () => {
    expect(agreements.some((a) => a.status === 'expired')).toBe(true);
  });

  test.each(single.map((f) => [f.yearFrom, f] as const))('the year %i', async (_, f) => {
    expect(await count(f)).toBe(inForce(f).length);
  });

  test.each(ranges.map((f) => [JSON.stringify(f), f] as const))('%s', async (_, f) => {
    expect(await count(f)).toBe(inForce(f).length);
  });

  test.each([...single, ...ranges].map((f) => [JSON.stringify(f), f] as const))(
    'the tile and the agreements timeline agree: %s',
    async (_, f) => {
      const q = agreementsTimelineQuery(f);
      const rows = await engine().query(q.sql, q.params);
      expect(rows.map((r) => r.id as string).sort()).toEqual(inForce(f));
      expect(await count(f)).toBe(rows.length);
    },
  );
});
