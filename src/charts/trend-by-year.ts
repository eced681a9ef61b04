import * as Plot from '@observablehq/plot';
import type { TrendRow } from '../data/queries';
import { DIRECTIONS } from '../data/schema';
import { DIRECTION_COLORS, type ChartContext } from './context';

/** Person-trips per year, outbound beside inbound; a provisional year's bars get a dashed outline. */
export function trendByYear(rows: readonly TrendRow[], ctx: ChartContext): Plot.PlotOptions {
  const label = (d: TrendRow) => ctx.t(`direction.${d.direction}`);
  const years = [...new Set(rows.map((d) => d.year))].sort((a, b) => a - b);
  return {
    width: ctx.width,
    height: 320,
    marginLeft: 48,
    marginBottom: 36,
    style: { fontSize: '13px' },
    fx: { label: null, domain: years, tickFormat: (y: number) => String(y) },
    x: { axis: null, domain: DIRECTIONS, paddingInner: 0.08 },
    y: { label: ctx.t('chart.trend.y'), grid: true, tickFormat: (v: number) => ctx.n(v) },
    color: {
      domain: DIRECTIONS.map((d) => ctx.t(`direction.${d}`)),
      range: DIRECTIONS.map((d) => DIRECTION_COLORS[d]),
      legend: true,
    },
    marks: [
      Plot.barY(rows, {
        fx: 'year',
        x: 'direction',
        y: 'headcount',
        fill: label,
        stroke: (d: TrendRow) => (d.provisional ? '#333' : 'none'),
        strokeDasharray: '4,2',
        channels: { year: { value: 'year', label: '' } },
        tip: {
          format: { fx: false, x: false, fill: true, y: (v: number) => ctx.n(v), year: (v: number) => String(v) },
        },
      }),
      Plot.text(rows, {
        fx: 'year',
        x: 'direction',
        y: 'headcount',
        text: (d: TrendRow) => ctx.n(d.headcount),
        dy: -7,
        fontSize: 11,
        fill: 'currentColor',
      }),
      Plot.ruleY([0]),
    ],
  };
}
