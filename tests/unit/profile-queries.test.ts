import { describe, expect, test } from 'vitest';
import { partnerProfileQuery, profileEventsQuery, type ProfileKind } from '../../src/data/queries/profile';
import { useBundledEngine } from '../helpers/bundled-engine';
import { csv } from '../helpers/expected';

// A profile's events and reference row on the bundled data, against events.csv and partners.csv as
// parsed here: a partner's events are those it organised (organizer = its Chinese name) or held in its
// city; a country's, those held there or organised by one of its partners.
const engine = useBundledEngine();
const events = csv('events.csv');
const partners = csv('partners.csv');

function expectedEvents(kind: ProfileKind, id: string): string[] {
  const mine = kind === 'partner' ? partners.filter((p) => p.id === id) : partners.filter((p) => p.country === id);
  return events
    .filter((e) =>
      kind === 'country'
        ? e.country === id || mine.some((p) => p.name_zh === e.organizer)
        : mine.some((p) => p.name_zh === e.organizer || (p.country === e.country && p.city_zh === e.city)),
    )
    .sort((a, b) => a.start_date!.localeCompare(b.start_date!) || a.id!.localeCompare(b.id!))
    .map((e) => e.id!);
}

const run = async (q: { sql: string; params: unknown[] }) =>
  (await engine().query(q.sql, q.params as never)) as unknown as Record<string, unknown>[];

describe('profile queries', () => {
  test.each([
    ['partner', 'cut'],
    ['partner', 'fooyin'],
    ['partner', 'hungkuang'],
    ['partner', 'th-chiangmai'],
    ['partner', 'us-portland-cc'],
    ['country', 'TW'],
    ['country', 'TH'],
    ['country', 'US'],
  ] as const)('%s %s: its events', async (kind, id) => {
    const rows = await run(profileEventsQuery(kind, id));
    const want = expectedEvents(kind, id);
    expect(rows.map((r) => r.id)).toEqual(want);
    if (id === 'cut' || id === 'fooyin' || id === 'TW') expect(want.length).toBeGreaterThan(0);
  });

  test("a partner's reference row; none for an unknown id (bound, not spliced)", async () => {
    const [cut] = await run(partnerProfileQuery('cut'));
    const row = partners.find((p) => p.id === 'cut')!;
    expect(cut).toMatchObject({ id: 'cut', name_zh: row.name_zh, name_en: row.name_en, country: 'TW' });
    expect(await run(partnerProfileQuery("cut' OR '1'='1"))).toEqual([]);
    expect(await run(profileEventsQuery('country', "TW' OR '1'='1"))).toEqual([]);
  });
});
