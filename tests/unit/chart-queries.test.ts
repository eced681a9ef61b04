import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingest } from '../../src/data/ingest';
import {
  agreementsTimelineQuery,
  categoriesQuery,
  continentsQuery,
  durationBandsQuery,
  eventsTimelineQuery,
  groupsQuery,
  netFlowQuery,
  partnersRankedQuery,
  programsRankedQuery,
  referenceNamesQuery,
  trendStackQuery,
  TREND_SPLITS,
  type TrendSplit,
} from '../../src/data/queries';
import { defaultFilters, type Filters } from '../../src/data/filters';
import { countryByIso2 } from '../../src/reference/countries';
import { bundledTexts, openNodeEngine } from '../helpers/node-engine';
import { csv, matching, sumBy, type Trip } from '../helpers/expected';

// Expectations are computed from the CSV text in plain TypeScript (tests/helpers/expected.ts), not by the app's SQL.
type Engine = Awaited<ReturnType<typeof openNodeEngine>>;
let engine: Engine;

const programs = csv('programs.csv');
const partners = csv('partners.csv');
const agreements = csv('agreements.csv');
const events = csv('events.csv');

const rowsToMap = (rows: Record<string, unknown>[], key: (r: Record<string, unknown>) => string, value = 'headcount') =>
  new Map(rows.map((r) => [key(r), r[value] as number]));

async function run(q: { sql: string; params: (string | number | boolean | null)[] }) {
  return engine.query(q.sql, q.params);
}

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
  { ...ALL, program: 'asean-short', category: 'student', direction: 'outbound' },
];

beforeAll(async () => {
  engine = await openNodeEngine();
  await ingest(engine, bundledTexts());
});
afterAll(() => engine.close());

const bandOf = (days: number | null) =>
  days === null
    ? 'unknown'
    : days <= 7
      ? 'd1_7'
      : days <= 30
        ? 'd8_30'
        : days <= 90
          ? 'd31_90'
          : days <= 180
            ? 'd91_180'
            : 'd181_plus';
const activityOf: Record<TrendSplit, (t: Trip) => string> = {
  direction: (t) => t.direction,
  activity_type: (t) => t.activity,
  participant_category: (t) => t.category,
};

