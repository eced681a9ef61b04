import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { JSDOM } from 'jsdom';
import { basemapFeatures } from '../../src/charts/flow-map-basemap';
import { flowMap, HMT_COLORS, type FlowMapOptions } from '../../src/charts/flow-map';
import { arcShape, type Point } from '../../src/charts/flow-map-geometry';
import { countryFlows, HOME, LAND } from '../../src/charts/choropleth';
import type { MapContext, MapSpec } from '../../src/charts/flow-map-types';
import { DIRECTION_COLORS } from '../../src/charts/context';
import { MapView, renderMapForExport, wrapLines } from '../../src/charts/render-map';
import { BASEMAP } from '../../src/config/basemap';
import type { FlowRow } from '../../src/data/queries/flows';
import type { Locale } from '../../src/i18n/messages';
import { formatNumber, translate } from '../../src/i18n/translate';
import { countryName } from '../../src/reference/countries';

const topology: unknown = JSON.parse(readFileSync(new URL(`../../public/${BASEMAP.file}`, import.meta.url), 'utf8'));
const FEATURES = basemapFeatures(topology, BASEMAP.object);

function ctx(locale: Locale, width = 800): MapContext {
  return {
    t: (key, params) => translate(locale, key, params),
    n: (value) => formatNumber(locale, value),
    country: (code) => countryName(code, locale),
    width,
    locale,
  };
}

const row = (
  country: string,
  direction: FlowRow['direction'],
  headcount: number,
  lon: number,
  lat: number,
  city: [string, string] | null = null,
): FlowRow => ({
  country,
  region_type: ['TW', 'HK', 'MO'].includes(country) ? 'hk_macao_tw' : 'foreign',
  direction,
  city_zh: city?.[0] ?? null,
  city_en: city?.[1] ?? null,
  lon,
  lat,
  headcount,
});

/** Fixed rows: a city and a country point, both directions, foreign and 港澳台. */
const ROWS: FlowRow[] = [
  row('MY', 'outbound', 40, 112.5, 2.5),
  row('TW', 'outbound', 30, 121.57, 25.03, ['台北', 'Taipei']),
  row('TW', 'inbound', 18, 120.3, 22.63, ['高雄', 'Kaohsiung']),
  row('DE', 'outbound', 12, 11.58, 48.14, ['慕尼黑', 'Munich']),
  row('US', 'inbound', 9, -97, 38),
  row('DE', 'inbound', 5, 9, 51),
  row('HK', 'inbound', 3, 114.17, 22.32),
];

const round = (_key: string, value: unknown) => (typeof value === 'number' ? Math.round(value * 10) / 10 : value);

/** The spec as stable text: numbers rounded; of the land, only what is not plain. */
function specText(spec: MapSpec): string {
  const { width, height, extent, markers, hub, legend, label } = spec;
  return JSON.stringify(
    {
      width,
      height,
      extent,
      label,
      hub,
      legend,
      markers,
      arcs: spec.arcs.map((a) => ({ ...a, shape: arcShape(a.from, a.to, a.width) })),
      areas: spec.areas
        .filter((a) => a.fill !== LAND || a.clickable || a.selected)
        .map((a) => ({
          id: a.id,
          fill: a.fill,
          stroke: a.stroke,
          selected: a.selected,
          clickable: a.clickable,
          tip: a.tip,
        })),
    },
    round,
    1,
  );
}

const CASES: [string, Locale, FlowMapOptions][] = [
  ['flows', 'zh-CN', { mode: 'flows', measure: 'total', selected: null }],
  ['flows-en-selected-tw', 'en', { mode: 'flows', measure: 'total', selected: 'TW' }],
  ['choropleth-total', 'zh-CN', { mode: 'choropleth', measure: 'total', selected: null }],
  ['choropleth-net-en-selected-de', 'en', { mode: 'choropleth', measure: 'net', selected: 'DE' }],
];

describe('flow map spec: fixed rows in, rounded spec out', () => {
  test.each(CASES)('%s', async (name, locale, options) => {
    const spec = flowMap(ROWS, FEATURES, ctx(locale), options);
    await expect(specText(spec)).toMatchFileSnapshot(`../snapshots/map/${name}.json`);
  });
});

