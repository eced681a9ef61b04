import type { ChartContext, FixedScale } from '../charts/context';
import { mergeFixed } from '../charts/common';
import type { ChartDef } from '../charts/registry';
import { ROUNDING_BASE } from '../config/disclosure';
import type { Filters } from '../data/filters';
import type { BuiltQuery } from '../data/sql';
import { publicQueryOf } from '../disclosure/public-cells';
import { publicContext } from '../disclosure/public-view';
import { EXPORT_FONT_FAMILY } from './font';
import { plotExport } from './source';
import type { LegendItem } from './compose-svg';

/**
 * The frames of a playback video (issue 15, docs/exports.md): one picture per year, 1920×1080,
 * each the chart of that year's frame on scales fixed over every year, with the year large, the
 * title, the filters, source, date and the disclosure note. Public, as slides are: the chart's
 * query over the published cells (src/disclosure/public-cells.ts) and its own public step.
 */

export const VIDEO_WIDTH = 1920;
export const VIDEO_HEIGHT = 1080;

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 48;
const FOOTER_LINE = 32;
const FOOTER_SIZE = 22;
/** Room for the footer's lines (source and date, the fixed-scale note, the rule wrapped to two). */
const FOOTER_LINES = 4;
/**
 * The chart's box. The chart is drawn at 1/SCALE of it at its own text size (12 px) and scaled
 * up, so its text reads about 19 px at 1920×1080, as on a slide.
 */
const CHART_BOX = {
  x: PAD,
  y: 220,
  width: VIDEO_WIDTH - PAD * 2,
  height: VIDEO_HEIGHT - PAD - FOOTER_LINE * FOOTER_LINES - 16 - 220,
};
const SCALE = 1.6;
const CHART_WIDTH = Math.round(CHART_BOX.width / SCALE);
const CHART_HEIGHT = Math.round(CHART_BOX.height / SCALE);

export interface VideoText {
  title: string;
  /** The filters other than the years. */
  subtitle: string;
  /** Source, the public rule, the export date: one line each. */
  footer: readonly string[];
  /** The large label of a frame (its year) and a smaller one under it (what it counts). */
  frameLabel(frame: readonly [number, number]): { year: string; note: string };
}

/** The rows a query gives (the app's client or the engine in Node). */
export type RunQuery = <R>(query: BuiltQuery) => Promise<R[]>;

export interface FrameChart {
  frame: readonly [number, number];
  chart: SVGSVGElement;
  legend: LegendItem[];
}

/**
 * Each frame's public rows, then each frame drawn on the scales merged over all of them (as
 * playback fixes them on screen, here from the public rows the frames show).
 */
export async function frameCharts<R>(
  def: ChartDef<R>,
  filters: Filters,
  frames: readonly (readonly [number, number])[],
  context: (width: number) => ChartContext,
  run: RunQuery,
  signal?: AbortSignal,
): Promise<FrameChart[]> {
  const rowsOf: (readonly R[])[] = [];
  let fixed: FixedScale | undefined;
  for (const [yearFrom, yearTo] of frames) {
    signal?.throwIfAborted();
    const rows = await run<R>(publicQueryOf(def.query({ ...filters, yearFrom, yearTo })));
    const shown = def.publicRows ? def.publicRows(rows, ROUNDING_BASE) : rows;
    rowsOf.push(shown);
    const ctx = { ...publicContext(context(CHART_WIDTH)), years: [yearFrom, yearTo] as const };
    if (def.extent) fixed = mergeFixed(fixed, def.extent(shown, ctx));
  }
  return frames.map((frame, i) => {
    const source = plotExport(
      (width) => {
        const ctx: ChartContext = { ...publicContext(context(width)), years: frame };
        if (fixed) ctx.fixed = fixed;
        // The box's height, whatever the number of bars: the text keeps its size.
        return { ...def.spec(rowsOf[i]!, ctx), height: CHART_HEIGHT };
      },
      () => '',
    );
    const drawn = source.draw(CHART_WIDTH, { public: true });
    if (!drawn) throw new Error('the chart could not be drawn');
    return { frame, ...drawn };
  });
}

/** A rough width of a line of text: a CJK character a full em, any other about half of one. */
function textWidth(line: string, size: number): number {
  let em = 0;
  for (const ch of line) em += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 1 : 0.56;
  return em * size;
}

