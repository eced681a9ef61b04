import { describe, expect, test } from 'vitest';
import type { ChartContext } from '../../src/charts/context';
import { eventsTable, eventsTimeline } from '../../src/charts/events-timeline';
import { eventsSummary } from '../../src/charts/summary';
import { defaultFilters, type Filters } from '../../src/data/filters';
import { eventsTimelineQuery, type EventRow } from '../../src/data/queries';
import { formatNumber, translate } from '../../src/i18n/translate';
import type { Locale } from '../../src/i18n/messages';
import { countryName } from '../../src/reference/countries';
import { useBundledEngine } from '../helpers/bundled-engine';
import { csv, trips } from '../helpers/expected';

// The events card on the bundled data, in both languages: its summary counts events (项, not 人次), its
// City column names the city, and every event has its name in the tip and the table. The expected
// values come from events.csv and partners.csv as parsed here.
const engine = useBundledEngine();
const events = csv('events.csv');
const partners = csv('partners.csv');

const ctx = (locale: Locale): ChartContext => ({
  t: (key, params) => translate(locale, key, params),
  n: (v) => formatNumber(locale, v),
  country: (code) => countryName(code, locale),
  width: 640,
  locale,
});

/** English names of the Chinese city names events.csv uses, written here from a map, not by the app. */
const CITY_EN = new Map([
  ...partners.filter((p) => p.city_zh && p.city_en).map((p) => [p.city_zh!, p.city_en!] as const),
  ['贵阳', 'Guiyang'],
  ['深圳', 'Shenzhen'],
  ['天津', 'Tianjin'],
  ['安顺', 'Anshun'],
  ['北京', 'Beijing'],
  ['上海', 'Shanghai'],
]);

const years = [...new Set([...trips.map((t) => t.year), ...events.map((e) => Number(e.start_date!.slice(0, 4)))])];
const ALL = defaultFilters(Math.min(...years), Math.max(...years));
const eventYears = [...new Set(events.map((e) => Number(e.start_date!.slice(0, 4))))].sort();
const CASES: Filters[] = [ALL, ...eventYears.map((y) => ({ ...ALL, yearFrom: y, yearTo: y }))];

const inYears = (f: Filters) =>
  events.filter((e) => {
    const y = Number(e.start_date!.slice(0, 4));
    return y >= f.yearFrom && y <= f.yearTo;
  });

async function rowsOf(f: Filters): Promise<EventRow[]> {
  const q = eventsTimelineQuery(f);
  return (await engine().query(q.sql, q.params)) as unknown as EventRow[];
}

describe.each(CASES.map((f) => [`${f.yearFrom}–${f.yearTo}`, f] as const))('events of %s', (_, f) => {
  test('the summary counts events by kind, never person-trips', async () => {
    const rows = await rowsOf(f);
    const expected = inYears(f);
    const byKind = new Map<string, number>();
    for (const e of expected) byKind.set(e.kind!, (byKind.get(e.kind!) ?? 0) + 1);
    const zh = eventsSummary(rows, ctx('zh-CN'));
    const en = eventsSummary(rows, ctx('en'));
    expect(zh).toContain(`共${expected.length}项活动`);
    expect(en).toContain(`${expected.length} events`);
    for (const [kind, n] of byKind) {
      expect(zh).toContain(`${translate('zh-CN', `event.${kind}` as never)}${n}项`);
      expect(en).toContain(`${translate('en', `event.${kind}` as never)} (${n})`);
    }
    expect(zh).not.toContain('人次');
    expect(en).not.toMatch(/person-trips/i);
  });

  test('the table names every event and its city, in both languages', async () => {
    const rows = await rowsOf(f);
    const expected = inYears(f);
    for (const locale of ['zh-CN', 'en'] as const) {
      const table = eventsTable(rows, ctx(locale));
      const col = (key: 'col.event' | 'col.city') => table.columns.findIndex((c) => c.label === translate(locale, key));
      const names = table.rows.map((r) => r.cells[col('col.event')]);
      const cities = table.rows.map((r) => r.cells[col('col.city')]);
      const byId = new Map(expected.map((e) => [e.id!, e]));
      expect(rows.map((r) => r.id).sort()).toEqual(expected.map((e) => e.id!).sort());
      rows.forEach((r, i) => {
        const e = byId.get(r.id)!;
        expect(names[i]).toBe(locale === 'en' ? e.name_en : e.name_zh);
        const city = e.city ?? '';
        expect(cities[i]).toBe(locale === 'en' ? (city ? (CITY_EN.get(city) ?? city) : '') : city);
      });
    }
  });

  test('every dot carries its event’s name for the tip', async () => {
    const rows = await rowsOf(f);
    for (const locale of ['zh-CN', 'en'] as const) {
      const spec = eventsTimeline(rows, ctx(locale));
      const dot = spec.marks!.find((m) => (m as { ariaLabel?: string }).ariaLabel === 'dot') as unknown as {
        channels: Record<string, { value: unknown }>;
      };
      const title = dot.channels.title!.value as (d: EventRow) => string;
      for (const r of rows) {
        const e = events.find((x) => x.id === r.id)!;
        expect(title(r).split('\n')[0]).toBe(locale === 'en' ? e.name_en : e.name_zh);
      }
    }
  });
});
