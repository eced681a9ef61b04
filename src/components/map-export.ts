import type { CountryFlow } from '../charts/choropleth';
import type { MapSpec } from '../charts/flow-map-types';
import { renderMapForExport } from '../charts/render-map';
import type { ExportSource } from '../export/source';
import { mapTableCsv, mapTableData } from '../export/map-table';
import { whenReady } from '../export/view';
import { i18n } from '../i18n/i18n.svelte';

/**
 * What the export menu takes from the flow map: the map as shown, drawn at the
 * export width with the basemap's credit line under it, and its table as CSV.
 * A public export (the default) draws the map and its table from the flows over
 * the published cells (src/disclosure/public-cells.ts): line widths, shades and
 * figures carry no exact count.
 */
export function mapExportSource(
  specAt: (width: number, open: boolean) => MapSpec | null,
  credit: () => string,
  table: (open: boolean) => readonly CountryFlow[] | null,
): ExportSource {
  return {
    ready: (view) => whenReady(() => table(view.public) !== null),
    draw(width, view) {
      const spec = specAt(width, view.public);
      if (!spec) return null;
      // The export legend shows colours: the flows' line widths are left out, a
      // choropleth's swatches are named by its measure.
      const [first, ...rest] = spec.legend;
      const shaded = first?.items[0]?.kind === 'swatch';
      const legend = [
        ...(first?.items ?? []).map((item, i) => ({
          label: shaded && i === 0 ? `${first!.title} ${item.label}` : item.label,
          color: item.color,
        })),
        ...(shaded ? rest.flatMap((section) => section.items) : []),
      ];
      return { chart: renderMapForExport(spec, credit()), legend };
    },
    csv: (view) => mapTableCsv(table(view.public) ?? [], { t: i18n.t, country: i18n.country }),
    table: (view) => mapTableData(table(view.public) ?? [], { t: i18n.t, country: i18n.country }),
  };
}
