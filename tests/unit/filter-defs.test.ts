// The filter definitions (src/domain/filters.ts) drive the link, the SQL and the chips: every entry
// is checked here against the real engine and against figures computed from data/exchanges.csv in
// plain TypeScript, so a filter added to the table is tested without a line added here.
import { describe, expect, test } from 'vitest';
import { whereFacts } from '../../src/data/filters';
import {
  FILTER_DEFS,
  SELECTION_KEYS,
  clearedFilter,
  defaultFilters,
  selectionDef,
  type Filters,
  type SelectionKey,
} from '../../src/domain/filters';
import { MESSAGES } from '../../src/i18n/messages';
import { translate } from '../../src/i18n/translate';
import { countryName } from '../../src/reference/countries';
import { activeChips, filterMessageKeys, type LabelContext } from '../../src/state/filter-labels';
import { formatUrlState, parseUrlState, type UrlState } from '../../src/state/url-state';
import { useBundledEngine } from '../helpers/bundled-engine';
import { csv, matching, sum, trips, yearBounds } from '../helpers/expected';

const db = useBundledEngine();
const bounds = yearBounds();
const ALL = defaultFilters(bounds.min, bounds.max);

/** Each selection's values in the data, most person-trips first (at most `limit`). */
function valuesInData(key: SelectionKey, limit = 6): string[] {
  const column = selectionDef(key).column;
  const sums = new Map<string, number>();
  for (const t of trips) {
    const v = t.fields[column];
    if (v) sums.set(v, (sums.get(v) ?? 0) + t.headcount);
  }
  return [...sums]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([v]) => v)
    .slice(0, limit);
}

const link = (filters: Filters): UrlState => ({
  filters,
  locale: 'en',
  view: 'dashboard',
  theme: 'auto',
  map: { mode: 'flows', measure: 'total', zoom: null },
  profile: null,
  split: 'direction',
});

/** Person-trips per direction under `where` (the app's whereFacts), run on the real engine. */
async function sqlSums(filters: Filters, except?: SelectionKey): Promise<Record<string, number>> {
  const w = whereFacts(filters, except);
  const rows = await db().query(
    `SELECT direction, sum(headcount)::INTEGER AS n FROM facts ${w.sql} GROUP BY direction`,
    w.params,
  );
  return Object.fromEntries(rows.map((r) => [String(r.direction), Number(r.n)]));
}

function csvSums(ts: readonly { direction: string; headcount: number }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ts) out[t.direction] = (out[t.direction] ?? 0) + t.headcount;
  return out;
}

describe('every selection of the definitions', () => {
  test('the table holds the funding and department filters, on their own columns and parameters', () => {
    expect(SELECTION_KEYS).toEqual(['country', 'program', 'category', 'partner', 'funding', 'department']);
    expect([FILTER_DEFS.funding.param, FILTER_DEFS.funding.column]).toEqual(['funding', 'funding']);
    expect([FILTER_DEFS.department.param, FILTER_DEFS.department.column]).toEqual(['department', 'department']);
  });

  test.each(SELECTION_KEYS)('%s: each value in the data goes through a link and back', (key) => {
    const values = valuesInData(key);
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) {
      const state = link({ ...ALL, [key]: value, direction: 'inbound' });
      const search = formatUrlState(state, bounds);
      expect(new URLSearchParams(search).get(selectionDef(key).param)).toBe(value);
      expect(parseUrlState(search, bounds)).toEqual(state);
    }
  });

  test.each(SELECTION_KEYS)('%s: markup, SQL and control characters in a link are not read', (key) => {
    const param = selectionDef(key).param;
    for (const junk of ['<img src=x onerror=alert(1)>', "x' OR 1=1--", 'a\nb', '', ' ', 'x'.repeat(65)]) {
      const search = `?${new URLSearchParams({ [param]: junk }).toString()}`;
      expect(parseUrlState(search, bounds).filters[key], junk).toBeNull();
    }
  });

  test.each(SELECTION_KEYS)('%s: whereFacts on the real engine selects the trips the CSV says', async (key) => {
    const column = selectionDef(key).column;
    for (const value of valuesInData(key, 4)) {
      const f = { ...ALL, [key]: value };
      expect(await sqlSums(f), value).toEqual(csvSums(matching(f)));
      expect(whereFacts(f).columns).toEqual(['year', column]);
      // A chart leaves its own selection out.
      expect(whereFacts(f, key).columns).toEqual(['year']);
      expect(await sqlSums(f, key)).toEqual(csvSums(matching(ALL)));
    }
  });
});

