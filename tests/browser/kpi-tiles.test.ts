import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { defaultFilters, type Filters } from '../../src/data/filters';
import type { Locale } from '../../src/i18n/messages';
import { trips } from '../helpers/expected';
import { expectedTiles, type Tiles } from '../helpers/expected-tiles';
import { watchedPage, type Watched } from './browser';
import { baseUrl, browser, origin, POLL_MS, settled, unsettled, useHarness } from './harness';
import { openPage } from './pages';

// The KPI tiles and the top-countries chart as a visitor sees them, against figures computed from
// data/*.csv in plain TypeScript (tests/helpers/expected-tiles.ts).
useHarness();

const YEARS = [...new Set(trips.map((t) => t.year))].sort((a, b) => a - b);
const ALL = defaultFilters(YEARS[0]!, YEARS.at(-1)!);

/** One painted state of the page, as read in an animation frame (what a frame on screen shows). */
interface Sample {
  /** The year playback shows, '' before it starts. */
  frame: string;
  /** The years the tiles say their figures are for. */
  from: number;
  to: number;
  tiles: Record<string, string>;
  /** The top-countries axis: tick labels with their x positions, and the svg's width. */
  ticks: [string, number][];
  width: number;
}

/** Records every painted state that differs from the last, until `stop`. */
async function record(w: Watched): Promise<void> {
  await w.page.evaluate(() => {
    const samples: unknown[] = [];
    const state = { samples, stop: false };
    (window as unknown as { rec: typeof state }).rec = state;
    let last = '';
    const read = () => {
      const frame = document.querySelector('[data-testid="play-status"]')?.getAttribute('data-year') ?? '';
      // The tiles' own year label; a page without one has only the playback's year to say it.
      const label = document.querySelector('[data-testid="tiles-years"]');
      const from = Number(label?.getAttribute('data-from') ?? frame);
      const to = Number(label?.getAttribute('data-to') ?? frame);
      const tiles = Object.fromEntries(
        [...document.querySelectorAll('[data-testid^="kpi-"][data-value]')].map((el) => [
          el.getAttribute('data-testid')!.slice(4),
          el.getAttribute('data-value') ?? '',
        ]),
      );
      const svg = [...document.querySelectorAll('[data-testid="chart-countries"] svg')].find((s) =>
        s.querySelector('[aria-label="x-axis tick label"]'),
      );
      const ticks = svg
        ? [...svg.querySelectorAll('[aria-label="x-axis tick label"] text')].map((t) => {
            const r = t.getBoundingClientRect();
            const s = svg.getBoundingClientRect();
            // In the svg's own units, whatever it is scaled to.
            const x = ((r.left + r.width / 2 - s.left) * Number(svg.getAttribute('width'))) / s.width;
            return [t.textContent ?? '', Math.round(x * 10) / 10];
          })
        : [];
      const sample = { frame, from, to, tiles, ticks, width: Number(svg?.getAttribute('width') ?? 0) };
      const key = JSON.stringify(sample);
      if (key !== last) samples.push(sample);
      last = key;
      if (!state.stop) requestAnimationFrame(read);
    };
    requestAnimationFrame(read);
  });
}

async function samples(w: Watched): Promise<Sample[]> {
  return w.page.evaluate(() => {
    const rec = (window as unknown as { rec: { samples: Sample[]; stop: boolean } }).rec;
    rec.stop = true;
    return rec.samples;
  });
}

const asTiles = (t: Record<string, string>): Tiles => ({
  outbound: Number(t.outbound),
  inbound: Number(t.inbound),
  countries: Number(t.countries),
  partners: Number(t.partners),
  agreements: Number(t.agreements),
});
const complete = (t: Record<string, string>) => Object.keys(t).length === 5 && Object.values(t).every((v) => v !== '');

/** The top-countries domain's upper end, from two ticks and the chart's right margin (44, direction-bars.ts). */
function domainMax(s: Sample): number {
  const numeric = s.ticks
    .map(([text, x]) => [Number(text.replace(/[^\d.]/g, '')), x] as const)
    .filter(([v]) => Number.isFinite(v));
  const [v0, x0] = numeric[0]!;
  const [v1, x1] = numeric.at(-1)!;
  const perUnit = (x1 - x0) / (v1 - v0);
  return v0 + (s.width - 44 - x0) / perUnit;
}

describe('year playback', () => {
  let w: Watched;
  // A page of its own for each try: a second try (vitest.config.ts `retry`) starts from the opening view.
  beforeEach(async () => {
    w = await watchedPage(browser, origin);
    await openPage(w.page, baseUrl, 'dashboard', 'zh-CN');
    await w.page.waitForSelector('[data-testid="chart-countries"] svg');
    await settled(w.page);
  });
  afterEach(() => w?.page.context().close());

  test('every frame: one fixed axis for all years, and tiles with the figures of the year they name', async () => {
    await record(w);
    await w.page.click('[data-testid="play"]');
    await w.page
      .waitForFunction(() => document.querySelector('[data-testid="play"][aria-pressed="false"]'), undefined, {
        timeout: 40_000,
        polling: POLL_MS,
      })
      .catch(async (error: unknown) => {
        const year = await w.page.getAttribute('[data-testid="play-status"]', 'data-year').catch(() => '?');
        throw new Error(`playback did not end (at ${year}): ${await unsettled(w.page)}`, { cause: error });
      });
    await settled(w.page);
    const seen = await samples(w);

    const framed = seen.filter((s) => s.frame !== '');
    // Every year was shown, in order.
    expect([...new Set(framed.map((s) => Number(s.frame)))]).toEqual(YEARS);

    // Whenever the tiles show figures, they are those of the years they name.
    const shown = framed.filter((s) => complete(s.tiles));
    expect(shown.length).toBeGreaterThanOrEqual(YEARS.length);
    for (const s of shown)
      expect(asTiles(s.tiles), `tiles labelled ${s.from}–${s.to} (frame ${s.frame})`).toEqual(
        expectedTiles({ ...ALL, yearFrom: s.from, yearTo: s.to }),
      );
    // And they are the year playback shows: no figure of another year while the next ones come.
    for (const s of shown) expect([s.from, s.to], `tiles during frame ${s.frame}`).toEqual([+s.frame, +s.frame]);
    // Each year's figures were on screen under that year.
    for (const year of YEARS) expect(shown.some((s) => s.from === year && s.to === year)).toBe(true);

    // The axis never moved while the years played, and spans the largest country's year of all.
    const drawn = framed.filter((s) => s.ticks.length > 1);
    expect(new Set(drawn.map((s) => JSON.stringify(s.ticks)))).toHaveProperty('size', 1);
    let largest = 0;
    for (const year of YEARS) {
      const byCountry = new Map<string, number>();
      for (const t of trips.filter((x) => x.year === year))
        byCountry.set(t.country, (byCountry.get(t.country) ?? 0) + t.headcount);
      largest = Math.max(largest, ...byCountry.values());
    }
    expect(domainMax(drawn[0]!)).toBeCloseTo(largest, 0);

    await w.page.click('[data-testid="play-stop"]');
    await settled(w.page);
  });
});

