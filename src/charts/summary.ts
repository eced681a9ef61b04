import type {
  AgreementSpanRow,
  BreakdownRow,
  CountryRow,
  EventRow,
  NetFlowRow,
  RankedRow,
  TrendStackRow,
} from '../data/queries';
import type { EnumRow } from './categories';
import { formatDate, formatList, formatPercent } from '../i18n/translate';
import { breakdownName } from './breakdown';
import { enumLabel, localName } from './common';
import type { ChartContext } from './context';
import { percentAllowed } from '../disclosure/round';

/**
 * A chart's data said in a few sentences: the largest items, the change since
 * the first year. Shown under the chart and linked to it (aria-describedby), so
 * a reader who cannot see the bars still gets the point.
 *
 * In a public view the rows hold published (rounded) counts and their totals: the
 * summary names and ranks them by those, so it never contradicts the labels.
 */

/** One named value of a chart: a bar, a country; ties rank by `key` (a code or id). */
export interface Named {
  name: string;
  value: number | null;
  key?: string;
}

const TOP = 3;
const locale = (ctx: ChartContext) => ctx.locale ?? 'zh-CN';
const count = (ctx: ChartContext, value: number | null) => ctx.n(value as number);
const sentences = (ctx: ChartContext, parts: readonly string[]) => parts.filter(Boolean).join(ctx.t('summary.join'));

/** Sums values per key, keeping the first name seen; null counts add nothing. */
function byKey<R>(rows: readonly R[], key: (d: R) => string, name: (d: R) => string, value: (d: R) => number | null) {
  const out = new Map<string, Named>();
  for (const d of rows) {
    const seen = out.get(key(d));
    const v = value(d);
    if (!seen) out.set(key(d), { name: name(d), value: v, key: key(d) });
    else if (v !== null) seen.value = (seen.value ?? 0) + v;
  }
  return [...out.values()];
}

/**
 * Each key's total: the one its rows carry (`total`: a public view rounds it on its own, so it
 * need not be the sum of the rounded parts), else the sum of its parts.
 */
function totalsByKey<R extends { headcount: number }>(
  rows: readonly R[],
  key: (d: R) => string,
  name: (d: R) => string,
) {
  const items = byKey(rows, key, name, (d) => d.headcount);
  for (const item of items) {
    const given = rows.find((d) => key(d) === item.key && typeof (d as { total?: unknown }).total === 'number');
    if (given) item.value = (given as unknown as { total: number }).total;
  }
  return items;
}

/** "Most person-trips: A (12), B (8) and C (5)." */
export function topSummary(items: readonly Named[], ctx: ChartContext): string {
  const tie = (a: Named, b: Named) => ((a.key ?? a.name) < (b.key ?? b.name) ? -1 : 1);
  const top = [...items]
    .filter((d) => (d.value ?? 0) > 0)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || tie(a, b))
    .slice(0, TOP);
  if (top.length === 0) return '';
  const list = top.map((d) => ctx.t('summary.item', { name: d.name, value: count(ctx, d.value) }));
  return ctx.t('summary.top', { list: formatList(locale(ctx), list) });
}

/**
 * The change from `from` to `to`: a signed percentage, or "up from zero"; null in a public view
 * when the published base is too small for a percentage to mean anything (docs/disclosure.md).
 */
function change(ctx: ChartContext, from: number, to: number): string | null {
  if (ctx.published && !percentAllowed(from)) return null;
  if (from === 0) return to === 0 ? formatPercent(locale(ctx), 0) : ctx.t('summary.fromZero');
  return formatPercent(locale(ctx), (to - from) / from);
}

/** One series over the years: its first and last year's values and the change between. */
function seriesSentence(ctx: ChartContext, series: string, values: ReadonlyMap<number, number | null>): string {
  const years = [...values.keys()].sort((a, b) => a - b);
  const first = years[0];
  const last = years.at(-1);
  if (first === undefined || last === undefined) return '';
  const from = values.get(first) ?? null;
  const to = values.get(last) ?? null;
  if (first === last) return ctx.t('summary.trend.single', { series, year: first, value: count(ctx, from) });
  const params = { series, first, last, from: count(ctx, from), to: count(ctx, to) };
  const delta = from === null || to === null ? null : change(ctx, from, to);
  if (delta === null) return ctx.t('summary.trend.seriesPlain', params);
  return ctx.t('summary.trend.series', { ...params, change: delta });
}

/**
 * The trend: outbound and inbound (or the total of a stacked split) from the
 * first year to the last, and the largest part of a stacked split.
 */
export function trendSummary(
  rows: readonly (Pick<TrendStackRow, 'year' | 'key' | 'headcount'> & { total?: number })[],
  ctx: ChartContext,
  split: 'direction' | 'activity_type' | 'participant_category' = 'direction',
): string {
  if (rows.length === 0) return '';
  // A year's total is the one its rows carry (a public view rounds it on its own), else the sum.
  const perYear = (filter: (d: (typeof rows)[number]) => boolean) => {
    const out = new Map<number, number | null>();
    for (const d of rows.filter(filter)) {
      out.set(d.year, d.total ?? (out.get(d.year) ?? 0) + d.headcount);
    }
    return out;
  };
  if (split === 'direction') {
    return sentences(
      ctx,
      (['outbound', 'inbound'] as const).map((dir) =>
        seriesSentence(
          ctx,
          ctx.t(`direction.${dir}`),
          perYear((d) => d.key === dir),
        ),
      ),
    );
  }
  const prefix = split === 'activity_type' ? 'activity' : 'category';
  const parts = byKey(
    rows.filter((d) => d.headcount > 0),
    (d) => d.key,
    (d) => enumLabel(ctx, prefix, d.key),
    (d) => d.headcount,
  );
  return sentences(ctx, [
    seriesSentence(
      ctx,
      ctx.t('summary.total'),
      perYear(() => true),
    ),
    topSummary(parts, ctx),
  ]);
}

