/**
 * Per-view pre-aggregates (src/data/cube.ts) on the real engine in Node, over 60,000 generated
 * exchanges (scripts/bench/generate.ts): queries are routed by the columns they declare, and
 * every dashboard query gives the same rows over the pre-aggregates as over `facts`, for random
 * filter states.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exchangesCsv } from '../../scripts/bench/generate';
import { CHARTS } from '../../src/charts/registry';
import { PREAGG_MAX_TABLES, PreAggregates } from '../../src/data/cube';
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

describe('per-view pre-aggregates over large data', () => {
  let engine: Awaited<ReturnType<typeof openNodeEngine>>;
  let values: { country: string[]; program: string[]; partner: string[]; category: string[] };
  let factsRows = 0;
  beforeAll(async () => {
    engine = await openNodeEngine();
    const texts = bundledTexts();
    texts.set('exchanges.csv', exchangesCsv(ROWS, 3));
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
    'routes by the declaration: sums read a small table, counts of records read facts, the bundled sample reads facts',
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

      // A count of records is not in a pre-aggregate: facts answers it, as written.
      const bands = durationBandsQuery(f);
      expect(await preaggs.route(bands)).toEqual({ sql: bands.sql, table: null });
      // Over the published cells, it reads them materialised once.
      const publicBands = publicQueryOf(bands);
      const cells = await preaggs.route(publicBands);
      expect(cells.table).not.toBeNull();
      expect(preaggs.tables.find((t) => t.name === cells.table)!.keys).toBeNull();
      expect(await run(cells.sql, publicBands)).toEqual(await run(publicBands.sql, publicBands));
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
          if (!query.measures?.every((m) => m === 'sum(headcount)') || !query.columns?.length) continue;
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
      await fc.assert(
        fc.asyncProperty(filters, fc.boolean(), async (f, idle) => {
          if (idle) await preaggs.buildIdle();
          for (const query of dashboardQueries(f)) {
            const variants = [query, ...(query.columns?.length ? [publicQueryOf(query)] : [])];
            for (const q of variants) {
              const route = await preaggs.route(q);
              if (route.table) routed++;
              expect(await run(route.sql, q), q.sql).toEqual(await run(q.sql, q));
            }
          }
        }),
        { numRuns: 12, seed: 14 },
      );
      expect(routed).toBeGreaterThan(12 * 20);
      expect(preaggs.tables.length).toBeLessThanOrEqual(PREAGG_MAX_TABLES);
      await preaggs.clear();
      expect(await preaggTables()).toBe(0);
    },
    SLOW,
  );
});
