/**
 * Compares what a page shows with what the CSV files say, and says every difference precisely:
 * the surface, the filter state, the language, the item, the figure shown and the one expected.
 */
import {
  numberTokens,
  parseShown,
  type ExpectedRow,
  type ExpectedSummary,
  type ExpectedTable,
} from '../../helpers/expected-views';

export interface Where {
  surface: string;
  state: string;
  lang: string;
}

/** How many figures were compared, for the report: a check that compares nothing proves nothing. */
export const tally = { figures: 0 };

export interface Mismatch extends Where {
  item: string;
  shown: string;
  expected: string;
}

const cellMatches = (shown: string | undefined, expected: number | string) =>
  typeof expected === 'number' ? parseShown(shown ?? '') === expected : (shown ?? '').trim() === expected;

const fmt = (cells: readonly (number | string | undefined)[]) =>
  cells.map((c) => (c === '' ? '∅' : String(c))).join(' / ');

/** A shown key matches an expected one exactly, or as its start when the view cut it short (`…`). */
function keyMatches(shown: string, expected: string): boolean {
  if (shown === expected) return true;
  const s = shown.split('|');
  const e = expected.split('|');
  return (
    s.length === e.length &&
    s.every((part, i) => part === e[i] || (part.endsWith('…') && e[i]!.startsWith(part.slice(0, -1))))
  );
}

/**
 * A table (or a chart's value labels as rows [key, text]) against the expected rows: every row shown
 * is expected, with its figures; every expected row is shown (the top `limit` by rank); ranked rows
 * come in descending order. When every expected row has a `tie` code (a public view), ties go by
 * code: the top `limit` rows and their order are exact; without, ties at the boundary and in order
 * may go either way.
 */
export function compareTable(shown: readonly string[][] | null, expected: ExpectedTable, where: Where): Mismatch[] {
  const out: Mismatch[] = [];
  const add = (item: string, s: string, e: string) => out.push({ ...where, item, shown: s, expected: e });
  const rows = shown ?? [];
  const strict = expected.rows.length > 0 && expected.rows.every((r) => r.tie !== undefined);
  const byTie = (a: ExpectedRow, b: ExpectedRow) => (!strict ? 0 : a.tie! < b.tie! ? -1 : a.tie! > b.tie! ? 1 : 0);
  const sorted = [...expected.rows].sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0) || byTie(a, b));
  const limited = expected.limit !== undefined && sorted.length > expected.limit;
  const boundary = limited ? (sorted[expected.limit! - 1]!.rank ?? 0) : -Infinity;
  const top = new Set(limited ? sorted.slice(0, expected.limit) : sorted);
  const wanted = limited ? expected.limit! : expected.rows.length;
  const used = new Set<number>();
  const matchedRanks: { key: string; rank: number; at: number }[] = [];

  for (const row of rows) {
    const key = expected.keyCols.map((i) => row[i] ?? '').join('|');
    const values = expected.valueCols.map((i) => row[i]);
    const candidates = expected.rows
      .map((r, i) => ({ r, i }))
      .filter(({ r, i }) => !used.has(i) && keyMatches(key, r.key));
    const exact = candidates.find(({ r }) => r.cells.every((c, j) => cellMatches(values[j], c)));
    const hit = exact ?? candidates[0];
    if (!hit) {
      add(`row "${key}"`, fmt(values), '(no such row)');
      continue;
    }
    used.add(hit.i);
    tally.figures += hit.r.cells.length;
    matchedRanks.push({ key, rank: hit.r.rank ?? 0, at: sorted.indexOf(hit.r) });
    if (!exact) add(`row "${key}"`, fmt(values), fmt(hit.r.cells));
    if (limited && (strict ? !top.has(hit.r) : (hit.r.rank ?? 0) < boundary))
      add(
        `row "${key}"`,
        `ranked ${hit.r.rank}${strict ? ` (code ${hit.r.tie})` : ''}`,
        `only the top ${expected.limit} (≥ ${boundary}${strict ? ', ties by code' : ''}) shown`,
      );
  }
  expected.rows.forEach((r, i) => {
    if (used.has(i)) return;
    if (!limited || (strict ? top.has(r) : (r.rank ?? 0) > boundary)) add(`row "${r.key}"`, '(missing)', fmt(r.cells));
  });
  if (rows.length !== wanted) add('row count', String(rows.length), String(wanted));
  if (expected.ranked) {
    for (let i = 1; i < matchedRanks.length; i++) {
      const [a, b] = [matchedRanks[i - 1]!, matchedRanks[i]!];
      if (a.rank < b.rank) add('order', `"${a.key}" (${a.rank}) before "${b.key}" (${b.rank})`, 'descending');
      else if (strict && a.rank === b.rank && a.at > b.at)
        add('order', `"${a.key}" before "${b.key}" (both ${a.rank})`, 'ties by code, ascending');
    }
  }
  return out;
}

/** Value labels, as rows of [key, text]. */
export const labelRows = (labels: readonly { key: string; text: string }[]): string[][] =>
  labels.map((l) => [l.key, l.text]);

const multiset = (xs: readonly string[]) => [...xs].sort().join(' ');

/** A summary's numbers (a multiset: ties may come in any order) and its named figures. */
export function compareSummary(shown: string | null, expected: ExpectedSummary | null, where: Where): Mismatch[] {
  const out: Mismatch[] = [];
  const text = shown ?? '';
  // Names may hold digits (7天以内): they are taken out before the numbers are read.
  let bare = text;
  for (const name of [...(expected?.names ?? [])].sort((a, b) => b.length - a.length))
    bare = bare.split(name).join(' ');
  const got = numberTokens(bare);
  const want = expected?.tokens ?? [];
  tally.figures += want.length;
  if (multiset(got) !== multiset(want))
    out.push({
      ...where,
      item: 'summary numbers',
      shown: `[${got.join(', ')}] in "${text}"`,
      expected: `[${want.join(', ')}]`,
    });
  for (const group of expected?.literals ?? []) {
    const found = group.any.filter((s) => text.includes(s)).length;
    if (found < group.count)
      out.push({
        ...where,
        item: `summary ${group.what}`,
        shown: `"${text}"`,
        expected: `${group.count} of ${group.any.map((s) => `"${s}"`).join(', ')}`,
      });
  }
  return out;
}

/** One figure. */
export function compareValue(item: string, shown: string, expected: number, where: Where): Mismatch[] {
  tally.figures += 1;
  return parseShown(shown) === expected ? [] : [{ ...where, item, shown, expected: String(expected) }];
}

export function formatMismatches(ms: readonly Mismatch[]): string {
  return ms
    .map((m) => `[${m.lang}] ${m.state} · ${m.surface} · ${m.item}: shown ${m.shown}, expected ${m.expected}`)
    .join('\n');
}
