/**
 * Rounding each published figure on its own (HESA's rule as first agreed for this app: every count
 * rounded, totals computed from the true counts and rounded on their own, a net the difference of
 * the rounded directions), kept as a fixture: the disclosure audit (tests/unit/disclosure-audit.test.ts)
 * shows that views over overlapping year ranges, directions and scopes, set against each other,
 * give small counts back under it. src/disclosure rounds base cells instead (docs/disclosure.md).
 */
import type { NetFlowRow } from '../../src/data/queries/net-flow';
import type { FlowRow } from '../../src/data/queries/flows';
import { publish } from '../../src/disclosure/round';

const BASE = 5;
const byPublished =
  <T>(value: (d: T) => number, key: (d: T) => string) =>
  (a: T, b: T): number =>
    value(b) - value(a) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

interface Counted {
  headcount: number;
}

/** Fields of some queries that count records or places, not drawn: left out of public rows. */
const UNPUBLISHED = ['records', 'countries'];

function clean<R extends object>(row: R): R {
  const out = { ...row } as Record<string, unknown>;
  for (const field of UNPUBLISHED) delete out[field];
  return out as R;
}

/** Counts on their own (a bar per year and direction): each rounded; a count rounded to 0 is not published. */
export function publicSeries<R extends Counted>(rows: readonly R[], base = BASE): R[] {
  return rows.map((row) => ({ ...clean(row), headcount: publish(row.headcount, base) })).filter((r) => r.headcount > 0);
}

export interface SplitSpec<R> {
  /** The bar (or stack) a row belongs to: a country, a program, a year. */
  group(row: R): string;
  /** The field that names a row's part of its bar: `direction`, or a stacked split's `key`. */
  part: keyof R & string;
  /** Every part a bar can have: each published bar gets a row for each, 0 included, so no 0 stands out. */
  parts: readonly string[];
  /** Order the bars by their published totals, ties by the group key; else keep the query's order. */
  rank?: boolean;
  /** Keep the first `limit` bars (after ranking). */
  limit?: number;
}

/**
 * Counts drawn as parts of a bar whose total is shown (a bar split by direction, a stacked year):
 * each part rounded, the bar's total rounded from the true total on its own and carried on each
 * of its rows as `total`. A bar whose total rounds to 0 is left out (its parts all round to 0 too).
 */
export function publicSplit<R extends Counted>(
  rows: readonly R[],
  spec: SplitSpec<R>,
  base = BASE,
): (R & { total: number })[] {
  const groups = new Map<string, R[]>();
  for (const row of rows) groups.set(spec.group(row), [...(groups.get(spec.group(row)) ?? []), row]);
  let bars = [...groups].map(([key, members]) => ({
    key,
    members,
    total: publish(
      members.reduce((s, r) => s + r.headcount, 0),
      base,
    ),
  }));
  bars = bars.filter((b) => b.total > 0);
  if (spec.rank) {
    bars.sort(
      byPublished(
        (b) => b.total,
        (b) => b.key,
      ),
    );
  }
  if (spec.limit !== undefined) bars = bars.slice(0, spec.limit);
  return bars.flatMap(({ members, total }) => {
    const template = clean(members[0]!) as Record<string, unknown>;
    // A flag such as `provisional` is the bar's, not the part's: a part's own would tell a 0 from a 1.
    const flags = Object.fromEntries(
      Object.entries(template)
        .filter(([, v]) => typeof v === 'boolean')
        .map(([k]) => [k, members.some((m) => (m as Record<string, unknown>)[k] === true)]),
    );
    return spec.parts.map((part) => {
      const headcount = members
        .filter((m) => (m as Record<string, unknown>)[spec.part] === part)
        .reduce((s, m) => s + m.headcount, 0);
      const own = members.find((m) => (m as Record<string, unknown>)[spec.part] === part);
      return {
        ...(own ? clean(own) : template),
        ...flags,
        [spec.part]: part,
        headcount: publish(headcount, base),
        total,
      } as R & { total: number };
    });
  });
}

/**
 * Net flow (inbound − outbound): each direction rounded, the net their difference, so it agrees
 * with the counts beside it; ranked by the published net, ties by country code.
 */
export function publicNetFlow(rows: readonly NetFlowRow[], base = BASE): NetFlowRow[] {
  return rows
    .map((row) => {
      const inbound = publish(row.inbound, base);
      const outbound = publish(row.outbound, base);
      return { ...clean(row), inbound, outbound, net: inbound - outbound };
    })
    .filter((r) => r.inbound > 0 || r.outbound > 0)
    .sort(
      byPublished(
        (r) => r.net,
        (r) => r.country,
      ),
    );
}

interface CountrySums {
  country: string;
  outbound: number;
  inbound: number;
  total: number;
  net: number;
}

/**
 * A country's outbound and inbound beside their total and net (the map's table): each direction
 * rounded, the total rounded on its own, the net the difference of the published directions;
 * ranked by the published total, ties by country code.
 */
export function publicCountrySums<R extends CountrySums>(rows: readonly R[], base = BASE): R[] {
  return rows
    .map((row) => {
      const outbound = publish(row.outbound, base);
      const inbound = publish(row.inbound, base);
      return { ...row, outbound, inbound, total: publish(row.total, base), net: inbound - outbound };
    })
    .filter((r) => r.total > 0)
    .sort(
      byPublished(
        (r) => r.total,
        (r) => r.country,
      ),
    );
}

const place = (d: FlowRow) => [d.country, d.direction, d.city_en ?? '', String(d.lon), String(d.lat)].join('\u0000');

/** The map's flows: each arc's count rounded, an arc rounded to 0 not drawn; larger first, ties by place. */
export function publicFlows(rows: readonly FlowRow[], base = BASE): FlowRow[] {
  return publicSeries(rows, base).sort(
    byPublished(
      (d) => d.headcount,
      (d) => place(d),
    ),
  );
}
