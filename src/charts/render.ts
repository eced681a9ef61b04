import * as Plot from '@observablehq/plot';

/** The one place a chart spec becomes DOM. */
export function renderPlot(options: Plot.PlotOptions): SVGSVGElement | HTMLElement {
  return Plot.plot({ ...options, document });
}
