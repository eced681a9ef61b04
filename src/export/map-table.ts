import type { CountryFlow } from '../charts/choropleth';
import type { ChartContext } from '../charts/context';
import type { TableData } from '../charts/table';
import { tableCsv } from './view';

/**
 * The flow map's table: a row per country or region with outbound, inbound, total and net, numbers
 * plain (the CSV's and the .xlsx's cells). A public export's table is made from the public flows
 * (src/disclosure/public-cells.ts).
 */
export function mapTableData(table: readonly CountryFlow[], ctx: Pick<ChartContext, 't' | 'country'>): TableData {
  return {
    columns: [
      { label: ctx.t('map.table.place') },
      { label: ctx.t('map.table.outbound'), numeric: true },
      { label: ctx.t('map.table.inbound'), numeric: true },
      { label: ctx.t('map.table.total'), numeric: true },
      { label: ctx.t('map.table.net'), numeric: true },
    ],
    rows: table.map((d) => ({
      cells: [ctx.country(d.country), String(d.outbound), String(d.inbound), String(d.total), String(d.net)],
    })),
  };
}

/** The flow map's table as CSV. */
export function mapTableCsv(table: readonly CountryFlow[], ctx: Pick<ChartContext, 't' | 'country'>): string {
  return tableCsv(mapTableData(table, ctx));
}
