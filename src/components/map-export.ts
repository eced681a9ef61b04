import type { CountryFlow } from '../charts/choropleth';
import type { MapSpec } from '../charts/flow-map-types';
import { renderMapForExport } from '../charts/render-map';
import type { LegendItem } from '../export/compose-svg';
import type { ExportSource } from '../export/source';
import { mapTableCsv, mapTableData } from '../export/map-table';
import { whenReady } from '../export/view';
import { i18n } from '../i18n/i18n.svelte';

/**
 * The map drawn for export (PNG, SVG, slides) and its legend as colour items: the map's own
 * SVG carries the line-width legend, the names of the largest places and the basemap's credit
 * (src/charts/render-map.ts); a choropleth's swatches are named by its measure.
 */
export function mapExportParts(spec: MapSpec, credit: string): { chart: SVGSVGElement; legend: LegendItem[] } {
  const [first, ...rest] = spec.legend;
  const shaded = first?.items[0]?.kind === 'swatch';
  const legend = [
    ...(first?.items ?? []).map((item, i) => ({
      label: shaded && i === 0 ? `${first!.title} ${item.label}` : item.label,
      color: item.color,
    })),
    ...(shaded ? rest.flatMap((section) => section.items) : []),
  ];
  return { chart: renderMapForExport(spec, credit), legend };
}

/** The basemap's credit line (and its approval number), which a published map must carry. */
export function mapCredit(
  basemap: { credit: Record<'zh-CN' | 'en', string>; approval: string | null | undefined },
  words: { t: typeof i18n.t; locale: 'zh-CN' | 'en' },
): string {
  const approval = basemap.approval ? words.t('map.approval', { number: basemap.approval }) : words.t('map.noApproval');
  return `${basemap.credit[words.locale]} ${approval}`;
}

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
      return spec ? mapExportParts(spec, credit()) : null;
    },
    csv: (view) => mapTableCsv(table(view.public) ?? [], { t: i18n.t, country: i18n.country }),
    table: (view) => mapTableData(table(view.public) ?? [], { t: i18n.t, country: i18n.country }),
  };
}
