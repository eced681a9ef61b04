import * as Plot from '@observablehq/plot';
import type { ChartContext, FixedScale } from './context';
import { MESSAGES, type MessageKey } from '../i18n/messages';
import { formatDate } from '../i18n/translate';

/** The opacity of a bar that is not the selected one, while something is selected. */
export const DIMMED = 0.3;

/** A name kept in both languages, in the page's language. */
export function localName(ctx: ChartContext, row: { name_zh: string; name_en: string }): string {
  return ctx.locale === 'en' ? row.name_en : row.name_zh;
}

/** An ISO date in the page's long form (`2018年5月1日`, `May 1, 2018`). */
export function dateText(ctx: ChartContext, iso: string): string {
  return formatDate(ctx.locale ?? 'zh-CN', iso);
}

/** A span of ISO dates, or one date when they are the same day. */
export function dateSpan(ctx: ChartContext, start: string, end: string): string {
  return start === end
    ? dateText(ctx, start)
    : ctx.t('chart.dateSpan', { from: dateText(ctx, start), to: dateText(ctx, end) });
}

/** An enum value in the page's language: `${prefix}.${value}`, or the value itself when unknown. */
export function enumLabel(ctx: ChartContext, prefix: string, value: string | null): string {
  if (value === null) return ctx.t('chart.other');
  const key = `${prefix}.${value}`;
  return key in MESSAGES['zh-CN'] ? ctx.t(key as MessageKey) : value;
}

/** Opacity for a datum: full when nothing is selected or it is the selection. */
export function emphasis(ctx: ChartContext, key: string): number {
  return ctx.selected == null || ctx.selected === key ? 1 : DIMMED;
}

// Dashes, ellipses and curly quotes are full width in the CJK face the page sets first.
const WIDE = /[\u1100-\u11ff\u2014\u2018-\u201d\u2026\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

const NARROW = /[\s.,:;'|!()[\]ijlftr]/;
const CAPITAL = /[A-Z0-9MW@%&]/;

/**
 * The width of a label in px at 12 px, erring wide (a label cut a little early stays inside the
 * chart; one estimated too narrow starts past the svg's left edge). The page sets Latin text in
 * Noto Sans CJK first, wider than most Latin faces: CJK full width, capitals and figures 9 px,
 * thin letters and punctuation 4.5 px, other letters 8 px.
 */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 12 : CAPITAL.test(ch) ? 9 : NARROW.test(ch) ? 4.5 : 8;
  return w;
}

/** The text size of chart labels and values: readable at 1440 px (12 px) and on a phone (≥ 11 px). */
export const CHART_FONT_SIZE = 12;

/**
 * The y axis of horizontal bars: names cut to fit the margin; the bar's tip (on hover) and the
 * table carry them whole. (A <title> on the label would also show it, but would join the label's
 * text content that tests and assistive technology read.)
 */
export function nameAxisY(names: (key: string) => string, marginLeft: number): Plot.CompoundMark {
  return Plot.axisY({
    tickFormat: (k: string) => truncate(names(k), marginLeft - 12),
    label: null,
  });
}

/** A label cut to `max` px with an ellipsis; the full text is in the tip and the table. */
export function truncate(text: string, max: number): string {
  if (textWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(out + ch) > max - textWidth('…')) break;
    out += ch;
  }
  return `${out}…`;
}

/** A left margin for horizontal bars: room for the labels, at most 40% of the width. */
export function labelMargin(labels: readonly string[], width: number): number {
  const longest = Math.max(0, ...labels.map(textWidth));
  return Math.round(Math.min(Math.max(60, Math.ceil(longest) + 14), width * 0.4));
}

/** The numeric domain [min, max] of a chart: the data's, or the fixed one while playing. */
export function domainOf(values: readonly number[], fixed: FixedScale | undefined): [number, number] {
  const min = Math.min(0, ...values, fixed?.min ?? 0);
  const max = Math.max(0, ...values, fixed?.max ?? 0);
  return [min, max === min ? min + 1 : max];
}

/** Merges the scales of two frames: the widest extent, the keys of both in first-seen order. */
export function mergeFixed(a: FixedScale | undefined, b: FixedScale): FixedScale {
  if (!a) return b;
  const keys = a.keys || b.keys ? [...new Set([...(a.keys ?? []), ...(b.keys ?? [])])] : undefined;
  const names = a.names || b.names ? new Map([...(a.names ?? []), ...(b.names ?? [])]) : undefined;
  const min = [a.min, b.min].filter((v) => v !== undefined);
  const max = [a.max, b.max].filter((v) => v !== undefined);
  return {
    ...(min.length ? { min: Math.min(...min) } : {}),
    ...(max.length ? { max: Math.max(...max) } : {}),
    ...(keys ? { keys } : {}),
    ...(names ? { names } : {}),
  };
}

/** Totals per key in first-seen order: the sum of `value` over rows sharing a key. */
export function totals<R>(rows: readonly R[], key: (d: R) => string, value: (d: R) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of rows) out.set(key(d), (out.get(key(d)) ?? 0) + value(d));
  return out;
}