/** Lines no wider than `width`: broken at spaces, or between CJK characters. */
export function wrapLine(line: string, size: number, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const token of line.match(
    /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+|\s+/g,
  ) ?? []) {
    const next = current + token;
    if (current.trim() && textWidth(next.trimEnd(), size) > width) {
      out.push(current.trimEnd());
      current = token.trimStart();
    } else current = next;
  }
  if (current.trim()) out.push(current.trimEnd());
  return out;
}

function text(content: string, x: number, y: number, attrs: Record<string, string>): SVGTextElement {
  const node = document.createElementNS(SVG_NS, 'text');
  node.setAttribute('x', String(x));
  node.setAttribute('y', String(y));
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.textContent = content;
  return node;
}

/** Every word the frames show, for the font subsets to inline. */
export function frameText(charts: readonly FrameChart[], words: VideoText): string {
  const parts = [words.title, words.subtitle, ...words.footer];
  for (const c of charts) {
    const label = words.frameLabel(c.frame);
    parts.push(label.year, label.note, c.chart.textContent ?? '', ...c.legend.map((l) => l.label));
  }
  return parts.join('');
}

/**
 * One frame as a self-contained SVG of 1920×1080: the title, the filters and the legend at the
 * top left, the year large at the top right, the chart scaled into the middle, then source, rule
 * and date. Text goes in as text nodes only: a value in the data never becomes markup.
 */
export function frameSvg(drawn: FrameChart, words: VideoText, fontCss: string): string {
  const root = document.createElementNS(SVG_NS, 'svg');
  // No xmlns attribute: the serializer writes the element's namespace (set by hand, jsdom writes it twice).
  root.setAttribute('width', String(VIDEO_WIDTH));
  root.setAttribute('height', String(VIDEO_HEIGHT));
  root.setAttribute('viewBox', `0 0 ${VIDEO_WIDTH} ${VIDEO_HEIGHT}`);
  const style = document.createElementNS(SVG_NS, 'style');
  style.textContent = `${fontCss}\ntext{font-family:'${EXPORT_FONT_FAMILY}',sans-serif;}`;
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  root.append(style, background);

  const ink = '#1b1f24';
  const muted = '#535b66';
  root.append(text(words.title, PAD, PAD + 44, { 'font-size': '48', 'font-weight': '700', fill: ink }));
  root.append(text(words.subtitle, PAD, PAD + 96, { 'font-size': '28', fill: muted }));
  const label = words.frameLabel(drawn.frame);
  const right = VIDEO_WIDTH - PAD;
  root.append(
    text(label.year, right, PAD + 112, {
      'font-size': '140',
      'font-weight': '700',
      fill: '#1f6fb2',
      'text-anchor': 'end',
      'data-frame-year': label.year,
    }),
  );
  if (label.note)
    root.append(text(label.note, right, PAD + 152, { 'font-size': '26', fill: muted, 'text-anchor': 'end' }));

  let x = PAD;
  const legendY = PAD + 140;
  for (const item of drawn.legend) {
    const swatch = document.createElementNS(SVG_NS, 'rect');
    for (const [k, v] of Object.entries({ x, y: legendY - 20, width: 24, height: 24, fill: item.color })) {
      swatch.setAttribute(k, String(v));
    }
    root.append(swatch, text(item.label, x + 32, legendY, { 'font-size': '24', fill: ink }));
    x += 32 + item.label.length * 26 + 32;
  }

  const footer = words.footer
    .flatMap((line) => wrapLine(line, FOOTER_SIZE, VIDEO_WIDTH - PAD * 2))
    .slice(0, FOOTER_LINES);
  const footerTop = CHART_BOX.y + CHART_BOX.height + 16;
  const box = CHART_BOX;
  const source = drawn.chart;
  const viewBox = source.viewBox?.baseVal;
  const w = Number(source.getAttribute('width')) || viewBox?.width || CHART_WIDTH;
  const h = Number(source.getAttribute('height')) || viewBox?.height || 400;
  const scale = Math.min(box.width / w, box.height / h);
  const nested = source.cloneNode(true) as SVGSVGElement;
  nested.setAttribute('viewBox', `0 0 ${w} ${h}`);
  nested.setAttribute('x', String(box.x + (box.width - w * scale) / 2));
  nested.setAttribute('y', String(box.y));
  nested.setAttribute('width', String(w * scale));
  nested.setAttribute('height', String(h * scale));
  root.append(nested);

  footer.forEach((line, i) => {
    root.append(
      text(line, PAD, footerTop + FOOTER_LINE * (i + 1) - 8, { 'font-size': String(FOOTER_SIZE), fill: muted }),
    );
  });
  return new XMLSerializer().serializeToString(root);
}
