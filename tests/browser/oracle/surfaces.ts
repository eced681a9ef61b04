/**
 * Each surface of the app read and compared with the oracle: the dashboard (tiles, value labels,
 * summaries, tables, the map's table, CSV exports), presenter slides and embeds.
 */
import type { Page } from 'playwright-core';
import type { Filters } from '../../../src/data/filters';
import type { Locale } from '../../../src/i18n/messages';
import { kpis } from '../../helpers/expected';
import {
  CHART_IDS,
  expectArcs,
  expectChart,
  expectMapTable,
  stackedTrend,
  type Audience,
  type ChartId,
  type ExpectedChart,
} from '../../helpers/expected-views';
import { compareSummary, compareTable, compareValue, labelRows, type Mismatch, type Where } from './compare';
import { exportCsvs, openTables, readChart, readKpis, settle, type LabelAxis, type ShownChart } from './read';
import { BOUNDS, embedFilters, frameFilters, search, type OracleState } from './states';

const AXIS: Record<ChartId, LabelAxis> = {
  trend: 'fx',
  countries: 'y',
  netflow: 'y',
  programs: 'y',
  partners: 'y',
  categories: 'y',
  duration: 'y',
  continents: 'y',
  groups: 'y',
  funding: 'y',
  department: 'y',
  agreements: null,
  events: null,
};

/** The charts whose scales playback holds fixed, and whether their keys (bars) are fixed too. */
const FIXED: Partial<Record<ChartId, boolean>> = {
  countries: true,
  netflow: true,
  programs: true,
  partners: true,
  categories: true,
  duration: false,
  continents: false,
  groups: false,
  funding: true,
  department: true,
};

/** A chart's labels, table and summary against the expected chart. */
export function compareChart(
  shown: ShownChart,
  expected: ExpectedChart,
  where: Where,
  parts = ['labels', 'table', 'summary'],
): Mismatch[] {
  const at = (part: string) => ({ ...where, surface: `${where.surface} ${part}` });
  return [
    ...(parts.includes('labels') && expected.labels
      ? compareTable(labelRows(shown.labels), expected.labels, at('labels'))
      : []),
    ...(parts.includes('table') && expected.table ? compareTable(shown.table, expected.table, at('table')) : []),
    ...(parts.includes('summary') ? compareSummary(shown.summary, expected.summary, at('summary')) : []),
  ];
}

const dashboardSpec = (id: ChartId | 'map') => ({
  root: `[data-testid="chart-${id}"]`,
  axis: id === 'map' ? null : AXIS[id],
  summary: `[data-testid="summary-${id}"]`,
  table: id === 'map' ? '[data-testid="map-table"]' : `[data-testid="table-${id}"]`,
});

/** Reaches a state by its link: pushed into the history and applied as back/forward applies it. */
export async function goTo(page: Page, f: Filters, lang: Locale): Promise<void> {
  if ((await page.locator('[data-testid="play-stop"]').count()) > 0) {
    await page.click('[data-testid="play-stop"]');
    await settle(page);
  }
  const query = `${search(f)}&lang=${lang}`;
  await page.evaluate((query) => {
    history.pushState({ dashboard: true }, '', `${location.pathname}${query}`);
    dispatchEvent(new PopStateEvent('popstate', { state: { dashboard: true } }));
  }, query);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, lang);
  await settle(page);
}

/** Seeks year playback to `year` (the slider, as a visitor drags it). */
async function seek(page: Page, mode: 'year' | 'cumulative', year: number): Promise<void> {
  await page.check(`[data-testid="play-mode-${mode}"]`, { force: true });
  await page.locator('[data-testid="play-year"]').fill(String(year));
  await page.waitForFunction(
    (y) => document.querySelector('[data-testid="play-status"]')?.getAttribute('data-year') === String(y),
    year,
  );
  await settle(page);
}