describe('flow map rules', () => {
  const flows = flowMap(ROWS, FEATURES, ctx('zh-CN'), CASES[0]![2]);
  const hub = flows.hub.at;

  test('outbound arcs leave the college, inbound arcs arrive there', () => {
    for (const arc of flows.arcs) {
      const out = arc.key.endsWith('/outbound');
      expect(out ? arc.from : arc.to).toEqual(hub);
      expect(out ? arc.to : arc.from).not.toEqual(hub);
    }
  });

  test('foreign arcs take the direction colours, 港澳台 arcs a third hue', () => {
    const color = (key: string) => flows.arcs.find((a) => a.key.includes(key))?.color;
    expect(color('MY@112.5,2.5/outbound')).toBe(DIRECTION_COLORS.outbound);
    expect(color('US@-97,38/inbound')).toBe(DIRECTION_COLORS.inbound);
    expect(color('TW@121.57,25.03/outbound')).toBe(HMT_COLORS.outbound);
    expect(color('TW@120.3,22.63/inbound')).toBe(HMT_COLORS.inbound);
    expect(color('HK@114.17,22.32/inbound')).toBe(HMT_COLORS.inbound);
  });

  test('width grows with person-trips', () => {
    const byCount = [...flows.arcs].sort(
      (a, b) => Number(a.tip[1]!.match(/\d+/)![0]) - Number(b.tip[1]!.match(/\d+/)![0]),
    );
    for (let i = 1; i < byCount.length; i++) expect(byCount[i]!.width).toBeGreaterThanOrEqual(byCount[i - 1]!.width);
  });

  test('Taiwan, Hong Kong and Macao are drawn in China’s fill in both modes', () => {
    for (const mode of ['flows', 'choropleth'] as const) {
      const spec = flowMap(ROWS, FEATURES, ctx('zh-CN'), { mode, measure: 'total', selected: 'TW' });
      const fill = (id: string) => spec.areas.find((a) => a.id === id)?.fill;
      expect(fill('CN')).toBe(HOME);
      expect(fill('TW')).toBe(HOME);
      expect(spec.areas.find((a) => a.id === 'TW')?.clickable).toBe(true);
      expect(spec.areas.find((a) => a.id === 'CN')?.clickable).toBe(false);
    }
  });

  test.each([
    ['zh-CN', '中国台湾', '台湾'],
    ['en', 'Taiwan, China', 'Taiwan'],
  ] as const)('Taiwan is named per the rule in %s', (locale, name, bare) => {
    const spec = flowMap(ROWS, FEATURES, ctx(locale), { mode: 'flows', measure: 'total', selected: null });
    const tips = [
      ...spec.areas.map((a) => a.tip ?? []),
      ...spec.arcs.map((a) => a.tip),
      ...spec.markers.map((m) => m.tip),
    ];
    expect(spec.areas.find((a) => a.id === 'TW')?.tip?.[0]).toBe(name);
    const tw = spec.arcs.filter((a) => a.country === 'TW').map((a) => a.tip[0]);
    for (const tip of tw) expect(tip).toContain(name);
    for (const line of tips.flat()) expect(line).not.toBe(bare);
  });

  test('a selection dims the other countries’ arcs', () => {
    const spec = flowMap(ROWS, FEATURES, ctx('zh-CN'), { mode: 'flows', measure: 'total', selected: 'DE' });
    for (const arc of spec.arcs) expect(arc.dimmed).toBe(arc.country !== 'DE');
    expect(spec.areas.filter((a) => a.selected).map((a) => a.id)).toEqual(['DE']);
  });

  test('during playback the widths and shades keep the scale of every frame', () => {
    const frame = ROWS.filter((r) => r.country === 'DE');
    const free = flowMap(frame, FEATURES, ctx('zh-CN'), CASES[0]![2]);
    const held = flowMap(frame, FEATURES, ctx('zh-CN'), { ...CASES[0]![2], fixed: ROWS });
    const all = flowMap(ROWS, FEATURES, ctx('zh-CN'), CASES[0]![2]);
    const width = (spec: MapSpec, key: string) => spec.arcs.find((a) => a.key === key)!.width;
    const de = 'DE@11.58,48.14/outbound';
    expect(width(free, de)).toBeGreaterThan(width(held, de));
    expect(width(held, de)).toBeCloseTo(width(all, de));
    expect(held.legend[1]).toEqual(all.legend[1]);
    const shaded = { ...CASES[2]![2], measure: 'net' as const };
    const fill = (spec: MapSpec) => spec.areas.find((a) => a.id === 'DE')!.fill;
    expect(fill(flowMap(frame, FEATURES, ctx('zh-CN'), { ...shaded, fixed: ROWS }))).not.toBe(
      fill(flowMap(frame, FEATURES, ctx('zh-CN'), shaded)),
    );
  });

  test('country figures sum the places and directions', () => {
    const de = countryFlows(ROWS).find((c) => c.country === 'DE');
    expect(de).toEqual({ country: 'DE', region_type: 'foreign', outbound: 12, inbound: 5, total: 17, net: -7 });
    expect(countryFlows(ROWS)[0]!.country).toBe('TW');
  });

  test('arcs out and back between two points bend to opposite sides', () => {
    const a: Point = [0, 0];
    const b: Point = [100, 0];
    const there = arcShape(a, b, 2).line.match(/Q(-?[\d.]+),(-?[\d.]+)/)!;
    const back = arcShape(b, a, 2).line.match(/Q(-?[\d.]+),(-?[\d.]+)/)!;
    expect(Math.sign(Number(there[2]))).toBe(-Math.sign(Number(back[2])));
  });

  test('a basemap without the configured object is refused, naming it', () => {
    expect(() => basemapFeatures(topology, 'land')).toThrow('invalid basemap: no GeometryCollection named "land"');
    expect(() => basemapFeatures({ type: 'FeatureCollection' }, 'countries')).toThrow(/countries/);
  });
});

