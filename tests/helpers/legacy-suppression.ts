/**
 * The per-view suppression public views used before rounding (removed from src/disclosure), kept
 * here as a fixture so the disclosure audit (tests/unit/disclosure-audit.test.ts) can show what it
 * gave away: a count from 1 to 4 hidden (null, shown as "<5"); where a view shows a total beside
 * its parts, a lone hidden part hid the next smallest part too, and a small total hid itself; a
 * net flow hid both directions and the net when either was small; event delegates unprotected;
 * top-N charts cut by the true totals.
 */
const THRESHOLD = 5;
const small = (v: unknown) => typeof v === 'number' && v >= 1 && v < THRESHOLD;

type Loose = Record<string, unknown>;

function protect(rows: readonly Loose[], value: string, group?: (row: Loose) => string, total?: string): Loose[] {
  const out = rows.map((row) => ({ ...row }));
  const hidden = new Set<Loose>();
  for (const row of out) {
    if (small(row[value])) {
      row[value] = null;
      hidden.add(row);
    }
  }
  if (!group) return out;
  const groups = new Map<string, Loose[]>();
  for (const row of out) groups.set(group(row), [...(groups.get(group(row)) ?? []), row]);
  for (const members of groups.values()) {
    if (members.filter((r) => hidden.has(r)).length === 1) {
      const next = members
        .filter((r) => typeof r[value] === 'number' && (r[value] as number) > 0)
        .sort((a, b) => (a[value] as number) - (b[value] as number))[0];
      if (next) {
        next[value] = null;
        hidden.add(next);
      }
    }
    if (total && small(members[0]?.[total])) for (const r of members) r[total] = null;
  }
  return out;
}

/** Counts on their own (a line per direction, an arc). */
export const legacyCounts = (rows: readonly Loose[]): Loose[] => protect(rows, 'headcount');

/** Counts drawn as parts of a total, each row carrying its group's true total. */
export function legacyParts(rows: readonly Loose[], groupOf: (row: Loose) => string): Loose[] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(groupOf(row), (sums.get(groupOf(row)) ?? 0) + (row.headcount as number));
  const withTotals = rows.map((row) => ({
    ...row,
    total: typeof row.total === 'number' ? row.total : sums.get(groupOf(row))!,
  }));
  return protect(withTotals, 'headcount', groupOf, 'total');
}

/** Net flow: a small direction hides both directions and the net. */
export function legacyNetFlow(rows: readonly Loose[]): Loose[] {
  return rows.map((row) =>
    small(row.inbound) || small(row.outbound) ? { ...row, inbound: null, outbound: null, net: null } : { ...row },
  );
}

/** The map's table: a small part hides both parts and the net; a small total hides itself. */
export function legacyCountrySums(rows: readonly Loose[]): Loose[] {
  return rows.map((row) => {
    if (!small(row.outbound) && !small(row.inbound)) return { ...row };
    return { ...row, outbound: null, inbound: null, net: null, total: small(row.total) ? null : row.total };
  });
}
