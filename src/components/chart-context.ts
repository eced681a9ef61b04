import type { ChartContext, FixedScale } from '../charts/context';
import type { TableData } from '../charts/table';
import type { ExportSource, ExportView } from '../export/source';
import { toCsv } from '../export/csv';
import { plotExport } from '../export/source';
import type { PlotOptions } from '@observablehq/plot';
import { i18n } from '../i18n/i18n.svelte';
import { SMALL_COUNT_THRESHOLD } from '../config/disclosure';
import { protectedNumber } from '../disclosure/protect';

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

/** How a chart draws its rows, for the export menu. */
export interface ExportableChart<R> {
  spec(rows: readonly R[], ctx: ChartContext): PlotOptions | null;
  table(rows: readonly R[], ctx: ChartContext): TableData | null;
  /** Its rows with small counts hidden (see src/disclosure/public-view.ts); absent when it draws no counts. */
  publicRows?(rows: readonly R[], threshold: number): readonly R[];
}

/**
 * The export menu's source for a chart: its spec at any width and its table as
 * CSV, from the rows shown, or, for a public export, from the rows with small
 * counts hidden and drawn as "<5".
 */
export function chartExport<R>(
  rows: () => readonly R[] | null,
  chart: ExportableChart<R>,
  contextAt: (width: number) => ChartContext,
): ExportSource {
  const view = (width: number, { public: open }: ExportView, plain = false) => {
    const shown = rows();
    if (!shown) return null;
    // A CSV holds numbers as numbers (12345), not as the page writes them (12,345 or 1.23万).
    const ctx = plain ? { ...contextAt(width), n: (v: number) => String(v) } : contextAt(width);
    if (!open || !chart.publicRows || SMALL_COUNT_THRESHOLD <= 0) return { rows: shown, ctx };
    const n = protectedNumber(ctx.n, SMALL_COUNT_THRESHOLD) as (v: number) => string;
    return { rows: chart.publicRows(shown, SMALL_COUNT_THRESHOLD), ctx: { ...ctx, n } };
  };
  return plotExport(
    (width, options) => {
      const v = view(width, options);
      return v && chart.spec(v.rows, v.ctx);
    },
    (options) => {
      const v = view(640, options, true);
      const data = v && chart.table(v.rows, v.ctx);
      if (!data) return toCsv([], []);
      return toCsv(
        data.rows,
        data.columns.map((c, i) => ({
          header: c.label,
          value: (row: TableData['rows'][number]) => row.cells[i] ?? '',
        })),
      );
    },
  );
}
