import { interpolateRgb, piecewise, ticks } from 'd3';
import type { FlowRow } from '../data/queries/flows';
import type { RegionType } from '../data/schema';
import { DIRECTION_COLORS } from './context';
import type { LegendItem, MapContext } from './flow-map-types';

export { MEASURES, type Measure } from './flow-map-types';
import type { Measure } from './flow-map-types';

/** One country's or region's figures, summed over the places its arcs end at. */
export interface CountryFlow {
  country: string;
  region_type: RegionType;
  outbound: number;
  inbound: number;
  total: number;
  /** Inbound − outbound. */
  net: number;
}

/** The flow rows summed per country, largest total first. */
export function countryFlows(rows: readonly FlowRow[]): CountryFlow[] {
  const byCountry = new Map<string, CountryFlow>();
  for (const row of rows) {
    let c = byCountry.get(row.country);
    if (!c) {
      c = { country: row.country, region_type: row.region_type, outbound: 0, inbound: 0, total: 0, net: 0 };
      byCountry.set(row.country, c);
    }
    c[row.direction] += row.headcount;
    c.total += row.headcount;
    c.net = c.inbound - c.outbound;
  }
  return [...byCountry.values()].sort((a, b) => b.total - a.total || a.country.localeCompare(b.country));
}

/** Land with no exchange, and the fill of China with Taiwan, Hong Kong and Macao. */
export const LAND = '#e4e7eb';
export const HOME = '#f6dde2';
export const HOME_STROKE = '#c48f9a';

const RAMPS: Record<Exclude<Measure, 'net'>, readonly [string, string]> = {
  outbound: ['#dbe9f6', '#0d4a80'],
  inbound: ['#fcebd2', '#9a5300'],
  total: ['#dcefe2', '#1f6a3f'],
};
const DIVERGING = piecewise(interpolateRgb, [DIRECTION_COLORS.outbound, '#f2f2f2', DIRECTION_COLORS.inbound]);

export interface ShadeScale {
  /** The fill for a value; null for a country with nothing to shade. */
  fill(value: number): string | null;
  legend: LegendItem[];
}

/**
 * Shades for one measure over these countries: a square-root ramp from 0 to the
 * largest value (the data is skewed: a few partners carry most trips), or for
 * the net flow a diverging ramp symmetric around 0.
 */
export function shadeScale(
  flows: readonly CountryFlow[],
  measure: Measure,
  ctx: MapContext,
  /** Held fixed (year playback): the scale spans these figures, the sum over every frame, instead. */
  fixed?: readonly CountryFlow[],
): ShadeScale {
  const none: LegendItem = { kind: 'swatch', color: LAND, label: ctx.t('map.legend.none') };
  if (measure === 'net') {
    // A year's net can exceed the net of all years, never the larger of all years' inbound and outbound.
    const extent = Math.max(
      1,
      ...(fixed ? fixed.map((d) => Math.max(d.inbound, d.outbound)) : flows.map((d) => Math.abs(d.net))),
    );
    const at = (v: number) => 0.5 + (Math.sign(v) * Math.sqrt(Math.abs(v) / extent)) / 2;
    const steps = ticks(0, extent, 2).filter((v) => v > 0);
    const values = [...steps.map((v) => -v).reverse(), 0, ...steps];
    return {
      fill: (v) => DIVERGING(at(v)),
      legend: values.map((v) => ({
        kind: 'swatch',
        color: DIVERGING(at(v)),
        label: v === 0 ? '0' : `${v > 0 ? '+' : '−'}${ctx.n(Math.abs(v))}`,
      })),
    };
  }
  const values = (fixed ?? flows).map((d) => d[measure]);
  const max = Math.max(1, ...values);
  const ramp = interpolateRgb(...RAMPS[measure]);
  const at = (v: number) => ramp(Math.sqrt(v / max));
  const steps = ticks(0, max, 4).filter((v) => v > 0);
  return {
    fill: (v) => (v > 0 ? at(v) : null),
    legend: [none, ...steps.map((v): LegendItem => ({ kind: 'swatch', color: at(v), label: ctx.n(v) }))],
  };
}
