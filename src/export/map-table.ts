import type { CountryFlow } from '../charts/choropleth';
import type { ChartContext } from '../charts/context';
import { ROUNDING_BASE } from '../config/disclosure';
import { publicCountrySums } from '../disclosure/public-view';
import { toCsv } from './csv';

/**
 * The flow map's table as CSV: a row per country or region with outbound, inbound, total and net.
 * In public (the default) every count is rounded, the total on its own, the net the difference
 * of the rounded directions, ranked by the rounded total (src/disclosure/public-view.ts).
 */
export function mapTableCsv(
  table: readonly CountryFlow[],
  open: boolean,
  ctx: Pick<ChartContext, 't' | 'country'>,
): string {
  return toCsv(open ? publicCountrySums(table, ROUNDING_BASE) : table, [
    { header: ctx.t('map.table.place'), value: (d) => ctx.country(d.country) },
    { header: ctx.t('map.table.outbound'), value: (d) => d.outbound },
    { header: ctx.t('map.table.inbound'), value: (d) => d.inbound },
    { header: ctx.t('map.table.total'), value: (d) => d.total },
    { header: ctx.t('map.table.net'), value: (d) => d.net },
  ]);
}
