import type { GeoProjection } from 'd3';
import type { Feature, Geometry } from 'geojson';
import type { Locale } from '../i18n/messages';
import type { ChartContext } from './context';
import type { Point } from './flow-map-geometry';

/** Arcs from Anshun, or countries shaded by a measure. */
export const MAP_MODES = ['flows', 'choropleth'] as const;
export type MapMode = (typeof MAP_MODES)[number];

/** What a shaded map shows per country. */
export const MEASURES = ['outbound', 'inbound', 'total', 'net'] as const;
export type Measure = (typeof MEASURES)[number];

/** What the map spec needs from the page: a chart's context and the language, for city names. */
export interface MapContext extends ChartContext {
  locale: Locale;
}

/** A shape of the basemap; `id` is its ISO alpha-2 code, null for a shape without one. */
export interface MapFeature {
  id: string | null;
  feature: Feature<Geometry>;
}

export type LegendItem =
  | { kind: 'line'; color: string; width: number; label: string }
  | { kind: 'swatch'; color: string; label: string }
  | { kind: 'dot'; color: string; label: string };

export interface LegendSection {
  title: string;
  items: LegendItem[];
  /** The flows' line widths: drawn into the map itself when it is exported (src/charts/render-map.ts). */
  widths?: boolean;
}

/** A country or region named on the exported map, where its flows end. */
export interface MapLabel {
  country: string;
  text: string;
  at: Point;
}

/** A tooltip: lines of plain text. */
export type Tip = readonly string[];

export interface MapArea {
  id: string | null;
  feature: Feature<Geometry>;
  fill: string;
  stroke: string;
  selected: boolean;
  /** A click selects (or clears) this country or region. */
  clickable: boolean;
  tip: Tip | null;
}

export interface MapArc {
  key: string;
  country: string;
  color: string;
  width: number;
  /** Projected, before zoom. */
  from: Point;
  to: Point;
  dimmed: boolean;
  tip: Tip;
}

export interface MapMarker {
  key: string;
  country: string;
  at: Point;
  r: number;
  fill: string;
  selected: boolean;
  dimmed: boolean;
  tip: Tip;
}

/** Everything the renderer draws: pure data, computed from rows and the basemap's shapes. */
export interface MapSpec {
  width: number;
  height: number;
  /** The world's projected box, before zoom: the bounds of panning. */
  extent: [Point, Point];
  projection: GeoProjection;
  areas: MapArea[];
  arcs: MapArc[];
  markers: MapMarker[];
  hub: { at: Point; label: string; color: string };
  legend: LegendSection[];
  /** The largest countries and regions by person-trips, largest first, named on an exported map. */
  labels?: MapLabel[];
  /** The map's accessible name. */
  label: string;
}
