import { describe, expect, test } from 'vitest';
import { defaultFilters, type Filters } from '../../src/data/filters';
import { activeAgreementsQuery, kpiQuery, type KpiRow } from '../../src/data/queries';
import { translate } from '../../src/i18n/translate';
import { kpiFrame } from '../../src/state/kpi-tiles';
import { useBundledEngine } from '../helpers/bundled-engine';
import { trips } from '../helpers/expected';
import { expectedTiles } from '../helpers/expected-tiles';

// The tiles as the dashboard builds them from the engine's answers (real engine, bundled data),
// against figures computed from data/*.csv (tests/helpers/expected-tiles.ts).
const engine = useBundledEngine();
const years = trips.map((t) => t.year);
const ALL = defaultFilters(Math.min(...years), Math.max(...years));

async function answer<R>(q: { sql: string; params: (string | number | boolean | null)[] }, f: Filters) {
  return { rows: (await engine().query(q.sql, q.params)) as unknown as R[], rowsFor: f };
}

const frameOf = async (f: Filters, agreementsFor = f, kpisFor = f) =>
  kpiFrame(
    f,
    await answer<KpiRow>(kpiQuery(kpisFor), kpisFor),
    await answer<{ agreements: number }>(activeAgreementsQuery(agreementsFor), agreementsFor),
  );

const LABELS = {
  all: ['国家和地区', 'Countries and regions'],
  hk_macao_tw: ['地区', 'Regions'],
  foreign: ['国家', 'Countries'],
} as const;

describe.each(['all', 'hk_macao_tw', 'foreign'] as const)('scope %s', (region) => {
  test('the third tile is named for what it counts, in both languages, and counts it', async () => {
    const f = { ...ALL, region };
    const frame = await frameOf(f);
    const tile = frame.tiles.find((t) => t.id === 'countries')!;
    expect([translate('zh-CN', tile.label), translate('en', tile.label)]).toEqual(LABELS[region]);
    expect(tile.value).toBe(expectedTiles(f).countries);
  });
});

test('a frame gives the figures of the years it names', async () => {
  for (const year of [...new Set(years)]) {
    const f = { ...ALL, yearFrom: year, yearTo: year };
    const frame = await frameOf(f);
    expect(frame.filters).toEqual(f);
    expect(Object.fromEntries(frame.tiles.map((t) => [t.id, t.value]))).toEqual(expectedTiles(f));
  }
});

test('figures of other years wait: no figure rather than another year’s', async () => {
  const year = Math.min(...years);
  const frame = await frameOf({ ...ALL, yearFrom: year, yearTo: year }, ALL, ALL);
  expect(frame.tiles.map((t) => t.value)).toEqual([null, null, null, null, null]);
  const late = await frameOf({ ...ALL, yearFrom: year, yearTo: year }, ALL);
  expect(late.tiles.find((t) => t.id === 'agreements')!.value).toBeNull();
  expect(late.tiles.find((t) => t.id === 'outbound')!.value).toBe(
    expectedTiles({ ...ALL, yearFrom: year, yearTo: year }).outbound,
  );
  // A filter agreements ignore (direction) does not hold them back.
  const out = { ...ALL, direction: 'outbound' as const };
  expect((await frameOf(out, ALL)).tiles.find((t) => t.id === 'agreements')!.value).toBe(expectedTiles(ALL).agreements);
});

test('before any answer: no figures', () => {
  const frame = kpiFrame(ALL, { rows: null, rowsFor: undefined }, { rows: null, rowsFor: undefined });
  expect(frame.tiles.every((t) => t.value === null)).toBe(true);
});
