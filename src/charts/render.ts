import * as Plot from '@observablehq/plot';

/** The one place a chart spec becomes DOM. */
export function renderPlot(options: Plot.PlotOptions): SVGSVGElement | HTMLElement {
  return Plot.plot({ ...options, document });
}

/** The flow map is drawn by its own renderer (d3-geo paths, d3-zoom), kept beside this one. */
export { MapView, type MapHandlers } from './render-map';
