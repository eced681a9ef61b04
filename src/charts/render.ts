import * as Plot from '@observablehq/plot';
import { CHART_FONT_SIZE } from './common';

/** How a drawn chart is announced: its name (the title) and the id of the text that describes it. */
export interface ChartLabel {
  label?: string;
  describedBy?: string;
}

/** The chart's own SVG: the element itself, or the last `<svg>` of the figure Plot wraps it in with a legend. */
export function chartSvg(element: Element): SVGSVGElement | null {
  if (element.tagName.toLowerCase() === 'svg') return element as SVGSVGElement;
  const svgs = element.querySelectorAll(':scope > svg');
  return (svgs[svgs.length - 1] as SVGSVGElement | undefined) ?? null;
}

/**
 * The one place a chart spec becomes DOM; tests hand in a `document` of their own.
 *
 * The chart is one image to assistive technology: named by its title, described
 * by its text summary; its data is in the table beside it. Plot names its mark
 * groups (`<g aria-label="bar">`), which ARIA forbids on an element without a
 * role (https://github.com/observablehq/plot/issues/1760): they get the role
 * Graphics ARIA gives a group of shapes.
 */
export function renderPlot(
  options: Plot.PlotOptions,
  doc: Document = document,
  name: ChartLabel = {},
): SVGSVGElement | HTMLElement {
  // Plot's own default is 10 px, too small to read: charts get 12 px unless they set their own.
  const style = typeof options.style === 'object' && options.style ? options.style : {};
  const element = Plot.plot({
    ...options,
    style: typeof options.style === 'string' ? options.style : { fontSize: `${CHART_FONT_SIZE}px`, ...style },
    document: doc,
  });
  // A chart with a legend comes in a <figure>, whose default 40 px side margins would shrink the svg
  // (drawn at the card's width) to fit, and its text with it (12 px drawn at 9 px).
  if (element.tagName.toLowerCase() === 'figure') (element as HTMLElement).style.margin = '0';
  // Its swatch legend is set at 10 px by Plot too.
  for (const legend of element.querySelectorAll<HTMLElement>('div[class$="-swatches"], div[class*="-swatches "]'))
    legend.style.fontSize = `${CHART_FONT_SIZE}px`;
  for (const group of element.querySelectorAll('g[aria-label]:not([role])'))
    group.setAttribute('role', 'graphics-object');
  const svg = chartSvg(element);
  if (svg) {
    svg.setAttribute('role', 'img');
    if (name.label) svg.setAttribute('aria-label', name.label);
    if (name.describedBy) svg.setAttribute('aria-describedby', name.describedBy);
  }
  return element;
}

/** The flow map is drawn by its own renderer (d3-geo paths, d3-zoom), kept beside this one. */
export { MapView, type MapHandlers } from './render-map';
