import { describe, expect, test } from 'vitest';
import { CHARTS } from '../../src/charts/registry';
import { defaultFilters } from '../../src/data/filters';
import { flowsQuery, trendStackQuery } from '../../src/data/queries';
import { publicCellsSql, publicQueryOf } from '../../src/disclosure/public-cells';
import { publicEvents, publishedFields } from '../../src/disclosure/public-view';
import { publish } from '../../src/disclosure/round';
import type { EventRow } from '../../src/data/queries/events-timeline';
import { useBundledEngine } from '../helpers/bundled-engine';
import { publishedTrips, publishOracle } from '../helpers/published';
import { trips } from '../helpers/expected';

const db = useBundledEngine();

describe('the rounding every public view applies', () => {
  test('0–2 publish as 0, every other count as the nearest multiple of 5; base 1 publishes exact counts', () => {
    for (let x = 0; x <= 1000; x++) {
      expect(publish(x, 5)).toBe(publishOracle(x));
      expect(publish(x, 1)).toBe(x);
    }
    expect([1, 2, 3, 7, 8, 12, 13].map((x) => publish(x, 5))).toEqual([0, 0, 5, 5, 10, 10, 15]);
  });

  test('the published cells: each base cell of the CSV rounded once, none rounded to 0, as computed from the CSV', async () => {
    const cells = await db().query(publicCellsSql(5));
    expect(cells.every((c) => (c.headcount as number) > 0 && (c.headcount as number) % 5 === 0)).toBe(true);
    const total = (rows: readonly object[]) =>
      rows.reduce((s, r) => s + Number((r as { headcount: unknown }).headcount), 0);
    expect(cells).toHaveLength(publishedTrips.length);
    expect(total(cells)).toBe(total(publishedTrips));
    // A cell is provisional when any of its records is.
    expect(cells.filter((c) => c.record_status === 'provisional').length).toBe(
      publishedTrips.filter((t) => t.provisional).length,
    );
    // Rounding is not a rescaling: the published total stays near the true one.
    expect(Math.abs(total(cells) - total(trips))).toBeLessThan(total(trips) * 0.1);
  });

  test('a base of 1 turns rounding off: every chart’s public query gives its own rows (counts of records aside)', async () => {
    const f = defaultFilters(2014, 2019);
    const queries = [...CHARTS.map((d) => d.query(f)), flowsQuery(f), trendStackQuery(f, 'activity_type')];
    for (const q of queries) {
      const own = publishedFields(await db().query(q.sql, q.params));
      expect(publishedFields(await db().query(publicQueryOf(q, 1).sql, q.params))).toEqual(own);
    }
  });

  test('values stay bound: the public query keeps the query’s parameters and only reads the cells', () => {
    const q = CHARTS.find((d) => d.id === 'countries')!.query({ ...defaultFilters(2015, 2017), direction: 'inbound' });
    const p = publicQueryOf(q);
    expect(p.params).toEqual(q.params);
    expect(p.sql).not.toContain('2015');
    expect(p.sql.match(/FROM facts/g)).toHaveLength(q.sql.match(/FROM facts/g)!.length);
  });

  test('fields that count records or places are left out of public rows', () => {
    expect(publishedFields([{ band: 'd1_7', direction: 'outbound', headcount: 5, records: 2 }])).toEqual([
      { band: 'd1_7', direction: 'outbound', headcount: 5 },
    ]);
    expect(publishedFields([{ key: 'asean', direction: 'inbound', headcount: 10, countries: 1 }])).toEqual([
      { key: 'asean', direction: 'inbound', headcount: 10 },
    ]);
  });

  test('events stay (they are the college’s); their delegates are rounded', () => {
    const event = (delegates: number | null): EventRow => ({
      id: 'E',
      kind: 'forum',
      name_zh: '论坛',
      name_en: 'Forum',
      city: null,
      country: null,
      start: '2018-01-01',
      end: '2018-01-01',
      role: null,
      delegates,
    });
    expect(publicEvents([event(2), event(4), event(null), event(12)], 5).map((e) => e.delegates)).toEqual([
      0,
      5,
      null,
      10,
    ]);
  });
});
