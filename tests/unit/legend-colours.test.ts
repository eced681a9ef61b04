import { describe, expect, test } from 'vitest';
import { differenceCiede2000, parse } from 'culori';
import { agreementsTimeline } from '../../src/charts/agreements-timeline';
import type { ChartContext } from '../../src/charts/context';
import { formatNumber, translate } from '../../src/i18n/translate';
import { countryName } from '../../src/reference/countries';
import { DISTINCT, OTHER_COLOR, ownColours } from '../../src/charts/palette';
import { trendStacked, type StackSplit } from '../../src/charts/trend-stacked';
import {
  trendStackQuery,
  agreementsTimelineQuery,
  type TrendStackRow,
  type AgreementSpanRow,
} from '../../src/data/queries';
import { defaultFilters } from '../../src/data/filters';
import { useBundledEngine } from '../helpers/bundled-engine';
import { trips } from '../helpers/expected';

// No two colours of a chart's legend look alike (CIEDE2000 ≥ 15). The fills are the same in the light
// and the dark theme (text and axes follow the page, fills do not), so one check holds for both.
const engine = useBundledEngine();
const years = trips.map((t) => t.year);
const ALL = defaultFilters(Math.min(...years), Math.max(...years));
const difference = differenceCiede2000();
const MIN = 15;
const ctx: ChartContext = {
  t: (key, params) => translate('zh-CN', key, params),
  n: (value) => formatNumber('zh-CN', value),
  country: (code) => countryName(code, 'zh-CN'),
  width: 640,
  locale: 'zh-CN',
};

function closest(colours: readonly string[]): number {
  let min = Infinity;
  for (const [i, a] of colours.entries())
    for (const b of colours.slice(i + 1)) min = Math.min(min, difference(parse(a)!, parse(b)!));
  return min;
}

test('the distinct colours and the other colour stay apart', () => {
  expect(closest([...DISTINCT, OTHER_COLOR])).toBeGreaterThanOrEqual(MIN);
});

test('more keys than colours: the largest keep theirs, the rest are grouped', () => {
  const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'other'];
  const size = (k: string) => keys.indexOf(k);
  expect(ownColours(keys, size)).toEqual(['c', 'd', 'e', 'f', 'g', 'h', 'i']);
  expect(ownColours(keys.slice(0, 5), size)).toEqual(['a', 'b', 'c', 'd', 'e']);
});

describe.each(['activity_type', 'participant_category'] as StackSplit[])('the stacked trend by %s', (split) => {
  test('legend colours apart; every person-trip still drawn', async () => {
    const q = trendStackQuery(ALL, split);
    const rows = (await engine().query(q.sql, q.params)) as unknown as TrendStackRow[];
    const spec = trendStacked(rows, split, ctx);
    const range = (spec.color as { range: string[] }).range;
    expect(range.length).toBeLessThanOrEqual(DISTINCT.length + 1);
    expect(new Set(range).size).toBe(range.length);
    expect(closest(range)).toBeGreaterThanOrEqual(MIN);
    const drawn = (spec.marks![0] as unknown as { data: TrendStackRow[] }).data;
    expect(drawn.reduce((s, d) => s + d.headcount, 0)).toBe(trips.reduce((s, t) => s + t.headcount, 0));
  });
});

test('agreement types: legend colours apart', async () => {
  const q = agreementsTimelineQuery(ALL);
  const rows = (await engine().query(q.sql, q.params)) as unknown as AgreementSpanRow[];
  const range = (agreementsTimeline(rows, ctx).color as { range: string[] }).range;
  expect(closest(range)).toBeGreaterThanOrEqual(MIN);
});