describe.each(['zh-CN', 'en'] as Locale[])('the third tile says what it counts, in %s', (lang) => {
  let w: Watched;
  beforeAll(async () => {
    w = await watchedPage(browser, origin);
    await openPage(w.page, baseUrl, 'dashboard', lang);
  });
  afterAll(() => w?.page.context().close());

  const LABELS: Record<Filters['region'], Record<Locale, string>> = {
    all: { 'zh-CN': '国家和地区', en: 'Countries and regions' },
    hk_macao_tw: { 'zh-CN': '地区', en: 'Regions' },
    foreign: { 'zh-CN': '国家', en: 'Countries' },
  };

  test.each(['hk_macao_tw', 'foreign', 'all'] as Filters['region'][])('scope %s', async (region) => {
    await w.page.check(`[data-testid="region-${region}"]`);
    await settled(w.page);
    const tile = w.page.locator('[data-testid="kpi-countries"]');
    expect((await tile.locator('.label').textContent())?.trim()).toBe(LABELS[region][lang]);
    expect(Number(await tile.getAttribute('data-value'))).toBe(expectedTiles({ ...ALL, region }).countries);
  });
});

describe.each(['zh-CN', 'en'] as Locale[])('each tile says its change against the period before, in %s', (lang) => {
  let w: Watched;
  beforeAll(async () => {
    w = await watchedPage(browser, origin);
    await openPage(w.page, baseUrl, 'dashboard', lang);
  });
  afterAll(() => w?.page.context().close());

  const IDS = ['outbound', 'inbound', 'countries', 'partners', 'agreements'] as const;
  const pick = async (from: number, to: number) => {
    await w.page.selectOption('[data-testid="year-from"]', String(from));
    await w.page.selectOption('[data-testid="year-to"]', String(to));
    await settled(w.page);
    return w.page.evaluate(
      (ids) =>
        ids.map((id) => {
          const tile = document.querySelector(`[data-testid="kpi-${id}"]`)!;
          const change = tile.querySelector(`[data-testid="tile-change-${id}"]`);
          // What a screen reader reads in the tile: its text, less what is hidden from it.
          const clone = tile.cloneNode(true) as Element;
          for (const hidden of clone.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
          return { read: clone.textContent!.replace(/\s+/g, ' ').trim(), change: change?.textContent?.trim() ?? '' };
        }),
      IDS,
    );
  };

  test('a year against the year before: the difference and its percentage in words', async () => {
    const shown = await pick(2018, 2018);
    const now = expectedTiles({ ...ALL, yearFrom: 2018, yearTo: 2018 });
    const then = expectedTiles({ ...ALL, yearFrom: 2017, yearTo: 2017 });
    IDS.forEach((id, i) => {
      const delta = now[id] - then[id];
      const pct = then[id] === 0 ? '' : `${delta > 0 ? '+' : '-'}${((Math.abs(delta) / then[id]) * 100).toFixed(1)}%`;
      const words =
        lang === 'zh-CN'
          ? delta === 0
            ? '与上一年（2017年）持平'
            : `比上一年（2017年）${delta > 0 ? '增加' : '减少'} ${Math.abs(delta)}${pct ? `（${pct}）` : ''}`
          : delta === 0
            ? 'same as 2017'
            : `${delta > 0 ? 'up' : 'down'} ${Math.abs(delta)}${pct ? ` (${pct})` : ''} on 2017`;
      expect(shown[i]!.change, id).toContain(words);
      // Read with the figure, not told by colour or an arrow alone.
      expect(shown[i]!.read, id).toContain(words);
    });
  });

  test('a range against as many years before; none when those lie before the data', async () => {
    const shown = await pick(2017, 2019);
    const now = expectedTiles({ ...ALL, yearFrom: 2017, yearTo: 2019 });
    const then = expectedTiles({ ...ALL, yearFrom: 2014, yearTo: 2016 });
    IDS.forEach((id, i) => {
      const delta = Math.abs(now[id] - then[id]);
      expect(shown[i]!.change, id).toContain(lang === 'zh-CN' ? '2014—2016年' : '2014–2016');
      if (delta !== 0) expect(shown[i]!.change, id).toContain(` ${delta}`);
    });
    const none = await pick(2016, 2018);
    for (const t of none) expect(t.change).toBe(lang === 'zh-CN' ? '无更早时期可比' : 'no earlier period');
  });
});
