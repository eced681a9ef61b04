import * as Plot from '@observablehq/plot';
import type { CountryRow } from '../data/queries';
import { DIRECTIONS } from '../data/schema';
import { DIRECTION_COLORS, type ChartContext } from './context';

/** Countries and regions ranked by person-trips, each bar split into outbound and inbound. */
export function topCountries(rows: readonly CountryRow[], ctx: ChartContext): Plot.PlotOptions {
  const names = new Map(rows.map((d) => [d.country, ctx.country(d.country)]));
  const order = [...new Map(rows.map((d) => [d.country, d.total])).entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([code]) => names.get(code) ?? code);
  const name = (d: CountryRow) => names.get(d.country) ?? d.country;
  const longest = Math.max(0, ...order.map((s) => s.length));
  return {
    width: ctx.width,
    height: Math.max(120, order.length * 26 + 50),
    marginLeft: Math.min(180, 16 + longest * 13),
    marginRight: 40,
    style: { fontSize: '13px' },
    x: { label: ctx.t('chart.countries.x'), grid: true, axis: 'top', tickFormat: (v: number) => ctx.n(v) },
    y: { label: null, domain: order },
    color: {
      domain: DIRECTIONS.map((d) => ctx.t(`direction.${d}`)),
      range: DIRECTIONS.map((d) => DIRECTION_COLORS[d]),
      legend: true,
    },
    marks: [
      Plot.barX(rows, {
        y: name,
        x: 'headcount',
        fill: (d: CountryRow) => ctx.t(`direction.${d.direction}`),
        order: DIRECTIONS.map((d) => ctx.t(`direction.${d}`)),
        tip: { format: { x: (v: number) => ctx.n(v), fill: true, y: true } },
      }),
      Plot.text(
        rows.filter((d, i) => rows.findIndex((e) => e.country === d.country) === i),
        { y: name, x: 'total', text: (d: CountryRow) => ctx.n(d.total), dx: 4, textAnchor: 'start', fontSize: 11 },
      ),
      Plot.ruleX([0]),
    ],
  };
}
