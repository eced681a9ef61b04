import * as Plot from '@observablehq/plot';

/** The one place a chart spec becomes DOM; tests hand in a `document` of their own. */
export function renderPlot(options: Plot.PlotOptions, doc: Document = document): SVGSVGElement | HTMLElement {
  return Plot.plot({ ...options, document: doc });
}

/** The flow map is drawn by its own renderer (d3-geo paths, d3-zoom), kept beside this one. */
export { MapView, type MapHandlers } from './render-map';
