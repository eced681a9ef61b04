import * as Plot from '@observablehq/plot';
import type { NetFlowRow } from '../data/queries';
import { CHART_FONT_SIZE, domainOf, emphasis, labelMargin, nameAxisY } from './common';
import { DIRECTION_COLORS, type ChartContext, type FixedScale } from './context';
import type { TableData } from './table';

/**
 * Net flow per country and region as diverging bars: inbound − outbound, to
 * the right when more came than went, to the left when more went out.
 */
export function netFlow(rows: readonly NetFlowRow[], ctx: ChartContext): Plot.PlotOptions {
  const names = new Map([
    ...(ctx.fixed?.names ?? []),
    ...rows.map((d) => [d.country, ctx.country(d.country)] as const),
  ]);
  // Largest net first, ties by country code (a public view's rows are rounded: ranked as published).
  const sorted = [...rows].sort((a, b) => b.net - a.net || (a.country < b.country ? -1 : 1)).map((d) => d.country);
  const order = ctx.fixed?.keys ? [...new Set([...ctx.fixed.keys, ...sorted])] : sorted;
  const marginLeft = labelMargin(
    order.map((k) => names.get(k) ?? k),
    ctx.width,
  );
  const [min, max] = domainOf(
    rows.map((d) => d.net),
    ctx.fixed,
  );
  const side = (d: NetFlowRow) => ctx.t(d.net >= 0 ? 'chart.netflow.inbound' : 'chart.netflow.outbound');
  return {
    width: ctx.width,
    height: Math.max(110, order.length * 22 + 56),
    marginLeft,
    marginRight: 36,
    marginTop: 46,
    style: { fontSize: '12px' },
    x: {
      label: ctx.t('chart.netflow.x'),
      grid: true,
      axis: 'top',
      // Room beyond the longest bars for their value labels.
      domain: [min * 1.2, max * 1.2],
      tickFormat: (v: number) => ctx.n(v),
    },
    y: { label: null, domain: order },
    color: {
      domain: [ctx.t('chart.netflow.inbound'), ctx.t('chart.netflow.outbound')],
      range: [DIRECTION_COLORS.inbound, DIRECTION_COLORS.outbound],
      legend: true,
    },
    marks: [
      nameAxisY((k) => names.get(k) ?? k, marginLeft),
      Plot.barX(rows, {
        y: 'country',
        x: 'net',
        fill: side,
        fillOpacity: (d: NetFlowRow) => emphasis(ctx, d.country),
        channels: {
          name: { value: (d: NetFlowRow) => names.get(d.country), label: ctx.t('col.country') },
          inbound: { value: 'inbound', label: ctx.t('col.inbound') },
          outbound: { value: 'outbound', label: ctx.t('col.outbound') },
        },
        tip: {
          format: {
            name: true,
            y: false,
            fill: false,
            fillOpacity: false,
            x: (v: number) => ctx.n(v),
            inbound: (v: number) => ctx.n(v),
            outbound: (v: number) => ctx.n(v),
          },
        },
      }),
      ...(['start', 'end'] as const).map((anchor) =>
        Plot.text(
          rows.filter((d) => (anchor === 'start') === d.net >= 0),
          {
            y: 'country',
            x: 'net',
            text: (d: NetFlowRow) => (d.net > 0 ? `+${ctx.n(d.net)}` : ctx.n(d.net)),
            dx: anchor === 'start' ? 4 : -4,
            textAnchor: anchor,
            fontSize: CHART_FONT_SIZE,
          },
        ),
      ),
      Plot.ruleX([0]),
    ],
  };
}

export function netFlowTable(rows: readonly NetFlowRow[], ctx: ChartContext): TableData {
  const n = ctx.n;
  return {
    columns: [
      { label: ctx.t('col.country') },
      { label: ctx.t('col.inbound'), numeric: true },
      { label: ctx.t('col.outbound'), numeric: true },
      { label: ctx.t('col.net'), numeric: true },
    ],
    rows: rows.map((d) => {
      const name = ctx.country(d.country);
      return { cells: [name, n(d.inbound), n(d.outbound), n(d.net)], select: d.country, name };
    }),
  };
}

export function netFlowExtent(rows: readonly NetFlowRow[], ctx: ChartContext): FixedScale {
  return {
    min: Math.min(0, ...rows.map((d) => d.net)),
    max: Math.max(0, ...rows.map((d) => d.net)),
    keys: rows.map((d) => d.country),
    names: new Map(rows.map((d) => [d.country, ctx.country(d.country)])),
  };
}
