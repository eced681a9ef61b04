import type { ChartContext } from '../charts/context';
import type { TableData } from '../charts/table';
import { ROUNDING_BASE } from '../config/disclosure';
import { publicContext } from '../disclosure/public-view';
import { toCsv } from './csv';

/** How a chart draws its rows, for the export menu: `S` is what its spec is (Plot options). */
export interface ExportableChart<R, S = unknown> {
  spec(rows: readonly R[], ctx: ChartContext): S;
  table(rows: readonly R[], ctx: ChartContext): TableData | null;
  /** Its rows as a public view shows them (src/disclosure/public-view.ts); absent when it draws no counts of people. */
  publicRows?(rows: readonly R[], base: number): readonly R[];
}

/**
 * The rows and context an export draws: for an internal export the rows shown; for a public one
 * (the default) the chart's public rows, every count rounded, computed from `full` (a top-N
 * chart's every row, so the top N are those of the published totals) or else from the rows shown.
 * Null while the rows are not there.
 */
export function exportView<R>(
  chart: Pick<ExportableChart<R>, 'publicRows'>,
  shown: readonly R[] | null,
  ctx: ChartContext,
  open: boolean,
  full?: readonly R[] | null,
): { rows: readonly R[]; ctx: ChartContext } | null {
  if (!open) return shown && { rows: shown, ctx };
  const source = full === undefined ? shown : full;
  if (!source) return null;
  return { rows: chart.publicRows ? chart.publicRows(source, ROUNDING_BASE) : source, ctx: publicContext(ctx) };
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
