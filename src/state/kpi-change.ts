import type { Filters } from '../data/filters';
import type { MessageKey } from '../i18n/messages';
import type { Params } from '../i18n/translate';

/** The years a range is compared with: as many years, just before it. */
export interface Period {
  yearFrom: number;
  yearTo: number;
}

/**
 * The period of equal length just before the filters' years (2017 for 2018, 2013–2015 for
 * 2016–2018), or null when any of it lies before the first year of the data: a comparison
 * with years that hold no records would read as growth from nothing.
 */
export function previousPeriod(filters: Pick<Filters, 'yearFrom' | 'yearTo'>, firstYear: number): Period | null {
  if (filters.yearFrom <= 0 || firstYear <= 0 || filters.yearTo < filters.yearFrom) return null;
  const length = filters.yearTo - filters.yearFrom + 1;
  const period = { yearFrom: filters.yearFrom - length, yearTo: filters.yearTo - length };
  return period.yearFrom < firstYear ? null : period;
}

/** The same selections over as many years just before, whether or not the data reaches back so far. */
export function shiftedBack(filters: Filters): Filters {
  const length = filters.yearTo - filters.yearFrom + 1;
  return { ...filters, yearFrom: filters.yearFrom - length, yearTo: filters.yearTo - length };
}

/** The filters of the previous period: the same selections, earlier years. */
export function previousFilters(filters: Filters, firstYear: number): Filters | null {
  const period = previousPeriod(filters, firstYear);
  return period ? { ...filters, ...period } : null;
}

/**
 * A tile's change: `none` when there is no earlier period in the data, else the figure of the
 * previous period (null while it is on its way) with the period it is for.
 */
export type KpiChange = { kind: 'none' } | { kind: 'compared'; period: Period; previous: number | null };

/** What the words of a change need: messages, and numbers in the page's language. */
export interface ChangeContext {
  t: (key: MessageKey, params?: Params) => string;
  n: (value: number) => string;
  /** A signed percentage with one decimal (`+8.5%`). */
  percent: (ratio: number) => string;
}

/**
 * The change in words, the same on screen and to a screen reader (never a colour alone):
 * `比上一年（2017年）增加 12（+8.5%）`, `up 12 (+8.5%) on 2017`, `no earlier period`; '' while the earlier
 * figure is on its way.
 */
export function changeText(ctx: ChangeContext, value: number | null, change: KpiChange): string {
  if (change.kind === 'none') return ctx.t('kpi.change.none');
  if (value === null || change.previous === null) return '';
  const { period, previous } = change;
  const name =
    period.yearFrom === period.yearTo
      ? ctx.t('kpi.change.previousYear', { year: period.yearFrom })
      : ctx.t('kpi.change.previousYears', { from: period.yearFrom, to: period.yearTo });
  const delta = value - previous;
  if (delta === 0) return ctx.t('kpi.change.same', { period: name });
  const params = { period: name, delta: ctx.n(Math.abs(delta)) };
  if (previous === 0) return ctx.t('kpi.change.upFromNone', params);
  const percent = ctx.percent(delta / previous);
  return ctx.t(delta > 0 ? 'kpi.change.up' : 'kpi.change.down', { ...params, percent });
}
