/**
 * Small-count protection for public views. A count from 1 to threshold − 1 is
 * hidden (null, drawn as "<threshold"). Where a view shows a group's total
 * beside its cells (a country's bar: outbound + inbound = total), one hidden
 * cell could be recovered by subtraction, so the next smallest cell of that
 * group is hidden too; a total below the threshold is hidden itself.
 */
export interface ProtectSpec<R> {
  /** The count in each row. */
  value: keyof R & string;
  /** Rows whose values add up to a total the view shows; absent when no total is shown. */
  group?: (row: R) => string;
  /** The shown total, held on each row of its group. */
  total?: keyof R & string;
}

/** A row as shown: a hidden count is null, and `hidden` says why (a small count, or hidden beside one). */
export type Protected<R> = { [K in keyof R]: R[K] | null } & { hidden?: 'small' | 'complement' };

const small = (v: unknown, threshold: number) => typeof v === 'number' && v >= 1 && v < threshold;

export function protect<R extends object>(rows: readonly R[], spec: ProtectSpec<R>, threshold: number): Protected<R>[] {
  const out = rows.map((row) => ({ ...row }) as Protected<R>);
  if (threshold <= 0) return out;
  const hide = (row: Protected<R>, key: keyof R, why: 'small' | 'complement') => {
    (row as Record<keyof R, unknown>)[key] = null;
    if (key === spec.value) row.hidden = why;
  };
  for (const row of out) if (small(row[spec.value], threshold)) hide(row, spec.value, 'small');
  if (!spec.group) return out;
  const groups = new Map<string, Protected<R>[]>();
  for (const row of out) {
    const key = spec.group(row as R);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const members of groups.values()) {
    const hidden = members.filter((r) => r.hidden);
    if (hidden.length === 1) {
      const next = members
        .filter((r) => typeof r[spec.value] === 'number' && (r[spec.value] as number) > 0)
        .sort((a, b) => (a[spec.value] as number) - (b[spec.value] as number))[0];
      if (next) hide(next, spec.value, 'complement');
    }
    if (spec.total && small(members[0]?.[spec.total], threshold)) for (const r of members) hide(r, spec.total, 'small');
  }
  return out;
}

/** The number format of a public view: a hidden count reads "<threshold" (a cell hidden beside one is not drawn). */
export function protectedNumber(format: (v: number) => string, threshold: number): (v: number | null) => string {
  return (v) => (v === null || !Number.isFinite(v) ? `<${threshold}` : format(v));
}
