import { geoNaturalEarth1, scaleSqrt, ticks, type GeoProjection } from 'd3';
import { BASEMAP, COLLEGE, type BasemapConfig } from '../config/basemap';
import type { FlowRow } from '../data/queries/flows';
import { countryByIso2 } from '../reference/countries';
import { countryFlows, HOME, HOME_STROKE, LAND, shadeScale, type CountryFlow, type Measure } from './choropleth';
import { DIRECTION_COLORS } from './context';
import type { Point } from './flow-map-geometry';
import type {
  LegendSection,
  MapArc,
  MapArea,
  MapContext,
  MapFeature,
  MapLabel,
  MapMarker,
  MapSpec,
  Tip,
} from './flow-map-types';

export { MAP_MODES, type MapMode } from './flow-map-types';
import type { MapMode } from './flow-map-types';

export interface FlowMapOptions {
  mode: MapMode;
  measure: Measure;
  /** The selected country or region (ISO alpha-2), highlighted; the rest are dimmed. */
  selected: string | null;
  /**
   * During year playback: the rows of every year the playback goes through, so
   * line widths and shades keep one scale from frame to frame.
   */
  fixed?: readonly FlowRow[];
}

/** Flows to and from Hong Kong, Macao and Taiwan (港澳台): colours of their own, apart from foreign flows in every colour vision. */
export const HMT_COLORS = { outbound: '#8e0049', inbound: '#896368' } as const;
/** The land of countries that have flows, in the flows view. */
export const LAND_ACTIVE = '#cfd5dc';
export const HUB_COLOR = '#b3261e';

/** How many of the largest countries and regions an exported map names. */
export const MAP_LABELS = 8;

/** Below this width the world is drawn larger than the map and the view starts on Asia; pan to see the rest. */
const NARROW = 640;
const NARROW_SCALE = 1.5;

/**
 * Natural Earth, its centre meridian set by the config, fitted to the width and
 * cropped to 84° N – 58° S (Antarctica is not drawn). On a narrow screen the
 * world is wider than the map, centred across on `focus`. `extent` is the world's
 * projected box, the bounds of panning.
 */
export function mapProjection(
  width: number,
  centralMeridian: number,
  focus: readonly [lon: number, lat: number],
): { projection: GeoProjection; height: number; extent: [Point, Point] } {
  const worldWidth = width < NARROW ? width * NARROW_SCALE : width;
  const projection = geoNaturalEarth1().rotate([-centralMeridian, 0]).fitWidth(worldWidth, { type: 'Sphere' });
  const top = projection([centralMeridian, 84])?.[1] ?? 0;
  const bottom = projection([centralMeridian, -58])?.[1] ?? 0;
  const height = Math.ceil(bottom - top);
  const focusX = projection([...focus])?.[0] ?? worldWidth / 2;
  const shift = Math.min(0, Math.max(width - worldWidth, width / 2 - focusX));
  const [tx, ty] = projection.translate();
  projection.translate([tx + shift, ty - top]);
  return {
    projection,
    height,
    extent: [
      [shift, 0],
      [shift + worldWidth, height],
    ],
  };
}

function countryTip(name: string, flow: CountryFlow | undefined, selected: boolean, ctx: MapContext): Tip {
  if (!flow) return [name];
  return [
    name,
    ctx.t('map.tip.outbound', { value: ctx.n(flow.outbound) }),
    ctx.t('map.tip.inbound', { value: ctx.n(flow.inbound) }),
    ctx.t('map.tip.total', { value: ctx.n(flow.total) }),
    ctx.t('map.tip.net', { value: ctx.n(flow.net) }),
    ctx.t(selected ? 'map.tip.deselect' : 'map.tip.select'),
  ];
}

function placeName(row: FlowRow, ctx: MapContext): string {
  const city = ctx.locale === 'zh-CN' ? row.city_zh : row.city_en;
  const country = ctx.country(row.country);
  return city ? ctx.t('map.place', { city, country }) : country;
}

/** What the layers of one map share: where things are drawn, the flows by country, the selection. */
interface MapFrame {
  project: (lon: number, lat: number) => Point;
  hub: Point;
  flows: CountryFlow[];
  selected: string | null;
  isHome: (id: string | null) => boolean;
  ctx: MapContext;
}

