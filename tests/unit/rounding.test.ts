import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { publish } from '../../src/disclosure/round';
import {
  publicCountrySums,
  publicEvents,
  publicFlows,
  publicNetFlow,
  publicSeries,
  publicSplit,
} from '../../src/disclosure/public-view';
import type { FlowRow } from '../../src/data/queries/flows';
import type { NetFlowRow } from '../../src/data/queries/net-flow';
import type { EventRow } from '../../src/data/queries/events-timeline';
import { publishOracle } from '../helpers/published';

interface Cell {
  country: string;
  direction: 'outbound' | 'inbound';
  headcount: number;
}

/** Query-like rows: a row per country and direction with trips (none for a count of 0). */
function cells(pairs: Record<string, [number, number]>): Cell[] {
  return Object.entries(pairs).flatMap(([country, [out, inn]]) => [
    ...(out > 0 ? [{ country, direction: 'outbound' as const, headcount: out }] : []),
    ...(inn > 0 ? [{ country, direction: 'inbound' as const, headcount: inn }] : []),
  ]);
}

const pairs = fc.dictionary(
  fc.constantFrom('AA', 'BB', 'CC', 'DD', 'EE', 'FF'),
  fc.tuple(fc.nat(40), fc.nat(40)).filter(([a, b]) => a + b > 0),
);

describe('the rounding every public view applies', () => {
  test('0–2 publish as 0, every other count as the nearest multiple of 5; base 1 publishes exact counts', () => {
    for (let x = 0; x <= 1000; x++) {
      expect(publish(x, 5)).toBe(publishOracle(x));
      expect(publish(x, 1)).toBe(x);
    }
    expect([1, 2, 3, 7, 8, 12, 13].map((x) => publish(x, 5))).toEqual([0, 0, 5, 5, 10, 10, 15]);
  });

  test('split bars: every bar has both parts rounded, its own total rounded from the true total, ranked by it', () => {
    fc.assert(
      fc.property(pairs, fc.integer({ min: 1, max: 6 }), (input, limit) => {
        const shown = publicSplit(
          cells(input),
          { group: (d) => d.country, part: 'direction', parts: ['outbound', 'inbound'], rank: true, limit },
          5,
        );
        const expected = Object.entries(input)
          .map(([key, [out, inn]]) => ({
            key,
            out: publishOracle(out),
            inn: publishOracle(inn),
            total: publishOracle(out + inn),
          }))
          .filter((b) => b.total > 0)
          .sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1))
          .slice(0, limit);
        expect(shown.map((r) => [r.country, r.direction, r.headcount, r.total])).toEqual(
          expected.flatMap((b) => [
            [b.key, 'outbound', b.out, b.total],
            [b.key, 'inbound', b.inn, b.total],
          ]),
        );
      }),
    );
  });

  test('a rank never follows the true value: equal published totals are ordered by key', () => {
    // True totals 8 and 12 both publish as 10: BB (12) is not put before AA (8).
    const shown = publicSplit(
      cells({ BB: [12, 0], AA: [8, 0] }),
      { group: (d) => d.country, part: 'direction', parts: ['outbound', 'inbound'], rank: true },
      5,
    );
    expect([...new Set(shown.map((r) => r.country))]).toEqual(['AA', 'BB']);
  });

  test('a provisional flag is the bar’s (a stacked year), so a part’s own cannot tell 0 from 1–2', () => {
    const rows = [
      { year: 2019, key: 'student', headcount: 9, provisional: false },
      { year: 2019, key: 'teacher', headcount: 1, provisional: true },
    ];
    const shown = publicSplit(
      rows,
      { group: (d) => String(d.year), part: 'key', parts: ['student', 'teacher', 'staff'] },
      5,
    );
    expect(shown).toEqual([
      { year: 2019, key: 'student', headcount: 10, provisional: true, total: 10 },
      { year: 2019, key: 'teacher', headcount: 0, provisional: true, total: 10 },
      { year: 2019, key: 'staff', headcount: 0, provisional: true, total: 10 },
    ]);
  });

  test('counts on their own: rounded, and a count rounded to 0 is not published; fields counting records are left out', () => {
    const rows = [
      { year: 2014, direction: 'outbound', headcount: 2, records: 1 },
      { year: 2015, direction: 'outbound', headcount: 3, records: 2 },
      { year: 2016, direction: 'outbound', headcount: 19, records: 5 },
    ];
    expect(publicSeries(rows, 5)).toEqual([
      { year: 2015, direction: 'outbound', headcount: 5 },
      { year: 2016, direction: 'outbound', headcount: 20 },
    ]);
  });

  test('net flow: the net is the difference of the published directions, so it agrees with them', () => {
    fc.assert(
      fc.property(pairs, (input) => {
        const rows: NetFlowRow[] = Object.entries(input).map(([country, [out, inn]]) => ({
          country,
          region_type: 'foreign',
          inbound: inn,
          outbound: out,
          net: inn - out,
        }));
        const shown = publicNetFlow(rows, 5);
        for (const r of shown) {
          const [out, inn] = input[r.country]!;
          expect([r.inbound, r.outbound, r.net]).toEqual([
            publishOracle(inn),
            publishOracle(out),
            publishOracle(inn) - publishOracle(out),
          ]);
          expect(r.inbound + r.outbound).toBeGreaterThan(0);
        }
        expect(shown.map((r) => r.net)).toEqual([...shown.map((r) => r.net)].sort((a, b) => b - a));
      }),
    );
    // The United Kingdom: outbound 19, inbound 3 → net −15, not "<5".
    expect(publicNetFlow([{ country: 'GB', region_type: 'foreign', inbound: 3, outbound: 19, net: -16 }], 5)).toEqual([
      { country: 'GB', region_type: 'foreign', inbound: 5, outbound: 20, net: -15 },
    ]);
  });

  test('the map table: directions rounded, the total on its own, the net their difference; ranked by the total', () => {
    expect(
      publicCountrySums(
        [
          { country: 'TW', outbound: 3, inbound: 40, total: 43, net: 37 },
          { country: 'FR', outbound: 2, inbound: 1, total: 3, net: -1 },
          { country: 'DE', outbound: 20, inbound: 0, total: 20, net: -20 },
          { country: 'US', outbound: 1, inbound: 1, total: 2, net: 0 },
        ],
        5,
      ),
    ).toEqual([
      { country: 'TW', outbound: 5, inbound: 40, total: 45, net: 35 },
      { country: 'DE', outbound: 20, inbound: 0, total: 20, net: -20 },
      { country: 'FR', outbound: 0, inbound: 0, total: 5, net: 0 },
    ]);
  });

  test('map flows: each arc rounded, an arc rounded to 0 not drawn; equal published arcs ordered by place', () => {
    const flow = (country: string, headcount: number): FlowRow => ({
      country,
      region_type: 'foreign',
      direction: 'outbound',
      city_zh: null,
      city_en: null,
      lon: 0,
      lat: 0,
      headcount,
    });
    expect(
      publicFlows([flow('ZZ', 7), flow('AA', 6), flow('MM', 2), flow('BB', 13)], 5).map((d) => [
        d.country,
        d.headcount,
      ]),
    ).toEqual([
      ['BB', 15],
      ['AA', 5],
      ['ZZ', 5],
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