export function countriesSummary(rows: readonly CountryRow[], ctx: ChartContext): string {
  return topSummary(
    totalsByKey(
      rows,
      (d) => d.country,
      (d) => ctx.country(d.country),
    ),
    ctx,
  );
}

export function rankedSummary(rows: readonly RankedRow[], ctx: ChartContext): string {
  return topSummary(
    totalsByKey(
      rows,
      (d) => d.id,
      (d) => localName(ctx, d),
    ),
    ctx,
  );
}

const ENUM_PREFIX = { categories: 'category', duration: 'band', continents: 'continent', groups: 'group' } as const;

export function enumSummary(rows: readonly EnumRow[], chart: keyof typeof ENUM_PREFIX, ctx: ChartContext): string {
  const key = (d: EnumRow) => ('category' in d ? d.category : 'band' in d ? d.band : d.key);
  return topSummary(
    totalsByKey(rows, key, (d) => enumLabel(ctx, ENUM_PREFIX[chart], key(d))),
    ctx,
  );
}

/** Funding sources or departments: the three with the most person-trips. */
export function breakdownSummary(
  rows: readonly BreakdownRow[],
  by: 'funding' | 'department',
  ctx: ChartContext,
): string {
  return topSummary(
    totalsByKey(
      rows,
      (d) => d.key,
      (d) => breakdownName(by, d.key, ctx),
    ),
    ctx,
  );
}

/** The country with the most sent beyond those received, and the one with the most received beyond those sent. */
export function netFlowSummary(rows: readonly NetFlowRow[], ctx: ChartContext): string {
  const known = rows.filter((d) => d.net !== null);
  const out = known.reduce<NetFlowRow | null>((a, d) => (d.net < 0 && (!a || d.net < a.net) ? d : a), null);
  const inn = known.reduce<NetFlowRow | null>((a, d) => (d.net > 0 && (!a || d.net > a.net) ? d : a), null);
  return sentences(ctx, [
    out ? ctx.t('summary.netflow.out', { name: ctx.country(out.country), value: ctx.n(-out.net) }) : '',
    inn ? ctx.t('summary.netflow.in', { name: ctx.country(inn.country), value: ctx.n(inn.net) }) : '',
  ]);
}

export function agreementsSummary(rows: readonly AgreementSpanRow[], ctx: ChartContext): string {
  if (rows.length === 0) return '';
  const signed = rows.map((d) => d.signed).sort();
  return ctx.t('summary.agreements', {
    count: ctx.n(rows.length),
    partners: ctx.n(new Set(rows.map((d) => d.partner)).size),
    first: formatDate(locale(ctx), signed[0]!),
    last: formatDate(locale(ctx), signed.at(-1)!),
  });
}

export function eventsSummary(rows: readonly EventRow[], ctx: ChartContext): string {
  if (rows.length === 0) return '';
  const starts = rows.map((d) => d.start).sort();
  // Events are counted (项), not people: one item per kind, the most frequent first.
  const kinds = byKey(
    rows,
    (d) => d.kind,
    (d) => enumLabel(ctx, 'event', d.kind),
    () => 1,
  ).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const list = kinds.map((d) => ctx.t('summary.events.kind', { name: d.name, value: count(ctx, d.value) }));
  return sentences(ctx, [
    ctx.t('summary.events', {
      count: ctx.n(rows.length),
      first: formatDate(locale(ctx), starts[0]!),
      last: formatDate(locale(ctx), starts.at(-1)!),
    }),
    ctx.t('summary.events.kinds', { list: formatList(locale(ctx), list) }),
  ]);
}

/** The flow map: how many countries and regions, and the ones with the most person-trips. */
export function flowsSummary(flows: readonly { country: string; total: number }[], ctx: ChartContext): string {
  if (flows.length === 0) return '';
  return sentences(ctx, [
    ctx.t('summary.map', { count: ctx.n(flows.length) }),
    topSummary(
      flows.map((d) => ({ name: ctx.country(d.country), value: d.total })),
      ctx,
    ),
  ]);
}

/** The summary of a chart of the registry (src/charts/registry.ts) or the embed, by its id. */
export function chartSummary(id: string, rows: readonly unknown[], ctx: ChartContext): string {
  switch (id) {
    case 'trend':
      return trendSummary(
        (rows as { year: number; direction?: string; key?: string; headcount: number }[]).map((d) => ({
          year: d.year,
          key: d.key ?? d.direction ?? '',
          headcount: d.headcount,
        })),
        ctx,
      );
    case 'countries':
      return countriesSummary(rows as CountryRow[], ctx);
    case 'netflow':
      return netFlowSummary(rows as NetFlowRow[], ctx);
    case 'programs':
    case 'partners':
      return rankedSummary(rows as RankedRow[], ctx);
    case 'categories':
    case 'duration':
    case 'continents':
    case 'groups':
      return enumSummary(rows as EnumRow[], id, ctx);
    case 'funding':
    case 'department':
      return breakdownSummary(rows as BreakdownRow[], id, ctx);
    case 'agreements':
      return agreementsSummary(rows as AgreementSpanRow[], ctx);
    case 'events':
      return eventsSummary(rows as EventRow[], ctx);
    default:
      return '';
  }
}