async function compareKpis(page: Page, f: Filters, where: Where): Promise<Mismatch[]> {
  const expected = kpis(f);
  const shown = await readKpis(page);
  const out: Mismatch[] = [];
  for (const [id, value] of Object.entries(expected)) {
    const tile = shown.find((k) => k.id === id);
    if (!tile) {
      out.push({ ...where, item: id, shown: '(no tile)', expected: String(value) });
      continue;
    }
    out.push(...compareValue(`${id} (data-value)`, tile.value, value, where));
    out.push(...compareValue(`${id}`, tile.text, value, where));
  }
  // With 港澳台 alone the third tile counts regions, and says so (地区 / Regions), not 国家和地区.
  const places = shown.find((k) => k.id === 'countries');
  if (f.region === 'hk_macao_tw' && places && /国家|countr/i.test(places.label))
    out.push({
      ...where,
      item: 'countries label',
      shown: places.label,
      expected: 'named for regions (地区 / Regions)',
    });
  return out;
}

/** The axes of the charts playback holds fixed. */
async function fixedAxes(page: Page): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [id, keys] of Object.entries(FIXED)) {
    const shown = await readChart(page, { ...dashboardSpec(id as ChartId), summary: null, table: null });
    out.set(`${id} value axis`, shown.valueTicks.join(' '));
    if (keys) out.set(`${id} bars`, shown.keyTicks.join(' '));
  }
  return out;
}

/**
 * Everything the dashboard shows in one state, exact: the tiles, each chart's value labels, summary
 * and table, the map's table and summary, and each chart's internal CSV export. A playback state is
 * reached frame by frame: the first frame's tiles are checked, and the fixed axes must not move.
 */
export async function checkDashboard(page: Page, state: OracleState): Promise<Mismatch[]> {
  const lang = state.lang;
  const where = (surface: string): Where => ({ surface, state: state.name, lang });
  const out: Mismatch[] = [];
  await goTo(page, state.filters, lang);
  let f = state.filters;
  if (state.playback) {
    const { mode, from, to } = state.playback;
    await seek(page, mode, from);
    out.push(...(await compareKpis(page, frameFilters(f, mode, from), where(`kpi tiles (frame ${from})`))));
    const before = await fixedAxes(page);
    await seek(page, mode, to);
    f = frameFilters(f, mode, to);
    const after = await fixedAxes(page);
    for (const [axis, ticks] of before)
      if (after.get(axis) !== ticks)
        out.push({
          ...where('playback fixed scale'),
          item: axis,
          shown: `${to}: ${after.get(axis)}`,
          expected: `as in ${from}: ${ticks}`,
        });
  }
  await openTables(page);
  await settle(page);
  out.push(...(await compareKpis(page, f, where('kpi tiles'))));
  for (const id of CHART_IDS) {
    const expected = expectChart(id, f, 'internal', lang, id === 'trend' ? BOUNDS : undefined);
    out.push(...compareChart(await readChart(page, dashboardSpec(id)), expected, where(id)));
  }
  const map = expectMapTable(f, 'internal', lang);
  out.push(...compareChart(await readChart(page, dashboardSpec('map')), map, where('map')));
  out.push(...(await checkExports(page, f, lang, 'internal', where)));
  if (state.stacked) out.push(...(await checkStacked(page, f, state, where)));
  return out;
}

/** Each chart's CSV export, and the map's, against the internal or the public oracle. */
export async function checkExports(
  page: Page,
  f: Filters,
  lang: Locale,
  audience: Audience,
  where: (surface: string) => Where,
): Promise<Mismatch[]> {
  const out: Mismatch[] = [];
  const label = `CSV export (${audience === 'public' ? 'public' : 'internal'})`;
  const ids = [...CHART_IDS, 'map'] as const;
  const csvs = await exportCsvs(page, ids, audience === 'public');
  for (const id of ids) {
    const expected =
      id === 'map'
        ? expectMapTable(f, audience, lang)
        : expectChart(id, f, audience, lang, id === 'trend' ? BOUNDS : undefined);
    const rows = csvs.get(id) ?? null;
    if (rows === null) {
      if ((expected.table?.rows.length ?? 0) > 0)
        out.push({ ...where(`${id} ${label}`), item: 'export', shown: '(none offered)', expected: 'a CSV' });
      continue;
    }
    out.push(...compareTable(rows, expected.table!, where(`${id} ${label}`)));
  }
  return out;
}

