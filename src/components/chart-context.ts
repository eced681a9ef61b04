import type { ChartContext, FixedScale } from '../charts/context';
import type { ExportSource, ExportView } from '../export/source';
import { plotExport } from '../export/source';
import { exportView, tableCsv, whenReady, type ExportableChart } from '../export/view';
import type { PlotOptions } from '@observablehq/plot';
import { i18n } from '../i18n/i18n.svelte';
import type { DemandQuery } from '../state/query-effect.svelte';

export type { ExportableChart } from '../export/view';

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

/**
 * The export menu's source for a chart: its spec at any width and its table as
 * CSV, from the rows shown, or, for a public export (the default), from
 * `published`: the rows of its query over the published cells (src/export/view.ts), asked only
 * when an export needs them (`ready`), not on every filter change.
 */
export function chartExport<R>(
  rows: () => readonly R[] | null,
  chart: ExportableChart<R, PlotOptions | null>,
  contextAt: (width: number) => ChartContext,
  published: Pick<DemandQuery<R>, 'rows' | 'request'>,
): ExportSource {
  const view = (width: number, { public: open }: ExportView, plain = false) => {
    // A CSV holds numbers as numbers (12345), not as the page writes them (12,345 or 1.23万).
    const ctx = plain ? { ...contextAt(width), n: (v: number) => String(v) } : contextAt(width);
    return exportView(chart, rows(), ctx, open, published.rows);
  };
  // The CSV's and the .xlsx's table: plain numbers, the rows of the view (public or shown).
  const table = (options: ExportView) => {
    const v = view(640, options, true);
    return v && chart.table(v.rows, v.ctx);
  };
  return {
    ...plotExport(
      (width, options) => {
        const v = view(width, options);
        return v && chart.spec(v.rows, v.ctx);
      },
      (options) => tableCsv(table(options)),
    ),
    table,
    ready: (options) => {
      if (options.public) published.request();
      return whenReady(() => (options.public ? published.rows : rows()) !== null);
    },
  };
}
