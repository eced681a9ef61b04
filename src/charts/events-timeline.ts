import * as Plot from '@observablehq/plot';
import type { EventRow } from '../data/queries';
import { EVENT_KINDS } from '../data/schema';
import { dateSpan, enumLabel, labelMargin, localName } from './common';
import type { ChartContext, FixedScale } from './context';
import { CATEGORICAL } from './palette';
import type { TableData } from './table';

const KIND_COLORS = CATEGORICAL.slice(0, 4);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const CJK = /[\u3400-\u9fff]/;

/** The city as recorded: events carry it in Chinese only, so English shows the country instead. */
function place(d: EventRow, ctx: ChartContext): string {
  if (d.city && (ctx.locale !== 'en' || !CJK.test(d.city))) return d.city;
  return d.country ? ctx.country(d.country) : '';
}

/** The college's events on a timeline: a lane per kind, a dot per event (a bar when it lasts). */
export function eventsTimeline(rows: readonly EventRow[], ctx: ChartContext): Plot.PlotOptions {
  const kinds = [...new Set([...EVENT_KINDS, ...rows.map((d) => d.kind)])].filter((k) =>
    rows.some((d) => d.kind === k),
  );
  const kindLabel = (k: string) => enumLabel(ctx, 'event', k);
  const marginLeft = labelMargin(kinds.map(kindLabel), ctx.width);
  const from = ctx.years ? Date.UTC(ctx.years[0], 0, 1) : Infinity;
  const to = ctx.years ? Date.UTC(ctx.years[1], 11, 31) : -Infinity;
  const times = rows.flatMap((d) => [+day(d.start), +day(d.end)]);
  const domain = [
    new Date(Math.min(from, ctx.fixed?.min ?? Infinity, ...times)),
    new Date(Math.max(to, ctx.fixed?.max ?? -Infinity, ...times)),
  ];
  return {
    width: ctx.width,
    height: Math.max(110, kinds.length * 44 + 70),
    marginLeft,
    marginRight: 20,
    style: { fontSize: '12px' },
    x: { type: 'utc', domain, grid: true, axis: 'top', label: null, ticks: 'year', tickFormat: '%Y' },
    r: { range: [5, 11] },
    y: { label: null, domain: kinds, tickFormat: kindLabel },
    color: {
      domain: kinds.map(kindLabel),
      range: kinds.map((k) => KIND_COLORS[EVENT_KINDS.indexOf(k as never)] ?? '#888'),
      legend: false,
    },
    marks: [
      Plot.dot(rows, {
        y: 'kind',
        x: (d: EventRow) => day(d.start),
        fill: (d: EventRow) => kindLabel(d.kind),
        r: (d: EventRow) => d.delegates ?? 1,
        fillOpacity: 0.75,
        stroke: 'white',
        dy: 0,
        channels: {
          event: { value: (d: EventRow) => localName(ctx, d), label: ctx.t('col.event') },
          date: {
            value: (d: EventRow) => dateSpan(ctx, d.start, d.end),
            label: ctx.t('col.date'),
          },
          city: { value: (d: EventRow) => place(d, ctx) || '—', label: ctx.t('col.city') },
          role: { value: (d: EventRow) => (d.role ? enumLabel(ctx, 'role', d.role) : '—'), label: ctx.t('col.role') },
          delegates: { value: (d: EventRow) => d.delegates ?? '—', label: ctx.t('col.delegates') },
        },
        tip: {
          format: {
            event: true,
            date: true,
            city: true,
            role: true,
            delegates: true,
            x: false,
            y: false,
            fill: false,
            r: false,
          },
        },
      }),
    ],
  };
}

export function eventsTable(rows: readonly EventRow[], ctx: ChartContext): TableData {
  return {
    columns: [
      { label: ctx.t('col.date') },
      { label: ctx.t('col.kind') },
      { label: ctx.t('col.event') },
      { label: ctx.t('col.city') },
      { label: ctx.t('col.role') },
      { label: ctx.t('col.delegates'), numeric: true },
    ],
    rows: rows.map((d) => ({
      cells: [
        dateSpan(ctx, d.start, d.end),
        enumLabel(ctx, 'event', d.kind),
        localName(ctx, d),
        place(d, ctx),
        d.role ? enumLabel(ctx, 'role', d.role) : '',
        d.delegates === null ? '' : ctx.n(d.delegates),
      ],
    })),
  };
}

export function eventsExtent(rows: readonly EventRow[]): FixedScale {
  const times = rows.flatMap((d) => [+day(d.start), +day(d.end)]);
  return times.length ? { min: Math.min(...times), max: Math.max(...times) } : {};
}
