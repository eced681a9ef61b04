import type { CountryFlow } from '../charts/choropleth';
import type { MapSpec } from '../charts/flow-map-types';
import { renderMapForExport } from '../charts/render-map';
import { toCsv } from '../export/csv';
import type { ExportSource } from '../export/source';
import { SMALL_COUNT_THRESHOLD } from '../config/disclosure';
import { publicCountrySums } from '../disclosure/public-view';
import { i18n } from '../i18n/i18n.svelte';

/** A count hidden in a public export (null) reads "<5". */
const hidden = (v: number | null): number | string => (v === null ? `<${SMALL_COUNT_THRESHOLD}` : v);

/**
 * What the export menu takes from the flow map: the map as shown, drawn at the
 * export width with the basemap's credit line under it, and its table as CSV.
 */
export function mapExportSource(
  specAt: (width: number) => MapSpec | null,
  credit: () => string,
  table: () => readonly CountryFlow[],
): ExportSource {
  return {
    draw(width) {
      const spec = specAt(width);
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
    // The drawing shows no figures (widths and shades only); the table's small counts read "<5" in public.
    csv: (view) =>
      toCsv(view.public ? publicCountrySums(table(), SMALL_COUNT_THRESHOLD) : table(), [
        { header: i18n.t('map.table.place'), value: (d) => i18n.country(d.country) },
        { header: i18n.t('map.table.outbound'), value: (d) => hidden(d.outbound) },
        { header: i18n.t('map.table.inbound'), value: (d) => hidden(d.inbound) },
        { header: i18n.t('map.table.total'), value: (d) => hidden(d.total) },
        { header: i18n.t('map.table.net'), value: (d) => hidden(d.net) },
      ]),
  };
}
