/**
 * Every query builder declares the columns of `facts` it reads (src/data/sql.ts), and the worker
 * routes a query to a pre-aggregate holding just those columns (src/data/cube.ts). Here each
 * builder's SQL runs on the real engine against a `facts` holding only the declared columns (and
 * the other tables as they are): a column read but not declared fails the query. Each declared
 * column is also taken away in turn, and the query must then fail: none is declared for nothing.
 * And each declares what it measures: run over a pre-aggregate of its declared columns (the sum of
 * headcount and the count of records per combination of them, as src/data/cube.ts builds it), with
 * its declared counts of records read as the sums of the counts, it gives the same rows.
 */
import { describe, expect, test, vi } from 'vitest';
import { CHARTS } from '../../src/charts/registry';
import { defaultFilters, SELECTION_KEYS, type Filters } from '../../src/data/filters';
import { countsOverPreAggregate, preAggregateSql } from '../../src/data/cube';
import * as queries from '../../src/data/queries';
import type { BuiltQuery } from '../../src/data/sql';
import { useBundledEngine } from '../helpers/bundled-engine';

// Opening the engine and running every builder twice over takes long on a loaded machine.
vi.setConfig({ hookTimeout: 120_000, testTimeout: 300_000 });

const OTHER_TABLES = ['partners', 'programs', 'countries', 'agreements', 'events'];

/** Arguments after the filters for builders that need more (a new builder needing more fails below until listed). */
const EXTRA: Record<string, unknown[][]> = {
  rankedQuery: [
    ['program', 12],
    ['partner', 12],
  ],
  trendStackQuery: queries.TREND_SPLITS.map((split) => [split]),
  breakdownQuery: [
    ['funding', 12],
    ['department', 12],
  ],
};

const base = defaultFilters(2014, 2025);
/** Every filter set: each selection and choice at once, and none. */
const everything: Filters = { ...base, direction: 'outbound', region: 'foreign', yearFrom: 2016, yearTo: 2019 };
for (const key of SELECTION_KEYS) (everything as Record<string, unknown>)[key] = 'x';
const FILTER_SETS: Filters[] = [base, everything, { ...base, country: 'TW', direction: 'inbound' }];

/** Every builder exported by src/data/queries, called with every filter set, and each chart's query. */
function allQueries(): Array<[string, BuiltQuery<unknown>]> {
  const out: Array<[string, BuiltQuery<unknown>]> = [];
  for (const [name, fn] of Object.entries(queries)) {
    if (typeof fn !== 'function' || !name.endsWith('Query')) continue;
    for (const filters of FILTER_SETS) {
      for (const extra of EXTRA[name] ?? [[]]) {
        out.push([`${name}(${JSON.stringify(extra)})`, (fn as (...a: unknown[]) => BuiltQuery)(filters, ...extra)]);
      }
    }
  }
  for (const def of CHARTS) for (const filters of FILTER_SETS) out.push([`chart ${def.id}`, def.query(filters)]);
  const seen = new Set<string>();
  return out.filter(
    ([, q]) => !seen.has(JSON.stringify([q.sql, q.params])) && !!seen.add(JSON.stringify([q.sql, q.params])),
  );
}

describe('the columns each query declares', () => {
  const db = useBundledEngine();

  /** Runs `query` with `facts` holding only `columns` (none: a `facts` of no column of the real one). */
  async function runOver(columns: readonly string[], query: BuiltQuery<unknown>): Promise<unknown> {
    const select = columns.length > 0 ? columns.join(', ') : '1 AS none_declared';
    return runWithFacts(`SELECT ${select} FROM main.facts`, query.sql, query);
  }

  /** Runs `sql` (with `query`'s values) where `facts` is the table `factsSql` makes. */
  async function runWithFacts(factsSql: string, sql: string, query: BuiltQuery<unknown>): Promise<unknown> {
    const engine = db();
    const [schema] = await engine.query(
      "SELECT count(*)::INTEGER AS n FROM duckdb_schemas() WHERE schema_name = 'declared'",
    );
    if (schema?.n === 0) {
      await engine.exec('CREATE SCHEMA declared');
      for (const table of OTHER_TABLES)
        await engine.exec(`CREATE VIEW declared.${table} AS SELECT * FROM main.${table}`);
    }
    await engine.exec(`CREATE OR REPLACE TABLE declared.facts AS ${factsSql}`);
    await engine.exec("SET search_path = 'declared'");
    try {
      return await engine.query(sql, query.params);
    } finally {
      await engine.exec("SET search_path = 'main'");
    }
  }

  test('every builder declares them, and a facts of only those columns answers it', async () => {
    const all = allQueries();
    expect(all.length).toBeGreaterThan(40);
    for (const [name, query] of all) {
      expect(query.columns, name).toBeDefined();
      const rows = await runOver(query.columns!, query);
      expect(rows, name).toEqual(await db().query(query.sql, query.params));
    }
  });

  test('no column is declared for nothing: without any one of them the query fails', async () => {
    let failures = 0;
    for (const [name, query] of allQueries()) {
      for (const column of query.columns!) {
        const fewer = query.columns!.filter((c) => c !== column);
        await expect(runOver(fewer, query), `${name} without ${column}`).rejects.toThrow(/column|facts/i);
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(150);
  });

  test('a query without facts declares none, and its measures say what it computes', () => {
    for (const [name, query] of allQueries()) {
      const readsFacts = /\bFROM facts\b/.test(query.sql);
      expect(query.columns!.length > 0, name).toBe(readsFacts);
      if (readsFacts) expect(query.measures, name).toBeDefined();
      if (query.columns!.includes('headcount')) expect(query.measures, name).toContain('sum(headcount)');
    }
  });

  /** Runs `query` over a pre-aggregate of its declared columns (minus headcount, which it sums), as routed. */
  function overPreAggregate(query: BuiltQuery<unknown>): Promise<unknown> {
    const keys = query.columns!.filter((c) => c !== 'headcount');
    return runWithFacts(preAggregateSql(keys, 'main.facts', false), countsOverPreAggregate(query, query.sql), query);
  }

  test('its measures are what a pre-aggregate of its declared columns answers, counts of records included', async () => {
    let counted = 0;
    for (const [name, query] of allQueries()) {
      if (!query.columns!.length) continue;
      expect(query.measures, name).not.toContain('rows'); // every dashboard query reads a pre-aggregate at 50k+ rows
      expect(await overPreAggregate(query), name).toEqual(await db().query(query.sql, query.params));
      if (query.measures!.includes('count(*)')) counted++;
    }
    expect(counted).toBeGreaterThanOrEqual(3);
    // The bundled records repeat combinations of the duration bands' columns: undeclared, its count
    // of records would count combinations instead.
    const bands = queries.durationBandsQuery(base);
    const undeclared = { ...bands, measures: bands.measures!.filter((m) => m !== 'count(*)') };
    expect(await overPreAggregate(undeclared)).not.toEqual(await db().query(bands.sql, bands.params));
  });
});