/** The trend stacked by a split: its year totals, table, summary and CSV exports; then back to directions. */
async function checkStacked(
  page: Page,
  f: Filters,
  state: OracleState,
  where: (surface: string) => Where,
): Promise<Mismatch[]> {
  const split = state.stacked!;
  const out: Mismatch[] = [];
  await page.check(`[data-testid="trend-split-${split}"]`, { force: true });
  await settle(page);
  const all = { ...f, yearFrom: BOUNDS.min, yearTo: BOUNDS.max };
  const shown = await readChart(page, { ...dashboardSpec('trend'), axis: 'x' });
  out.push(...compareChart(shown, stackedTrend(all, split, 'internal', state.lang), where(`trend by ${split}`)));
  for (const audience of ['internal', 'public'] as const) {
    const rows = (await exportCsvs(page, ['trend'], audience === 'public')).get('trend');
    if (rows)
      out.push(
        ...compareTable(
          rows,
          stackedTrend(all, split, audience, state.lang).table!,
          where(`trend by ${split} CSV export (${audience})`),
        ),
      );
  }
  await page.check('[data-testid="trend-split-direction"]', { force: true });
  await settle(page);
  return out;
}

export interface Slide {
  chart: ChartId;
  filters: Filters;
  state: string;
}

/** Presenter mode over a deck of slides (one per chart and state), each against the public oracle. */
export async function checkPresenter(page: Page, slides: readonly Slide[], lang: Locale): Promise<Mismatch[]> {
  const out: Mismatch[] = [];
  await page.click('[data-testid="present"]');
  for (let i = 0; i < slides.length; i++) {
    const slide = slides[i]!;
    // The summary is drawn with the slide's rows (empty when there is nothing to say).
    await page.waitForSelector(`[data-testid="presenter"][data-slide="${i + 1}"] [data-testid="slide-summary"]`, {
      state: 'attached',
      timeout: 20_000,
    });
    const shown = await readChart(page, {
      root: '[data-testid="presenter"] .chart',
      axis: AXIS[slide.chart],
      summary: '[data-testid="slide-summary"]',
      table: null,
    });
    const where: Where = { surface: `presenter slide ${i + 1} (${slide.chart})`, state: slide.state, lang };
    out.push(
      ...compareChart(shown, expectChart(slide.chart, slide.filters, 'public', lang), where, ['labels', 'summary']),
    );
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Escape');
  return out;
}

/** Every chart and the map as embeds under the filters an embed carries, against the public oracle. */
export async function checkEmbeds(
  page: Page,
  baseUrl: string,
  f: Filters,
  stateName: string,
  lang: Locale,
): Promise<Mismatch[]> {
  const out: Mismatch[] = [];
  const ef = embedFilters(f);
  for (const id of [...CHART_IDS, 'map'] as const) {
    await page.goto(`${baseUrl}embed.html${search(ef)}&chart=${id}&lang=${lang}`);
    await page.waitForSelector('[data-testid="embed"][aria-busy="false"]');
    const where: Where = { surface: `embed ${id}`, state: stateName, lang };
    if (id === 'map') {
      await page.waitForSelector('[data-testid="embed-map"] svg, [data-testid="embed"] .chart p');
      const arcs = await page.locator('[data-testid="embed-map"] svg .arcs > g').count();
      out.push(...compareValue('arcs drawn', String(arcs), expectArcs(ef), where));
      continue;
    }
    await page.waitForSelector('[data-testid="embed"] .chart svg, [data-testid="embed"] .chart p');
    const shown = await readChart(page, {
      root: '[data-testid="embed"] .chart',
      axis: AXIS[id],
      summary: '[data-testid="embed-summary"]',
      table: null,
    });
    out.push(...compareChart(shown, expectChart(id, ef, 'public', lang), where, ['labels', 'summary']));
  }
  return out;
}

interface PlaySample {
  /** When it was first seen (ms), and how long it stayed on screen. */
  t: number;
  ms?: number;
  year: string;
  tiles: [string, string, string][];
  ticks: string;
}

/**
 * Year playback played through, as a leader watches it: every change on screen is sampled (once a
 * frame) and every sample must show the figures of the year its label says, and the top
 * countries' axis must hold still from the first frame (scales fixed before playing).
 */
export async function checkPlaying(
  page: Page,
  f: Filters,
  mode: 'year' | 'cumulative',
  lang: Locale,
): Promise<Mismatch[]> {
  await goTo(page, f, lang);
  await page.check(`[data-testid="play-mode-${mode}"]`, { force: true });
  await page.evaluate(() => {
    const w = window as unknown as { __samples: PlaySample[]; __sampling: boolean };
    w.__samples = [];
    w.__sampling = true;
    let last = '';
    const tick = () => {
      const year = document.querySelector('[data-testid="play-status"]')?.getAttribute('data-year') ?? '';
      const tiles = [...document.querySelectorAll('[data-testid^="kpi-"]')].map(
        (el) =>
          [
            el.getAttribute('data-testid')!.slice(4),
            el.getAttribute('data-value') ?? '',
            (el.querySelector('.value')?.textContent ?? '').trim(),
          ] as [string, string, string],
      );
      const ticks = [
        ...document.querySelectorAll('[data-testid="chart-countries"] [aria-label="x-axis tick label"] text'),
      ]
        .map((t) => t.textContent)
        .join(' ');
      const key = JSON.stringify([year, tiles, ticks]);
      if (key !== last) {
        last = key;
        w.__samples.push({ t: performance.now(), year, tiles, ticks });
      }
      if (w.__sampling) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.click('[data-testid="play"]');
  // Playing stops by itself on the last year.
  await page.waitForFunction(
    (max) =>
      document.querySelector('[data-testid="play"]')?.getAttribute('aria-pressed') === 'false' &&
      document.querySelector('[data-testid="play-status"]')?.getAttribute('data-year') === String(max),
    BOUNDS.max,
    { timeout: 60_000 },
  );
  await settle(page);
  const samples = await page.evaluate(() => {
    const w = window as unknown as { __samples: PlaySample[]; __sampling: boolean };
    w.__sampling = false;
    return w.__samples;
  });
  await page.click('[data-testid="play-stop"]');
  await settle(page);

  const out = new Map<string, Mismatch>();
  const where = (surface: string): Where => ({
    surface,
    state: `playing ${mode === 'year' ? 'per year' : 'cumulative'}`,
    lang,
  });
  const final = samples.at(-1)?.ticks ?? '';
  samples.forEach((s, i) => (s.ms = Math.round((samples[i + 1]?.t ?? s.t) - s.t)));
  for (const s of samples.filter((s) => s.year !== '')) {
    const expected = kpis(frameFilters(f, mode, Number(s.year)));
    for (const [id, , text] of s.tiles) {
      // A tile may be blank while its figure comes; it must never show another frame's.
      if (text === '—' || text === '') continue;
      const want = expected[id as keyof typeof expected];
      for (const m of compareValue(`${id} under ${s.year} (for ${s.ms} ms)`, text, want, where('playing: kpi tiles')))
        out.set(`${m.item}|${m.shown}`, m);
    }
    if (s.ticks !== '' && s.ticks !== final) {
      const m = {
        ...where('playing: countries value axis'),
        item: `ticks under ${s.year} (for ${s.ms} ms)`,
        shown: s.ticks,
        expected: `fixed: ${final}`,
      };
      out.set(`${m.item}|${m.shown}`, m);
    }
  }
  const seen = new Set(samples.map((s) => s.year).filter((y) => y !== ''));
  if (seen.size < BOUNDS.max - BOUNDS.min + 1)
    out.set('frames', {
      ...where('playing'),
      item: 'frames seen',
      shown: [...seen].join(', '),
      expected: `every year ${BOUNDS.min}–${BOUNDS.max}`,
    });
  return [...out.values()];
}
