import { describe, expect, test } from 'vitest';
import { defaultFilters, type Filters } from '../../src/data/filters';
import { activeAgreementsQuery, kpiQuery, type KpiRow } from '../../src/data/queries';
import { formatNumber, formatSignedPercent, translate } from '../../src/i18n/translate';
import type { Locale } from '../../src/i18n/messages';
import { changeText, previousPeriod, shiftedBack, type ChangeContext } from '../../src/state/kpi-change';
import { kpiFrame } from '../../src/state/kpi-tiles';
import { useBundledEngine } from '../helpers/bundled-engine';
import { trips } from '../helpers/expected';
import { expectedTiles } from '../helpers/expected-tiles';

// The tiles' change against the previous period, from the engine's answers (real engine, bundled
// data), against figures computed from data/*.csv in plain TypeScript (tests/helpers/expected-tiles.ts).
const engine = useBundledEngine();
const years = [...new Set(trips.map((t) => t.year))].sort((a, b) => a - b);
const FIRST = years[0]!;
const LAST = years.at(-1)!;
const ALL = defaultFilters(FIRST, LAST);

async function answer<R>(q: { sql: string; params: (string | number | boolean | null)[] }, f: Filters) {
  return { rows: (await engine().query(q.sql, q.params)) as unknown as R[], rowsFor: f };
}

async function frameOf(f: Filters) {
  const before = shiftedBack(f);
  return kpiFrame(
    f,
    await answer<KpiRow>(kpiQuery(f), f),
    await answer<{ agreements: number }>(activeAgreementsQuery(f), f),
    {
      firstYear: FIRST,
      kpis: await answer<KpiRow>(kpiQuery(before), before),
      agreements: await answer<{ agreements: number }>(activeAgreementsQuery(before), before),
    },
  );
}

const words = (locale: Locale): ChangeContext => ({
  t: (key, params) => translate(locale, key, params),
  n: (v) => formatNumber(locale, v),
  percent: (r) => formatSignedPercent(locale, r),
});

test('the previous period: a year before a year, as many years before a range, none before the data', () => {
  expect(previousPeriod({ yearFrom: 2018, yearTo: 2018 }, 2014)).toEqual({ yearFrom: 2017, yearTo: 2017 });
  expect(previousPeriod({ yearFrom: 2017, yearTo: 2019 }, 2014)).toEqual({ yearFrom: 2014, yearTo: 2016 });
  expect(previousPeriod({ yearFrom: 2016, yearTo: 2018 }, 2014)).toBeNull();
  expect(previousPeriod({ yearFrom: 2014, yearTo: 2014 }, 2014)).toBeNull();
  expect(previousPeriod({ yearFrom: 2016, yearTo: 2018 }, 2013)).toEqual({ yearFrom: 2013, yearTo: 2015 });
});

describe.each([
  ['every single year', years.map((y) => [y, y] as const)],
  ['ranges', [[2017, 2019] as const, [2016, 2017] as const, [2016, 2018] as const, [FIRST, LAST] as const]],
])('%s', (_, spans) => {
  test.each([
    ['all', {}],
    ['outbound, foreign', { direction: 'outbound', region: 'foreign' }],
  ] as const)('each tile compared with the figures of the period before (%s)', async (_name, extra) => {
    for (const [from, to] of spans) {
      const f: Filters = { ...ALL, ...extra, yearFrom: from, yearTo: to };
      const frame = await frameOf(f);
      const length = to - from + 1;
      const earlierFrom = from - length;
      if (earlierFrom < FIRST) {
        for (const tile of frame.tiles) expect(tile.change, `${from}–${to} ${tile.id}`).toEqual({ kind: 'none' });
        continue;
      }
      const expected = expectedTiles({ ...f, yearFrom: earlierFrom, yearTo: to - length });
      for (const tile of frame.tiles) {
        expect(tile.change, `${from}–${to} ${tile.id}`).toEqual({
          kind: 'compared',
          period: { yearFrom: earlierFrom, yearTo: to - length },
          previous: expected[tile.id],
        });
        expect(tile.value).toBe(expectedTiles(f)[tile.id]);
      }
    }
  });
});

test('the words, in both languages, with the figures computed from the CSV', async () => {
  const f = { ...ALL, yearFrom: 2018, yearTo: 2018 };
  const outbound = (await frameOf(f)).tiles.find((t) => t.id === 'outbound')!;
  const now = expectedTiles(f).outbound;
  const then = expectedTiles({ ...f, yearFrom: 2017, yearTo: 2017 }).outbound;
  const delta = now - then;
  expect(delta).not.toBe(0);
  const pct = (Math.round((Math.abs(delta) / then) * 1000) / 10).toFixed(1);
  const sign = delta > 0 ? '+' : '-';
  expect(changeText(words('zh-CN'), outbound.value, outbound.change!)).toBe(
    `比上一年（2017年）${delta > 0 ? '增加' : '减少'} ${Math.abs(delta)}（${sign}${pct}%）`,
  );
  expect(changeText(words('en'), outbound.value, outbound.change!)).toBe(
    `${delta > 0 ? 'up' : 'down'} ${Math.abs(delta)} (${sign}${pct}%) on 2017`,
  );

  const range = { ...ALL, yearFrom: 2017, yearTo: 2019 };
  const inbound = (await frameOf(range)).tiles.find((t) => t.id === 'inbound')!;
  expect(changeText(words('zh-CN'), inbound.value, inbound.change!)).toMatch(/^比2014—2016年(增加|减少|持平)/);
  expect(changeText(words('en'), inbound.value, inbound.change!)).toMatch(/ on 2014–2016$|^same as 2014–2016$/);

  const none = (await frameOf({ ...ALL, yearFrom: 2016, yearTo: 2018 })).tiles[0]!;
  expect(changeText(words('zh-CN'), none.value, none.change!)).toBe('无更早时期可比');
  expect(changeText(words('en'), none.value, none.change!)).toBe('no earlier period');
});

test('no change, a rise from nothing, a fall', () => {
  const period = { yearFrom: 2017, yearTo: 2017 };
  const c = (previous: number) => ({ kind: 'compared' as const, period, previous });
  expect(changeText(words('en'), 5, c(5))).toBe('same as 2017');
  expect(changeText(words('zh-CN'), 5, c(5))).toBe('与上一年（2017年）持平');
  expect(changeText(words('en'), 5, c(0))).toBe('up 5 on 2017');
  expect(changeText(words('en'), 90, c(100))).toBe('down 10 (-10.0%) on 2017');
  expect(changeText(words('zh-CN'), 90, c(100))).toBe('比上一年（2017年）减少 10（-10.0%）');
  // The earlier figure on its way: nothing rather than a wrong comparison.
  expect(changeText(words('en'), 90, { kind: 'compared', period, previous: null })).toBe('');
});

test('an earlier answer for other years waits', async () => {
  const f = { ...ALL, yearFrom: 2018, yearTo: 2018 };
  const other = { ...ALL, yearFrom: 2016, yearTo: 2016 };
  const frame = kpiFrame(f, await answer(kpiQuery(f), f), await answer(activeAgreementsQuery(f), f), {
    firstYear: FIRST,
    kpis: await answer<KpiRow>(kpiQuery(other), other),
    agreements: await answer<{ agreements: number }>(activeAgreementsQuery(other), other),
  });
  for (const tile of frame.tiles)
    expect(tile.change).toEqual({ kind: 'compared', period: { yearFrom: 2017, yearTo: 2017 }, previous: null });
});
