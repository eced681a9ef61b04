/**
 * The rows of a chart as a public view (an export, an embed) shows them: small
 * counts hidden by `protect`, with the totals the chart draws computed before
 * anything is hidden, so a total never shrinks and never gives a cell away.
 */
import type { NetFlowRow } from '../data/queries';
import { protect } from './protect';

interface Counted {
  headcount: number;
}

/** Counts on their own (a line per direction): each small count hidden, no totals drawn. */
export function publicCounts<R extends Counted>(rows: readonly R[], threshold: number): R[] {
  return protect(rows, { value: 'headcount' }, threshold) as R[];
}

/**
 * Counts drawn as parts of a total (a bar split by direction, a stacked year):
 * each row carries its group's `total`, and a lone hidden part takes the next
 * smallest part of its group with it.
 */
export function publicParts<R extends Counted>(
  rows: readonly R[],
  groupOf: (row: R) => string,
  threshold: number,
): (R & { total: number })[] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(groupOf(row), (sums.get(groupOf(row)) ?? 0) + row.headcount);
  const withTotals = rows.map((row) => ({
    ...row,
    total: 'total' in row && typeof row.total === 'number' ? row.total : sums.get(groupOf(row))!,
  }));
  return protect(withTotals, { value: 'headcount', group: groupOf, total: 'total' }, threshold) as (R & {
    total: number;
  })[];
}

/**
 * Net flow (inbound − outbound) gives either count away from the other: a
 * country with a small inbound or outbound count shows neither, nor its net.
 */
export function publicNetFlow(rows: readonly NetFlowRow[], threshold: number): NetFlowRow[] {
  if (threshold <= 0) return [...rows];
  const small = (v: number) => v >= 1 && v < threshold;
  return rows.map((row) =>
    small(row.inbound) || small(row.outbound)
      ? ({ ...row, inbound: null, outbound: null, net: null } as unknown as NetFlowRow)
      : row,
  );
}

interface CountrySums {
  outbound: number;
  inbound: number;
  total: number;
  net: number;
}

/**
 * A country's outbound and inbound beside their total and net (the map's
 * table): a small part hides both parts and the net; a small total hides itself.
 */
export function publicCountrySums<R extends CountrySums>(rows: readonly R[], threshold: number): R[] {
  if (threshold <= 0) return [...rows];
  const small = (v: number) => v >= 1 && v < threshold;
  return rows.map((row) => {
    if (!small(row.outbound) && !small(row.inbound)) return row;
    return {
      ...row,
      outbound: null,
      inbound: null,
      net: null,
      total: small(row.total) ? null : row.total,
    } as unknown as R;
  });
}