describe('funding and department, against data/exchanges.csv read on its own', () => {
  const rows = csv('exchanges.csv');
  const year = (r: (typeof rows)[number]) => Number(r.start_date!.slice(0, 4));
  const sums = (keep: (r: (typeof rows)[number]) => boolean) => {
    const out: Record<string, number> = {};
    for (const r of rows.filter(keep)) out[r.direction!] = (out[r.direction!] ?? 0) + Number(r.headcount);
    return out;
  };

  test('funding = college', async () => {
    const expected = sums((r) => r.funding === 'college');
    expect(Object.keys(expected).length).toBe(2);
    expect(await sqlSums({ ...ALL, funding: 'college' })).toEqual(expected);
  });

  test('department = 旅游学院, outbound, in the later years', async () => {
    const from = bounds.min + 2;
    const expected = sums((r) => r.department === '旅游学院' && r.direction === 'outbound' && year(r) >= from);
    expect(expected.outbound).toBeGreaterThan(0);
    const f: Filters = { ...ALL, yearFrom: from, direction: 'outbound', department: '旅游学院' };
    expect(await sqlSums(f)).toEqual(expected);
    expect(whereFacts(f).columns).toEqual(['year', 'direction', 'department']);
  });

  test('both at once, with a country', async () => {
    const [country] = valuesInData('country', 1);
    const expected = sums(
      (r) => r.funding === 'partner' && r.department === '国际交流与合作处' && r.country === country,
    );
    const f: Filters = { ...ALL, funding: 'partner', department: '国际交流与合作处', country: country! };
    expect(await sqlSums(f)).toEqual(expected);
    expect(sum(matching(f))).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
  });
});

describe('chips and words', () => {
  const ctx = (locale: 'zh-CN' | 'en'): LabelContext => ({
    t: (key, params) => translate(locale, key, params),
    country: (code) => countryName(code, locale),
    locale,
    names: new Map(),
    span: [bounds.min, bounds.max],
  });

  test('every message the definitions name is in both languages', () => {
    const keys = filterMessageKeys();
    expect(keys).toContain('chip.funding');
    expect(keys).toContain('funding.self');
    for (const locale of ['zh-CN', 'en'] as const)
      expect(
        keys.filter((k) => !(k in MESSAGES[locale])),
        locale,
      ).toEqual([]);
  });

  test('a chip per active filter, in the order of the table, named in each language', () => {
    const f: Filters = { ...ALL, direction: 'inbound', funding: 'self', department: '旅游学院' };
    expect(activeChips(f, ctx('zh-CN'))).toEqual([
      { key: 'direction', label: '方向：来访' },
      { key: 'funding', label: '经费来源：自费' },
      { key: 'department', label: '院系：旅游学院' },
    ]);
    expect(activeChips(f, ctx('en')).map((c) => c.label)).toEqual([
      'Direction: Inbound',
      'Funding: Self-funded',
      'Department: School of Tourism',
    ]);
    // A department the reference list does not know keeps its own name.
    expect(activeChips({ ...ALL, department: '新学院' }, ctx('en'))[0]!.label).toBe('Department: 新学院');
  });

  test('removing a chip puts its filter back at its default', () => {
    const f: Filters = { ...ALL, yearFrom: bounds.max, direction: 'outbound', funding: 'self', department: 'x' };
    const span = [bounds.min, bounds.max] as const;
    expect(clearedFilter(f, 'funding', span)).toEqual({ ...f, funding: null });
    expect(clearedFilter(f, 'direction', span)).toEqual({ ...f, direction: 'all' });
    expect(clearedFilter(f, 'years', span)).toEqual({ ...f, yearFrom: bounds.min });
  });
});
