import type { ChartContext } from '../charts/context';
import type { TableData } from '../charts/table';
import { ROUNDING_BASE } from '../config/disclosure';
import { publicContext } from '../disclosure/public-view';
import { toCsv } from './csv';

/** How a chart draws its rows, for the export menu: `S` is what its spec is (Plot options). */
export interface ExportableChart<R, S = unknown> {
  spec(rows: readonly R[], ctx: ChartContext): S;
  table(rows: readonly R[], ctx: ChartContext): TableData | null;
  /** Its public rows' last step (src/disclosure/public-view.ts); absent when there is nothing to do. */
  publicRows?(rows: readonly R[], base: number): readonly R[];
}

/**
 * The rows and context an export draws: for an internal export the rows shown; for a public one
 * (the default) the rows of the chart's query over the published cells (`published`, see
 * src/disclosure/public-cells.ts), with the chart's own public step. Null while the rows are not there.
 */
export function exportView<R>(
  chart: Pick<ExportableChart<R>, 'publicRows'>,
  shown: readonly R[] | null,
  ctx: ChartContext,
  open: boolean,
  published: readonly R[] | null,
): { rows: readonly R[]; ctx: ChartContext } | null {
  if (!open) return shown && { rows: shown, ctx };
  if (!published) return null;
  return { rows: chart.publicRows ? chart.publicRows(published, ROUNDING_BASE) : published, ctx: publicContext(ctx) };
}

/** A chart's table as a CSV file (src/export/csv.ts): its columns' labels, then its cells as shown. */
export function tableCsv(data: TableData | null): string {
  if (!data) return toCsv([], []);
  return toCsv(
    data.rows,
    data.columns.map((c, i) => ({
      header: c.label,
      value: (row: TableData['rows'][number]) => row.cells[i] ?? '',
    })),
  );
}

/** Resolves once `has()` holds, checked every 100 ms; rejects after `timeout` ms. */
export function whenReady(has: () => boolean, timeout = 30_000): Promise<void> {
  const until = Date.now() + timeout;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (has()) resolve();
      else if (Date.now() > until) reject(new Error('the rows to export did not arrive'));
      else setTimeout(check, 100);
    };
    check();
  });
}