/** Every country's shape: filled by its flows (or the choropleth's shade), with its tip. */
function mapAreas(
  features: readonly MapFeature[],
  frame: MapFrame,
  shade: ReturnType<typeof shadeScale> | null,
  measure: Measure,
): MapArea[] {
  const { selected, isHome, ctx } = frame;
  const byCountry = new Map(frame.flows.map((d) => [d.country, d]));
  return features.map(({ id, feature }) => {
    const flow = id === null ? undefined : byCountry.get(id);
    const fill = isHome(id) ? HOME : flow ? ((shade ? shade.fill(flow[measure]) : LAND_ACTIVE) ?? LAND) : LAND;
    return {
      id,
      feature,
      fill,
      // China's outline, drawn darker, also draws the ten-dash line's thin shapes.
      stroke: isHome(id) ? HOME_STROKE : '#fff',
      selected: id !== null && id === selected,
      clickable: id !== null && (flow !== undefined || id === selected),
      tip: id === null ? null : countryTip(ctx.country(id), flow, id === selected, ctx),
    };
  });
}

/** The choropleth's dots (regions drawn in China's fill, places too small for a shape) and its legend. */
function choroplethLayer(
  features: readonly MapFeature[],
  frame: MapFrame,
  shade: NonNullable<ReturnType<typeof shadeScale>>,
  measure: Measure,
): { markers: MapMarker[]; legend: LegendSection[] } {
  const { project, selected, isHome, ctx } = frame;
  const shaped = new Set(features.map((f) => f.id));
  const markers: MapMarker[] = [];
  for (const flow of frame.flows) {
    if (shaped.has(flow.country) && !isHome(flow.country)) continue;
    const point = countryByIso2(flow.country);
    if (!point) continue;
    markers.push({
      key: flow.country,
      country: flow.country,
      at: project(point.lon, point.lat),
      r: 6,
      fill: shade.fill(flow[measure]) ?? LAND,
      selected: flow.country === selected,
      dimmed: false,
      tip: countryTip(ctx.country(flow.country), flow, flow.country === selected, ctx),
    });
  }
  const legend: LegendSection[] = [
    { title: ctx.t(`map.measure.${measure}`), items: shade.legend },
    {
      title: '',
      items: [
        { kind: 'swatch', color: HOME, label: ctx.t('map.legend.home') },
        ...(markers.length ? [{ kind: 'dot' as const, color: '#fff', label: ctx.t('map.legend.dots') }] : []),
      ],
    },
  ];
  return { markers, legend };
}

