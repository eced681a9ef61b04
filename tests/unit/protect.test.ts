import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { protect } from '../../src/disclosure/protect';

interface Cell {
  country: string;
  direction: string;
  headcount: number;
  total: number;
}

function cells(pairs: Record<string, [number, number]>): Cell[] {
  return Object.entries(pairs).flatMap(([country, [out, inn]]) => [
    { country, direction: 'outbound', headcount: out, total: out + inn },
    { country, direction: 'inbound', headcount: inn, total: out + inn },
  ]);
}

const spec = { value: 'headcount', group: (r: Cell) => r.country, total: 'total' } as const;

describe('small-count protection', () => {
  test('counts 1–4 are hidden; 0 and 5 shown', () => {
    const rows = protect(
      [
        { y: 2014, headcount: 0 },
        { y: 2015, headcount: 1 },
        { y: 2016, headcount: 4 },
        { y: 2017, headcount: 5 },
      ],
      { value: 'headcount' },
      5,
    );
    expect(rows.map((r) => r.headcount)).toEqual([0, null, null, 5]);
  });

  test('a lone hidden cell takes its smallest neighbour with it, so the total gives nothing away', () => {
    const rows = protect(cells({ TW: [3, 40], DE: [20, 30], FR: [2, 1] }), spec, 5);
    const of = (c: string) => rows.filter((r) => r.country === c).map((r) => [r.headcount, r.total]);
    expect(of('TW')).toEqual([
      [null, 43],
      [null, 43],
    ]);
    expect(rows.filter((r) => r.country === 'TW').map((r) => r.hidden)).toEqual(['small', 'complement']);
    expect(of('DE')).toEqual([
      [20, 50],
      [30, 50],
    ]);
    expect(of('FR')).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  test('threshold 0 turns it off', () => {
    expect(protect(cells({ FR: [2, 1] }), spec, 0).map((r) => r.headcount)).toEqual([2, 1]);
  });

  test('no shown total minus shown cells ever equals a hidden cell on its own', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('A', 'B', 'C', 'D'), fc.tuple(fc.nat(30), fc.nat(30))),
        fc.integer({ min: 1, max: 10 }),
        (pairs, threshold) => {
          const rows = protect(cells(pairs), spec, threshold);
          for (const country of Object.keys(pairs)) {
            const group = rows.filter((r) => r.country === country);
            const hidden = group.filter((r) => r.headcount === null);
            const total = group[0]!.total;
            for (const r of group)
              if (r.headcount !== null) expect(r.headcount === 0 || r.headcount >= threshold).toBe(true);
            if (total !== null) {
              expect(total === 0 || total >= threshold).toBe(true);
              expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
            }
          }
        },
      ),
    );
  });
});
