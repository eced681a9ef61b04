import { describe, expect, test } from 'vitest';
import { JSDOM } from 'jsdom';
import type * as Plot from '@observablehq/plot';
import { renderPlot } from '../../src/charts/render';
import { restyleInPlace } from '../../src/charts/restyle';
import type { ChartContext } from '../../src/charts/context';
import { topCountries } from '../../src/charts/top-countries';
import { netFlow } from '../../src/charts/net-flow';
import { agreementsTimeline } from '../../src/charts/agreements-timeline';
import { formatNumber, translate } from '../../src/i18n/translate';
import { countryName } from '../../src/reference/countries';
import * as rows from './chart-rows';

// Real Plot renders (jsdom): a chart redrawn with another selection is restyled in place, and the
// markup it ends with is the new drawing's exactly; anything else is left to be replaced.
const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const ctx = (extra: Partial<ChartContext> = {}): ChartContext => ({
  t: (key, params) => translate('zh-CN', key, params),
  n: (value) => formatNumber('zh-CN', value),
  country: (code) => countryName(code, 'zh-CN'),
  width: 640,
  locale: 'zh-CN',
  ...extra,
});
const draw = (spec: Plot.PlotOptions) => renderPlot(spec, window.document, { label: 'chart' });
/** Plot numbers its clip paths: the same chart drawn twice differs only there. */
const markup = (e: Element) => e.outerHTML.replace(/plot-clip-\d+/g, 'plot-clip');

describe('restyleInPlace', () => {
  const charts: [string, (selected: string | null) => Plot.PlotOptions, string][] = [
    ['countries', (selected) => topCountries(rows.countries, ctx({ selected })), 'TW'],
    ['net flow', (selected) => netFlow(rows.netFlow, ctx({ selected })), 'TW'],
    ['agreements', (selected) => agreementsTimeline(rows.agreements, ctx({ selected })), rows.agreements[0]!.partner],
  ];

  test.each(charts)('%s: a selection made and cleared leaves the new drawing, on the same elements', (_, spec, key) => {
    const drawn = draw(spec(null));
    const bars = [...drawn.querySelectorAll('rect')];
    for (const selected of [key, null, key]) {
      const fresh = draw(spec(selected));
      expect(markup(drawn)).not.toBe(markup(fresh)); // the opacities differ
      expect(restyleInPlace(drawn, fresh)).toBe(true);
      expect(markup(drawn)).toBe(markup(fresh));
    }
    // The same elements throughout: nothing was replaced.
    expect([...drawn.querySelectorAll('rect')]).toEqual(bars);
    expect(bars.some((b) => b.getAttribute('fill-opacity') === '0.3')).toBe(true);
  });

  test('other rows, width or language: not restyled, and the chart on screen is untouched', () => {
    const drawn = draw(topCountries(rows.countries, ctx()));
    const before = markup(drawn);
    const others = [
      topCountries(rows.countries.slice(1), ctx({ selected: 'TW' })),
      topCountries(
        rows.countries.map((r) => ({ ...r, headcount: r.headcount + 1 })),
        ctx(),
      ),
      topCountries(rows.countries, ctx({ width: 500 })),
      topCountries(rows.countries, { ...ctx(), t: (key, params) => translate('en', key, params), locale: 'en' }),
    ];
    for (const spec of others) {
      expect(restyleInPlace(drawn, draw(spec))).toBe(false);
      expect(markup(drawn)).toBe(before);
    }
  });

  test('the pointer’s tip is the chart’s own and does not stop a restyle', () => {
    const drawn = draw(topCountries(rows.countries, ctx()));
    // As Plot's pointer leaves it while the pointer rests on a bar: the tip group drawn anew, with its text.
    const tip = drawn.querySelector('g[aria-label="tip"]')!;
    const shown = tip.cloneNode(false) as Element;
    shown.removeAttribute('role');
    shown.append(window.document.createElementNS('http://www.w3.org/2000/svg', 'text'));
    tip.replaceWith(shown);
    expect(restyleInPlace(drawn, draw(topCountries(rows.countries, ctx({ selected: 'TW' }))))).toBe(true);
    expect(drawn.querySelector('g[aria-label="tip"] text')).not.toBeNull();
  });
});