describe.each(CASES)('filters %o', (filters) => {
  test.each(TREND_SPLITS)('trend by year split by %s', async (split) => {
    const rows = await run(trendStackQuery(filters, split));
    const ts = matching(filters);
    expect(rowsToMap(rows, (r) => `${r.year}/${r.key}`)).toEqual(sumBy(ts, (t) => `${t.year}/${activityOf[split](t)}`));
    for (const r of rows) {
      const provisional = ts.some((t) => t.year === r.year && activityOf[split](t) === r.key && t.provisional);
      expect(r.provisional).toBe(provisional);
    }
  });

  test.each(['program', 'partner'] as const)('%s ranked, the selection of its kind left out', async (kind) => {
    const q = kind === 'program' ? programsRankedQuery(filters, 5) : partnersRankedQuery(filters, 5);
    const rows = await run(q);
    const ts = matching(filters, kind).filter((t) => t[kind] !== '');
    const totals = sumBy(ts, (t) => t[kind]);
    const top = [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
    expect([...new Map(rows.map((r) => [r.id, r.total])).entries()]).toEqual(top);
    expect(rowsToMap(rows, (r) => `${r.id}/${r.direction}`)).toEqual(
      new Map(
        [...sumBy(ts, (t) => `${t[kind]}/${t.direction}`)].filter(([k]) => top.some(([id]) => k.startsWith(`${id}/`))),
      ),
    );
    const reference = kind === 'program' ? programs : partners;
    for (const r of rows) {
      const ref = reference.find((p) => p.id === r.id)!;
      expect([r.name_zh, r.name_en]).toEqual([ref.name_zh, ref.name_en]);
      expect(r.country).toBe(kind === 'partner' ? ref.country : null);
    }
  });

  test('participant categories, the category selection left out', async () => {
    const rows = await run(categoriesQuery(filters));
    expect(rowsToMap(rows, (r) => `${r.category}/${r.direction}`)).toEqual(
      sumBy(matching(filters, 'category'), (t) => `${t.category}/${t.direction}`),
    );
  });

  test('net flow per country: inbound − outbound, direction and country selection not applied', async () => {
    const rows = await run(netFlowQuery(filters));
    const ts = matching(filters, 'country', true);
    const inbound = sumBy(ts, (t) => (t.direction === 'inbound' ? t.country : null));
    const outbound = sumBy(ts, (t) => (t.direction === 'outbound' ? t.country : null));
    const countries = [...new Set(ts.map((t) => t.country))];
    const expected = countries.map((c) => {
      const i = inbound.get(c) ?? 0;
      const o = outbound.get(c) ?? 0;
      return { country: c, region_type: countryByIso2(c)!.regionType, inbound: i, outbound: o, net: i - o };
    });
    expected.sort((a, b) => b.net - a.net || (a.country < b.country ? -1 : 1));
    expect(rows).toEqual(expected);
  });

  test('duration bands, an undated end counted as unknown', async () => {
    const rows = await run(durationBandsQuery(filters));
    const ts = matching(filters);
    expect(rowsToMap(rows, (r) => `${r.band}/${r.direction}`)).toEqual(
      sumBy(ts, (t) => `${bandOf(t.days)}/${t.direction}`),
    );
    const records = new Map<string, number>();
    for (const t of ts)
      records.set(`${bandOf(t.days)}/${t.direction}`, (records.get(`${bandOf(t.days)}/${t.direction}`) ?? 0) + 1);
    expect(rowsToMap(rows, (r) => `${r.band}/${r.direction}`, 'records')).toEqual(records);
  });

  test('continents and groups (ASEAN, CEEC)', async () => {
    const ts = matching(filters);
    const continents = await run(continentsQuery(filters));
    expect(rowsToMap(continents, (r) => `${r.key}/${r.direction}`)).toEqual(
      sumBy(ts, (t) => `${countryByIso2(t.country)!.continent}/${t.direction}`),
    );
    const groups = await run(groupsQuery(filters));
    const expected = new Map<string, number>();
    const members = new Map<string, Set<string>>();
    for (const t of ts)
      for (const g of countryByIso2(t.country)!.groups) {
        expected.set(`${g}/${t.direction}`, (expected.get(`${g}/${t.direction}`) ?? 0) + t.headcount);
        members.set(`${g}/${t.direction}`, (members.get(`${g}/${t.direction}`) ?? new Set()).add(t.country));
      }
    expect(rowsToMap(groups, (r) => `${r.key}/${r.direction}`)).toEqual(expected);
    expect(rowsToMap(groups, (r) => `${r.key}/${r.direction}`, 'countries')).toEqual(
      new Map([...members].map(([k, s]) => [k, s.size])),
    );
  });

  test('agreements as spans: in force during the years, in the scope', async () => {
    const rows = await run(agreementsTimelineQuery(filters));
    const partnerOf = new Map(partners.map((p) => [p.id!, p]));
    const expected = agreements
      .filter((a) => {
        const country = partnerOf.get(a.partner!)?.country ?? '';
        return (
          Number(a.signed_date!.slice(0, 4)) <= filters.yearTo &&
          (!a.end_date || Number(a.end_date.slice(0, 4)) >= filters.yearFrom) &&
          (filters.region === 'all' || countryByIso2(country)?.regionType === filters.region) &&
          (filters.country === null || country === filters.country) &&
          (filters.partner === null || a.partner === filters.partner)
        );
      })
      .sort((a, b) => (a.signed_date! < b.signed_date! ? -1 : 1))
      .map((a) => ({
        id: a.id,
        partner: a.partner,
        name_zh: partnerOf.get(a.partner!)!.name_zh,
        name_en: partnerOf.get(a.partner!)!.name_en,
        country: partnerOf.get(a.partner!)!.country,
        agreement_type: a.agreement_type,
        signed: a.signed_date,
        end: a.end_date || null,
        status: a.status || 'active',
      }));
    expect(rows).toEqual(expected);
  });

  test('events that start in the years', async () => {
    const rows = await run(eventsTimelineQuery(filters));
    const iso = (s: string) => (s.length === 7 ? `${s}-01` : s);
    const expected = events
      .filter(
        (e) =>
          Number(e.start_date!.slice(0, 4)) >= filters.yearFrom && Number(e.start_date!.slice(0, 4)) <= filters.yearTo,
      )
      .sort((a, b) =>
        iso(a.start_date!) < iso(b.start_date!)
          ? -1
          : iso(a.start_date!) > iso(b.start_date!)
            ? 1
            : a.id! < b.id!
              ? -1
              : 1,
      )
      .map((e) => [
        e.id,
        e.kind,
        e.name_en,
        iso(e.start_date!),
        iso(e.end_date || e.start_date!),
        e.delegates ? Number(e.delegates) : null,
      ]);
    expect(rows.map((r) => [r.id, r.kind, r.name_en, r.start, r.end, r.delegates])).toEqual(expected);
  });
});

test('the seed forums and memberships are on the events timeline', async () => {
  const rows = await run(eventsTimelineQuery(ALL));
  const kinds = new Set(rows.map((r) => r.kind));
  expect(kinds).toEqual(new Set(['forum', 'membership', 'award', 'hosted_visit']));
  expect(rows.filter((r) => r.kind === 'membership').map((r) => r.start)).toEqual(['2018-01-01', '2018-05-01']);
});

test('reference names: every program and partner', async () => {
  const rows = await run(referenceNamesQuery());
  expect(rows.filter((r) => r.kind === 'program').length).toBe(programs.length);
  expect(rows.filter((r) => r.kind === 'partner').length).toBe(partners.length);
});

test('names reach SQL only from allowlists', () => {
  expect(() => trendStackQuery(ALL, 'headcount; DROP TABLE facts' as TrendSplit)).toThrow(/invalid trend split/);
});
