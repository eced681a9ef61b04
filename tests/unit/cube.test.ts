/**
 * Per-view pre-aggregates (src/data/cube.ts) on the real engine in Node, over 60,000 generated
 * exchanges (scripts/bench/generate.ts): queries are routed by the columns they declare, and
 * every dashboard query gives the same rows over the pre-aggregates as over `facts`, for random
 * filter states. The duration bands' counts of records, read from a pre-aggregate's record counts,
 * are checked against a count of the generated CSV's records in plain TypeScript.
 */
import { csvParse } from 'd3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exchangesCsv } from '../../scripts/bench/generate';
import { CHARTS } from '../../src/charts/registry';
import { BASE_COLUMNS, PREAGG_MAX_TABLES, PreAggregates, SMALL_ROWS } from '../../src/data/cube';
import { defaultFilters, type Filters } from '../../src/data/filters';
import { ingest } from '../../src/data/ingest';
import {
  activeAgreementsQuery,
  durationBandsQuery,
  flowsQuery,
  kpiQuery,
  referenceNamesQuery,
  TREND_SPLITS,
  trendByYearQuery,
  trendStackQuery,
  yearSpanQuery,
} from '../../src/data/queries';
import type { BuiltQuery } from '../../src/data/sql';
import { publicQueryOf } from '../../src/disclosure/public-cells';
import { bundledTexts, openNodeEngine } from '../helpers/node-engine';

const SLOW = 240_000;
const ROWS = 60_000;

/** Every query the dashboard asks for these filters (the KPI tiles, the trend, the map, every card). */
function dashboardQueries(filters: Filters): BuiltQuery<unknown>[] {
  return [
    yearSpanQuery(),
    referenceNamesQuery(),
    kpiQuery(filters),
    activeAgreementsQuery(filters),
    trendByYearQuery(filters),
    flowsQuery(filters),
    ...TREND_SPLITS.map((split) => trendStackQuery(filters, split)),
    ...CHARTS.map((def) => def.query(filters)),
  ];
}

/** The duration band of a record as facts derives it (src/data/ingest.ts), counted apart from the app's SQL. */
function bandOf(start: string, end: string): string {
  if (!end) return 'unknown';
  const days = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000 + 1;
  if (days <= 7) return 'd1_7';
  if (days <= 30) return 'd8_30';
  if (days <= 90) return 'd31_90';
  if (days <= 180) return 'd91_180';
  return 'd181_plus';
}

/** Person-trips and records per duration band and direction of one country's records in a span of years, from the CSV. */
function bandsFromCsv(csv: string, country: string, yearFrom: number, yearTo: number) {
  const cells = new Map<string, { band: string; direction: string; headcount: number; records: number }>();
  for (const r of csvParse(csv)) {
    const year = Number(r.start_date!.slice(0, 4));
    if (r.country !== country || year < yearFrom || year > yearTo) continue;
    const band = bandOf(r.start_date!, r.end_date!);
    const key = `${band}|${r.direction}`;
    const cell = cells.get(key) ?? { band, direction: r.direction!, headcount: 0, records: 0 };
    cell.headcount += Number(r.headcount);
    cell.records += 1;
    cells.set(key, cell);
  }
  return [...cells.values()].sort((a, b) =>
    a.band < b.band ? -1 : a.band > b.band ? 1 : a.direction < b.direction ? -1 : 1,
  );
}

