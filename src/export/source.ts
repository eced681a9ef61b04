import type { PlotOptions } from '@observablehq/plot';
import { renderPlot } from '../charts/render';
import type { TableData } from '../charts/table';
import type { LegendItem } from './compose-svg';

/**
 * A public export (the default) shows the published figures (counts rounded,
 * see docs/disclosure.md); an internal one shows every exact count.
 */
export interface ExportView {
  public: boolean;
}

/** What a chart hands the export menu: itself drawn for export, and its data. */
export interface ExportSource {
  /** The chart drawn at `width` without its HTML legend, and the legend as items. */
  draw(width: number, view: ExportView): { chart: SVGSVGElement; legend: LegendItem[] } | null;
  /** The data behind the view, as CSV text. */
  csv(view: ExportView): string;
  /** The same data as a table, for the .xlsx export (src/export/xlsx.ts): the CSV's cells, its columns' kinds. */
  table?(view: ExportView): TableData | null;
  /** Resolves once the view's rows are there (a public view's are asked for on their own). */
  ready?(view: ExportView): Promise<void>;
}

interface ColorScale {
  domain?: unknown[];
  range?: unknown[];
}

/** An export source for a Plot chart: its spec at a width, drawn with the legend left out. */
export function plotExport(
  specAt: (width: number, view: ExportView) => PlotOptions | null,
  csv: (view: ExportView) => string,
): ExportSource {
  return {
    draw(width, view) {
      const spec = specAt(width, view);
      if (!spec) return null;
      const element = renderPlot({ ...spec, color: { ...spec.color, legend: false } });
      if (!(element instanceof SVGSVGElement)) return null;
      const scale = (element as SVGSVGElement & { scale(name: string): ColorScale | undefined }).scale('color');
      const domain = scale?.domain ?? [];
      const range = scale?.range ?? [];
      const legend = domain.map((label, i) => ({ label: String(label), color: String(range[i] ?? '#888') }));
      return { chart: element, legend };
    },
    csv,
  };
}
