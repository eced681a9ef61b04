import * as Plot from '@observablehq/plot';
import type { AgreementSpanRow } from '../data/queries';
import { dateText, emphasis, enumLabel, labelMargin, localName, nameAxisY } from './common';
import type { ChartContext, FixedScale } from './context';
import { CATEGORICAL } from './palette';
import type { TableData } from './table';

const TYPE_COLORS = CATEGORICAL.slice(0, 6);
const KNOWN_TYPES = ['academic_exchange', 'credit_exchange', 'joint_training', 'mou'];

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const yearStart = (y: number) => Date.UTC(y, 0, 1);
const yearEnd = (y: number) => Date.UTC(y, 11, 31);

interface Span {
  d: AgreementSpanRow;
  start: Date;
  end: Date;
  open: boolean;
}

/** The time domain: the years selected, widened to every span (and to the fixed one while playing). */
function timeDomain(spans: readonly Span[], ctx: ChartContext): [Date, Date] {
  const from = ctx.years ? yearStart(ctx.years[0]) : Infinity;
  const to = ctx.years ? yearEnd(ctx.years[1]) : -Infinity;
  const min = Math.min(from, ctx.fixed?.min ?? Infinity, ...spans.map((s) => +s.start));
  const max = Math.max(to, ctx.fixed?.max ?? -Infinity, ...spans.map((s) => +s.end));
  return [new Date(min), new Date(max)];
}

function spansOf(rows: readonly AgreementSpanRow[], ctx: ChartContext): Span[] {
  const openEnd = ctx.years ? yearEnd(ctx.years[1]) : Math.max(...rows.map((d) => day(d.signed))) + 365 * 86_400_000;
  return rows.map((d) => ({
    d,
    start: new Date(day(d.signed)),
    end: new Date(d.end === null ? Math.max(openEnd, day(d.signed)) : day(d.end)),
    open: d.end === null,
  }));
}

/** Agreements as spans on a timeline, a row each, coloured by type; expired ones lighter. */
export function agreementsTimeline(rows: readonly AgreementSpanRow[], ctx: ChartContext): Plot.PlotOptions {
  const spans = spansOf(rows, ctx);
  const label = (d: AgreementSpanRow) => localName(ctx, d);
  const marginLeft = labelMargin(rows.map(label), ctx.width);
  const names = new Map(rows.map((d) => [d.id, label(d)]));
  const types = [
    ...new Set([
      ...KNOWN_TYPES.filter((t) => rows.some((d) => d.agreement_type === t)),
      ...rows.map((d) => d.agreement_type),
    ]),
  ];
  const typeLabel = (t: string) => enumLabel(ctx, 'agreement', t);
  return {
    width: ctx.width,
    height: Math.max(110, rows.length * 26 + 70),
    marginLeft,
    marginRight: 20,
    style: { fontSize: '12px' },
    x: {
      type: 'utc',
      domain: timeDomain(spans, ctx),
      grid: true,
      axis: 'top',
      label: null,
      ticks: ctx.width < 560 ? '2 years' : 'year',
      tickFormat: '%Y',
    },
    y: { label: null, domain: rows.map((d) => d.id) },
    color: { label: ctx.t('col.type'), domain: types.map(typeLabel), range: TYPE_COLORS, legend: true },
    marks: [
      nameAxisY((id) => names.get(id) ?? id, marginLeft),
      Plot.barX(spans, {
        y: (s: Span) => s.d.id,
        x1: 'start',
        x2: 'end',
        fill: (s: Span) => typeLabel(s.d.agreement_type),
        fillOpacity: (s: Span) => (s.d.status === 'expired' ? 0.45 : 1) * emphasis(ctx, s.d.partner),
        stroke: (s: Span) => (s.open ? 'currentColor' : 'none'),
        strokeDasharray: '3,2',
        insetTop: 3,
        insetBottom: 3,
        channels: {
          partner: {
            value: (s: Span) => ctx.t('chart.namePlace', { name: label(s.d), place: ctx.country(s.d.country) }),
            label: ctx.t('col.partner'),
          },
          signed: { value: (s: Span) => dateText(ctx, s.d.signed), label: ctx.t('col.signed') },
          ends: {
            value: (s: Span) => (s.d.end === null ? ctx.t('chart.open') : dateText(ctx, s.d.end)),
            label: ctx.t('col.end'),
          },
          status: { value: (s: Span) => enumLabel(ctx, 'agreement', s.d.status), label: ctx.t('col.status') },
        },
        tip: {
          lineWidth: 40,
          format: {
            partner: true,
            fill: true,
            signed: true,
            ends: true,
            status: true,
            x1: false,
            x2: false,
            y: false,
            fillOpacity: false,
            stroke: false,
          },
        },
      }),
    ],
  };
}

export function agreementsTable(rows: readonly AgreementSpanRow[], ctx: ChartContext): TableData {
  return {
    columns: [
      { label: ctx.t('col.partner') },
      { label: ctx.t('col.country') },
      { label: ctx.t('col.type') },
      { label: ctx.t('col.signed') },
      { label: ctx.t('col.end') },
      { label: ctx.t('col.status') },
    ],
    rows: rows.map((d) => ({
      cells: [
        localName(ctx, d),
        ctx.country(d.country),
        enumLabel(ctx, 'agreement', d.agreement_type),
        dateText(ctx, d.signed),
        d.end === null ? ctx.t('chart.open') : dateText(ctx, d.end),
        enumLabel(ctx, 'agreement', d.status),
      ],
      select: d.partner,
      name: localName(ctx, d),
    })),
  };
}

/** While playing, the time axis spans every frame's agreements. */
export function agreementsExtent(rows: readonly AgreementSpanRow[], ctx: ChartContext): FixedScale {
  const spans = spansOf(rows, ctx);
  const [min, max] = timeDomain(spans, ctx);
  return { min: +min, max: +max };
}
