import * as Plot from '@observablehq/plot';

/** Person-trips by year and direction, inline: the shape of the app's first chart. */
const ROWS = [2014, 2015, 2016, 2017, 2018, 2019].flatMap((year, i) => [
  { year, direction: 'outbound', headcount: 20 + i * 7 },
  { year, direction: 'inbound', headcount: 12 + i * 5 },
]);

export function drawInlineChart(target: HTMLElement): void {
  target.append(
    Plot.plot({
      width: 640,
      height: 260,
      fx: { label: null },
      x: { axis: null },
      color: { domain: ['outbound', 'inbound'], range: ['#1f6fb2', '#e08a00'], legend: true },
      marks: [Plot.barY(ROWS, { fx: 'year', x: 'direction', y: 'headcount', fill: 'direction' }), Plot.ruleY([0])],
    }),
  );
}
