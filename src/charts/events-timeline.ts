import * as Plot from '@observablehq/plot';
import type { EventRow } from '../data/queries';
import { EVENT_KINDS } from '../data/schema';
import { dateSpan, enumLabel, labelMargin, localName } from './common';
import type { ChartContext, FixedScale } from './context';
import type { MessageKey } from '../i18n/messages';
import { cityNameEn } from '../reference/cities';
import { CATEGORICAL } from './palette';
import type { TableData } from './table';

const KIND_COLORS = CATEGORICAL.slice(0, 4);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const CJK = /[\u3400-\u9fff]/;

/**
 * The city in the page's language: as recorded in Chinese; in English, a city written in
 * Chinese by the English name a partner in that city gives, else by the reference list, else as
 * recorded. Never the country: the column says City.
 */
export function eventCity(d: EventRow, ctx: ChartContext): string {
  const city = d.city?.trim() ?? '';
  if (!city || ctx.locale !== 'en' || !CJK.test(city)) return city;
  return d.city_en || cityNameEn(city) || city;
}

/** What the tip says of an event: its name first, then its date, city, role and delegates. */
function eventTitle(d: EventRow, ctx: ChartContext): string {
  const city = eventCity(d, ctx);
  const field = (label: MessageKey, value: string) => ctx.t('chart.field', { label: ctx.t(label), value });
  return [
    localName(ctx, d),
    dateSpan(ctx, d.start, d.end),
    city ? field('col.city', city) : '',
    d.role ? field('col.role', enumLabel(ctx, 'role', d.role)) : '',
    d.delegates === null ? '' : field('col.delegates', ctx.n(d.delegates)),
  ]
    .filter(Boolean)
    .join('\n');
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
    // A lane per kind; dots of one lane that would cover each other are dodged apart, so each
    // event can be pointed at and named.
    fy: { label: null, domain: kinds, tickFormat: kindLabel, axis: 'left', padding: 0 },
    color: {
      domain: kinds.map(kindLabel),
      range: kinds.map((k) => KIND_COLORS[EVENT_KINDS.indexOf(k as never)] ?? '#888'),
      legend: false,
    },
    marks: [
      Plot.dot(
        rows,
        Plot.dodgeY('middle', {
          fy: 'kind',
          x: (d: EventRow) => day(d.start),
          fill: (d: EventRow) => kindLabel(d.kind),
          r: (d: EventRow) => d.delegates ?? 1,
          fillOpacity: 0.75,
          stroke: 'white',
          padding: 1,
          title: (d: EventRow) => eventTitle(d, ctx),
          tip: { lineWidth: 28 },
        }),
      ),
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
        eventCity(d, ctx),
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
