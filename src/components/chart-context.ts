import type { ChartContext, FixedScale } from '../charts/context';
import type { TableData } from '../charts/table';
import type { ExportSource } from '../export/source';
import { toCsv } from '../export/csv';
import { plotExport } from '../export/source';
import type { PlotOptions } from '@observablehq/plot';
import { i18n } from '../i18n/i18n.svelte';

/** A chart context in the page's language. */
export function chartContext(
  width: number,
  extra: { selected?: string | null; years?: readonly [number, number]; fixed?: FixedScale | undefined } = {},
): ChartContext {
  const ctx: ChartContext = { t: i18n.t, n: i18n.n, country: i18n.country, width, locale: i18n.locale };
  if (extra.selected !== undefined) ctx.selected = extra.selected;
  if (extra.years) ctx.years = extra.years;
  if (extra.fixed) ctx.fixed = extra.fixed;
  return ctx;
}

/** The export menu's source for a chart: its spec at any width, its table as CSV. */
export function chartExport(
  specAt: (width: number) => PlotOptions | null,
  table: () => TableData | null,
): ExportSource {
  return plotExport(specAt, () => {
    const data = table();
    if (!data) return toCsv([], []);
    return toCsv(
      data.rows,
      data.columns.map((c, i) => ({ header: c.label, value: (row: TableData['rows'][number]) => row.cells[i] ?? '' })),
    );
  });
}
