import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exchangesCsv } from '../../scripts/bench/generate';
import { CHARTS } from '../../src/charts/registry';
import { buildCube, overCube } from '../../src/data/cube';
import { defaultFilters, type Filters } from '../../src/data/filters';
import { ingest } from '../../src/data/ingest';
import { durationBandsQuery, flowsQuery, kpiQuery, TREND_SPLITS, trendStackQuery } from '../../src/data/queries';
import type { BuiltQuery } from '../../src/data/sql';
import { defaultViewQueries } from '../../src/state/snapshot';
import { bundledTexts, openNodeEngine } from '../helpers/node-engine';

const SLOW = 120_000;

describe('the pre-aggregated cube over large data', () => {
  let engine: Awaited<ReturnType<typeof openNodeEngine>>;
  beforeAll(async () => {
    engine = await openNodeEngine();
    const texts = bundledTexts();
    texts.set('exchanges.csv', exchangesCsv(60_000, 3));
    await ingest(engine, texts);
  }, SLOW);
  afterAll(() => engine?.close());

  test(
    'is built for large data, and not for the bundled sample',
    async () => {
      expect(await buildCube(engine)).toBe(true);
      const [cube] = await engine.query('SELECT count(*)::INTEGER AS n, sum(headcount)::BIGINT AS h FROM facts_cube');
      const [facts] = await engine.query('SELECT count(*)::INTEGER AS n, sum(headcount)::BIGINT AS h FROM facts');
      expect(Number(cube!.n)).toBeLessThan(Number(facts!.n) / 2);
      expect(cube!.h).toEqual(facts!.h);

      const small = await openNodeEngine();
      try {
        await ingest(small, bundledTexts());
        expect(await buildCube(small)).toBe(false);
        expect(await small.query("SELECT * FROM duckdb_tables() WHERE table_name = 'facts_cube'")).toEqual([]);
      } finally {
        small.close();
      }
    },
    SLOW,
  );

  test('routes only the queries it can answer', () => {
    const f = defaultFilters(2014, 2025);
    expect(overCube(kpiQuery(f).sql)).toContain('FROM facts_cube');
    expect(overCube(flowsQuery(f).sql)).toContain('FROM facts_cube');
    // Records are counted, and the band is not in the cube.
    expect(overCube(durationBandsQuery(f).sql)).toBe(durationBandsQuery(f).sql);
    expect(overCube(trendStackQuery(f, 'activity_type').sql)).toBe(trendStackQuery(f, 'activity_type').sql);
  });

  test(
    'gives the same rows as facts for every dashboard query, under every kind of filter',
    async () => {
      const base = defaultFilters(2014, 2025);
      const filterSets: Filters[] = [
        base,
        { ...base, country: 'TW' },
        { ...base, program: 'confucius-nepal', direction: 'outbound' },
        { ...base, category: 'student', region: 'hk_macao_tw' },
        { ...base, partner: 'cut', yearFrom: 2016, yearTo: 2018 },
        { ...base, direction: 'inbound', region: 'foreign', country: 'US' },
      ];
      let routed = 0;
      for (const filters of filterSets) {
        const queries: BuiltQuery[] = [
          ...defaultViewQueries(filters.yearFrom, filters.yearTo).slice(1),
          kpiQuery(filters),
          flowsQuery(filters),
          ...TREND_SPLITS.map((split) => trendStackQuery(filters, split)),
          ...CHARTS.map((def) => def.query(filters)),
        ];
        for (const query of queries) {
          const cubeSql = overCube(query.sql);
          if (cubeSql === query.sql) continue;
          routed++;
          expect(await engine.query(cubeSql, query.params), query.sql).toEqual(
            await engine.query(query.sql, query.params),
          );
        }
      }
      expect(routed).toBeGreaterThanOrEqual(filterSets.length * 12);
    },
    SLOW,
  );
});