describe('per-view pre-aggregates over large data', () => {
  let csv = '';
  let engine: Awaited<ReturnType<typeof openNodeEngine>>;
  let values: { country: string[]; program: string[]; partner: string[]; category: string[] };
  let factsRows = 0;
  beforeAll(async () => {
    engine = await openNodeEngine();
    const texts = bundledTexts();
    csv = exchangesCsv(ROWS, 3);
    texts.set('exchanges.csv', csv);
    await ingest(engine, texts);
    const distinct = async (column: string) =>
      (await engine.query(`SELECT DISTINCT ${column} AS v FROM facts WHERE ${column} IS NOT NULL ORDER BY v`)).map(
        (r) => String(r.v),
      );
    values = {
      country: await distinct('country'),
      program: await distinct('program'),
      partner: await distinct('partner'),
      category: await distinct('participant_category'),
    };
    factsRows = Number((await engine.query('SELECT count(*)::INTEGER AS n FROM facts'))[0]!.n);
  }, SLOW);
  afterAll(() => engine?.close());

  const run = async (sql: string, query: BuiltQuery<unknown>) => engine.query(sql, query.params);
  const preaggTables = async () =>
    (await engine.query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'preagg_%'")).length;

  test(
    'routes by the declaration: sums and counts of records read a small table, the bundled sample reads facts',
    async () => {
      expect(factsRows).toBeGreaterThanOrEqual(50_000);
      const preaggs = new PreAggregates();
      await preaggs.reset(engine);
      expect(preaggs.active).toBe(true);
      const f = defaultFilters(2014, 2025);

      const kpis = await preaggs.route(kpiQuery(f));
      expect(kpis.table).not.toBeNull();
      const table = preaggs.tables.find((t) => t.name === kpis.table)!;
      expect(table.keys).toEqual(['country', 'direction', 'partner', 'year']);
      expect(table.facts).toBe(true);
      expect(table.rows).toBeLessThan(factsRows / 10);
      expect(kpis.sql).toContain(`FROM ${kpis.table} AS facts`);

      // A count of records reads a pre-aggregate too: its count(*) becomes the sum of the table's counts.
      const bands = durationBandsQuery(f);
      const routedBands = await preaggs.route(bands);
      expect(routedBands.table).not.toBeNull();
      expect(preaggs.tables.find((t) => t.name === routedBands.table)!.rows).toBeLessThan(factsRows / 10);
      expect(routedBands.sql).toContain('sum(rows)');
      expect(await run(routedBands.sql, bands)).toEqual(await run(bands.sql, bands));
      // … and gives the records of the CSV, one country's (a click on it) as counted in plain TypeScript.
      expect(csvParse(csv).length).toBe(factsRows);
      const country = values.country[1]!;
      const clicked = durationBandsQuery({ ...f, country });
      const expected = bandsFromCsv(csv, country, f.yearFrom, f.yearTo);
      expect(expected.reduce((n, r) => n + r.records, 0)).toBeGreaterThan(500);
      const clickedRoute = await preaggs.route(clicked);
      expect(clickedRoute.table).not.toBeNull();
      expect(await run(clickedRoute.sql, clicked)).toEqual(expected);
      // Over the published cells, a pre-aggregate of them (counting cells, as the query does over them).
      const publicBands = publicQueryOf(bands);
      const overCells = await preaggs.route(publicBands);
      expect(preaggs.tables.find((t) => t.name === overCells.table)).toMatchObject({ facts: false });
      expect(await run(overCells.sql, publicBands)).toEqual(await run(publicBands.sql, publicBands));
      // A measure no pre-aggregate answers reads the cells materialised once.
      const listed = { ...publicBands, measures: ['rows' as const] };
      const cells = await preaggs.route(listed);
      expect(cells.table).not.toBeNull();
      expect(preaggs.tables.find((t) => t.name === cells.table)!.keys).toBeNull();
      expect(await run(cells.sql, listed)).toEqual(await run(listed.sql, listed));
      // A query of no facts runs as written.
      expect((await preaggs.route(referenceNamesQuery())).table).toBeNull();

      // Undeclared, a query runs as written even where its SQL would fit.
      const { sql, params } = kpiQuery(f);
      const bare = { sql, params };
      expect((await preaggs.route(bare)).table).toBeNull();

      await preaggs.clear();
      expect(await preaggTables()).toBe(0);

      const small = await openNodeEngine();
      try {
        await ingest(small, bundledTexts());
        const sample = new PreAggregates();
        await sample.reset(small);
        expect(sample.active).toBe(false);
        expect((await sample.route(kpiQuery(f))).table).toBeNull();
      } finally {
        small.close();
      }
    },
    SLOW,
  );

  test(
    'the first table read from facts is the base; idle time builds the tables of a click on a country first',
    async () => {
      const preaggs = new PreAggregates();
      await preaggs.reset(engine);
      const f = defaultFilters(2014, 2025);
      for (const query of dashboardQueries(f)) await preaggs.route(query);
      const base = preaggs.tables.find((t) => t.keys?.join() === [...BASE_COLUMNS].sort().join());
      expect(base?.facts).toBe(true);
      expect(base!.rows).toBeLessThanOrEqual(factsRows / 2);
      // The views' own tables hold fewer columns than the base: read from it, each is smaller.
      expect(preaggs.tables.filter((t) => t.facts && t.keys && t.rows < base!.rows).length).toBeGreaterThan(5);

      /** Whether a small table built holds the columns of every query of this click that a pre-aggregate answers. */
      const answered = (filters: Filters) =>
        dashboardQueries(filters)
          .filter((q) => q.columns?.length && q.measures?.every((m) => m === 'sum(headcount)' || m === 'count(*)'))
          .every((q) => {
            const keys = q.columns!.filter((c) => c !== 'headcount');
            return preaggs.tables.some(
              (t) => t.facts && t.rows <= SMALL_ROWS && keys.every((k) => t.keys?.includes(k)),
            );
          });
      const country = { ...f, country: values.country[0]! };
      const department = { ...f, department: 'x' };
      // A build stopped for a request leaves no table and stays planned.
      const tables = preaggs.tables.length;
      const stop = new AbortController();
      stop.abort();
      expect(await preaggs.buildIdle(stop.signal)).toBe(true);
      expect(preaggs.tables.length).toBe(tables);
      expect(await preaggTables()).toBe(tables);
      let steps = 0;
      while (!answered(country) && (await preaggs.buildIdle())) steps++;
      expect(answered(country)).toBe(true);
      // A click on a country is ready well before idle time is done, and before one on a department.
      expect(answered(department)).toBe(false);
      let rest = 0;
      while (await preaggs.buildIdle()) rest++;
      expect(rest).toBeGreaterThan(steps);
      expect(answered(department)).toBe(true);
      await preaggs.clear();
    },
    SLOW,
  );

  test(
    'what idle time builds answers the next click on a country, program, category or partner without building',
    async () => {
      const preaggs = new PreAggregates();
      await preaggs.reset(engine);
      const f = defaultFilters(2014, 2025);
      for (const query of dashboardQueries(f)) await preaggs.route(query);
      expect(preaggs.idleWork).toBe(true);
      let steps = 0;
      while (await preaggs.buildIdle()) steps++;
      expect(steps).toBeGreaterThan(5);
      const built = preaggs.tables.length;
      expect(built).toBeLessThanOrEqual(PREAGG_MAX_TABLES);
      for (const click of [
        { country: values.country[0]! },
        { program: values.program[0]! },
        { category: values.category[0]! },
        { partner: values.partner[0]!, direction: 'inbound' as const, region: 'foreign' as const, yearFrom: 2017 },
      ]) {
        const filters = { ...f, ...click };
        for (const query of dashboardQueries(filters)) {
          const routed = await preaggs.route(query);
          if (!query.measures?.every((m) => m === 'sum(headcount)' || m === 'count(*)') || !query.columns?.length)
            continue;
          expect(routed.table, query.sql).not.toBeNull();
          const rows = preaggs.tables.find((t) => t.name === routed.table)!.rows;
          // A click reads hundreds or thousands of rows, not tens of thousands.
          expect(rows, query.sql).toBeLessThan(factsRows / 4);
        }
      }
      expect(preaggs.tables.length).toBe(built);
      await preaggs.clear();
    },
    SLOW,
  );

  test(
    'gives the same rows as facts for every dashboard query, internal and public, under random filters',
    async () => {
      const preaggs = new PreAggregates();
      await preaggs.reset(engine);
      const maybe = (items: string[]) => fc.option(fc.constantFrom(...items), { nil: null, freq: 2 });
      const filters = fc
        .record({
          years: fc.tuple(fc.integer({ min: 2013, max: 2026 }), fc.integer({ min: 0, max: 12 })),
          direction: fc.constantFrom('all', 'outbound', 'inbound'),
          region: fc.constantFrom('all', 'foreign', 'hk_macao_tw'),
          country: maybe(values.country),
          program: maybe(values.program),
          category: maybe(values.category),
          partner: maybe(values.partner),
        })
        .map(({ years: [from, span], ...rest }) => ({
          ...defaultFilters(from, from + span),
          ...rest,
        })) as fc.Arbitrary<Filters>;
      let routed = 0;
      let bandsRouted = 0;
      await fc.assert(
        fc.asyncProperty(filters, fc.boolean(), async (f, idle) => {
          if (idle) await preaggs.buildIdle();
          for (const query of dashboardQueries(f)) {
            const variants = [query, ...(query.columns?.length ? [publicQueryOf(query)] : [])];
            for (const q of variants) {
              const route = await preaggs.route(q);
              if (route.table) routed++;
              if (route.table && q.measures?.includes('count(*)')) bandsRouted++;
              expect(await run(route.sql, q), q.sql).toEqual(await run(q.sql, q));
            }
          }
        }),
        { numRuns: 12, seed: 14 },
      );
      expect(routed).toBeGreaterThan(12 * 20);
      // The duration bands (internal and public) read pre-aggregates under most filter states (not
      // where a table of every selection's columns would be more than half of what it sums).
      expect(bandsRouted).toBeGreaterThan(12 * 1.5);
      expect(preaggs.tables.length).toBeLessThanOrEqual(PREAGG_MAX_TABLES);
      await preaggs.clear();
      expect(await preaggTables()).toBe(0);
    },
    SLOW,
  );
});