/** The flows view: an arc per place and direction, width by person-trips, a dot per place, and the legend. */
function flowsLayer(
  rows: readonly FlowRow[],
  frame: MapFrame,
  fixed: readonly FlowRow[] | undefined,
): { arcs: MapArc[]; markers: MapMarker[]; legend: LegendSection[] } {
  const { project, hub, selected, ctx } = frame;
  const dimmed = (country: string) => selected !== null && country !== selected;
  // In a public view (an embed) a small flow's count is null: drawn at the thinnest width, its tip "<5".
  const max = Math.max(1, ...(fixed ?? rows).map((r) => r.headcount ?? 0));
  const widest = Math.min(12, Math.max(5, ctx.width / 90));
  const width = scaleSqrt().domain([0, max]).range([0, widest]);
  const strokeWidth = (v: number) => Math.max(1.2, width(v));
  const arcs: MapArc[] = [];
  const places = new Map<string, { row: FlowRow; outbound: number | null; inbound: number | null }>();
  for (const row of rows) {
    const at = project(row.lon, row.lat);
    const key = `${row.country}@${row.lon},${row.lat}`;
    const colors = row.region_type === 'hk_macao_tw' ? HMT_COLORS : DIRECTION_COLORS;
    const out = row.direction === 'outbound';
    arcs.push({
      key: `${key}/${row.direction}`,
      country: row.country,
      color: colors[row.direction],
      width: strokeWidth(row.headcount ?? 0),
      from: out ? hub : at,
      to: out ? at : hub,
      dimmed: dimmed(row.country),
      tip: [placeName(row, ctx), ctx.t(`map.tip.${row.direction}`, { value: ctx.n(row.headcount) })],
    });
    const place = places.get(key) ?? { row, outbound: 0, inbound: 0 };
    // A place's sum with a hidden part is hidden too.
    const sum = place[row.direction];
    place[row.direction] = sum === null || row.headcount === null ? null : sum + row.headcount;
    places.set(key, place);
  }
  // Long arcs first, short ones drawn over them: a short arc (Taiwan, the largest flow, lies next to the hub) would
  // otherwise vanish under the long ones that cross it; then the wider first, so a thin arc stays visible.
  const reach = (a: MapArc) => Math.hypot(a.to[0] - a.from[0], a.to[1] - a.from[1]);
  arcs.sort((a, b) => reach(b) - reach(a) || b.width - a.width || a.key.localeCompare(b.key));
  const n = ctx.n as (v: number | null) => string;
  const markers: MapMarker[] = [...places].map(([key, { row, outbound, inbound }]) => {
    const isSelected = row.country === selected;
    return {
      key,
      country: row.country,
      at: project(row.lon, row.lat),
      r: isSelected ? 5 : 3.5,
      fill: '#fff',
      selected: isSelected,
      dimmed: dimmed(row.country),
      tip: [
        placeName(row, ctx),
        ctx.t('map.tip.outbound', { value: n(outbound) }),
        ctx.t('map.tip.inbound', { value: n(inbound) }),
        ctx.t(isSelected ? 'map.tip.deselect' : 'map.tip.select'),
      ],
    };
  });
  const legend: LegendSection[] = [
    {
      title: ctx.t('map.legend.direction'),
      items: [
        { kind: 'line', color: DIRECTION_COLORS.outbound, width: 3, label: ctx.t('map.legend.outbound') },
        { kind: 'line', color: DIRECTION_COLORS.inbound, width: 3, label: ctx.t('map.legend.inbound') },
        { kind: 'line', color: HMT_COLORS.outbound, width: 3, label: ctx.t('map.legend.hmtOutbound') },
        { kind: 'line', color: HMT_COLORS.inbound, width: 3, label: ctx.t('map.legend.hmtInbound') },
        { kind: 'dot', color: HUB_COLOR, label: ctx.t('map.legend.hub') },
      ],
    },
    {
      title: ctx.t('map.legend.width'),
      widths: true,
      items: ticks(0, max, 3)
        .filter((v) => v > 0)
        .slice(-3)
        .map((v) => ({ kind: 'line', color: '#6b7280', width: strokeWidth(v), label: ctx.n(v) })),
    },
  ];
  return { arcs, markers, legend };
}

/** The largest places by person-trips (both ways), named at the country's point (the one the choropleth's dots use). */
function mapLabels(frame: MapFrame, home: string): MapLabel[] {
  return [...frame.flows]
    .filter((flow) => flow.country !== home && flow.total > 0)
    .sort((a, b) => b.total - a.total || a.country.localeCompare(b.country))
    .slice(0, MAP_LABELS)
    .flatMap((flow) => {
      const point = countryByIso2(flow.country);
      return point
        ? [{ country: flow.country, text: frame.ctx.country(flow.country), at: frame.project(point.lon, point.lat) }]
        : [];
    });
}

/**
 * The flow map (arcs from the college to each place, width by person-trips)
 * or its choropleth (countries shaded by a measure), as data for the renderer.
 */
export function flowMap(
  rows: readonly FlowRow[],
  features: readonly MapFeature[],
  ctx: MapContext,
  options: FlowMapOptions,
  config: BasemapConfig = BASEMAP,
): MapSpec {
  const { projection, height, extent } = mapProjection(ctx.width, config.centralMeridian, [COLLEGE.lon, COLLEGE.lat]);
  const project = (lon: number, lat: number): Point => {
    const p = projection([lon, lat]);
    return p ? [p[0], p[1]] : [0, 0];
  };
  const frame: MapFrame = {
    project,
    hub: project(COLLEGE.lon, COLLEGE.lat),
    flows: countryFlows(rows),
    selected: options.selected,
    isHome: (id) => id === config.home || (id !== null && config.homeRegions.includes(id)),
    ctx,
  };
  const fixed = options.fixed && countryFlows(options.fixed);
  const shade = options.mode === 'choropleth' ? shadeScale(frame.flows, options.measure, ctx, fixed) : null;
  const layer = shade
    ? { arcs: [], ...choroplethLayer(features, frame, shade, options.measure) }
    : flowsLayer(rows, frame, options.fixed);
  return {
    width: ctx.width,
    height,
    extent,
    labels: mapLabels(frame, config.home),
    projection,
    areas: mapAreas(features, frame, shade, options.measure),
    ...layer,
    hub: { at: frame.hub, label: ctx.t('map.hub'), color: HUB_COLOR },
    label: ctx.t('map.aria', { count: frame.flows.length }),
  };
}
