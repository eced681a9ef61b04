import type { CountryFlow } from '../charts/choropleth';
import type { ChartContext } from '../charts/context';
import { toCsv } from './csv';

/**
 * The flow map's table as CSV: a row per country or region with outbound, inbound, total and net.
 * A public export's table is made from the public flows (src/disclosure/public-cells.ts).
 */
export function mapTableCsv(table: readonly CountryFlow[], ctx: Pick<ChartContext, 't' | 'country'>): string {
  return toCsv(table, [
    { header: ctx.t('map.table.place'), value: (d) => ctx.country(d.country) },
    { header: ctx.t('map.table.outbound'), value: (d) => d.outbound },
    { header: ctx.t('map.table.inbound'), value: (d) => d.inbound },
    { header: ctx.t('map.table.total'), value: (d) => d.total },
    { header: ctx.t('map.table.net'), value: (d) => d.net },
  ]);
}