describe('map SVG: fixed rows and a few shapes in, SVG out', () => {
  const { window } = new JSDOM('<!doctype html><html><body><div></div></body></html>');
  const few = FEATURES.filter((f) => ['CN', 'TW', 'DE', 'US', 'MY'].includes(f.id ?? ''));

  test.each(CASES)('%s', async (name, locale, options) => {
    const container = window.document.querySelector('div')!;
    const view = new MapView(container, { hover: () => {}, select: () => {} });
    view.update(flowMap(ROWS, few, ctx(locale, 480), options));
    const svg = view.svg.outerHTML
      .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
      .replace(/><(?!\/)/g, '>\n<');
    view.destroy();
    await expect(svg).toMatchFileSnapshot(`../snapshots/map/${name}.svg`);
  });
});

describe('map export', () => {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');

  test('the still map carries the basemap credit under it, wrapped to the width', () => {
    const spec = flowMap(ROWS, FEATURES, ctx('zh-CN', 480), CASES[0]![2]);
    const credit = `${BASEMAP.credit['zh-CN']} ${translate('zh-CN', 'map.noApproval')}`;
    const svg = renderMapForExport(spec, credit, window.document);
    const lines = [...svg.querySelectorAll('g.credit text')].map((t) => t.textContent ?? '');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('').replace(/\s+/g, '')).toBe(credit.replace(/\s+/g, ''));
    expect(Number(svg.getAttribute('height'))).toBeGreaterThan(spec.height);
    expect(svg.querySelectorAll('[data-testid^="map-arc-"]').length).toBe(spec.arcs.length);
    expect(svg.getAttribute('style')).toBeNull();
  });

  test('the exported map names the largest countries and regions, and keeps its line-width legend', () => {
    const spec = flowMap(ROWS, FEATURES, ctx('en', 960), CASES[0]![2]);
    // Largest first by person-trips both ways, from the rows: TW 48, MY 40, DE 17, US 9, HK 3.
    const totals = new Map<string, number>();
    for (const r of ROWS) totals.set(r.country, (totals.get(r.country) ?? 0) + r.headcount);
    const largest = [...totals].sort((a, b) => b[1] - a[1]).map(([code]) => countryName(code, 'en'));
    expect(spec.labels?.map((l) => l.text)).toEqual(largest);
    const svg = renderMapForExport(spec, 'Credit', window.document);
    const named = [...svg.querySelectorAll('[data-testid="map-labels"] text')].map((t) => t.textContent);
    // The three largest always, each once; a smaller one only where it covers no other name.
    expect(named.slice(0, 3)).toEqual(largest.slice(0, 3));
    expect(new Set(named).size).toBe(named.length);
    const legend = svg.querySelector('[data-testid="map-width-legend"]')!;
    expect(legend.querySelector('text')!.textContent).toBe(translate('en', 'map.legend.width'));
    const widths = [...legend.querySelectorAll('line')].map((l) => Number(l.getAttribute('stroke-width')));
    const section = spec.legend.find((s) => s.widths)!;
    expect(widths).toEqual(section.items.map((i) => (i.kind === 'line' ? i.width : NaN)));
    expect(widths.length).toBeGreaterThan(1);
    // Under the map, above the credit.
    const legendY = Number(legend.querySelector('text')!.getAttribute('y'));
    expect(legendY).toBeGreaterThan(spec.height);
    expect(Number(svg.querySelector('g.credit text')!.getAttribute('y'))).toBeGreaterThan(legendY);
  });

  test('lines wrap at spaces in English and anywhere in Chinese', () => {
    expect(wrapLines('aaaa bbbb cccc', 60, 10)).toEqual(['aaaa bbbb', 'cccc']);
    expect(wrapLines('审图号示意图', 30, 10)).toEqual(['审图号', '示意图']);
  });
});
