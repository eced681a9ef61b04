/**
 * The charts' categorical colours. Each has at least 3:1 contrast with the
 * white chart background (WCAG 1.4.11), and each differs from the next in
 * normal, protan, deutan and tritan vision (CIEDE2000 ≥ 10 after simulation):
 * stacked neighbours stay apart for colour-blind readers. Twelve colours cannot
 * all differ from each other in every vision, so legends, tips and the tables
 * name every part. tests/unit/palette.test.ts checks both.
 */
export const CATEGORICAL = [
  '#3b6ea5',
  '#8a6a00',
  '#c2353a',
  '#6b6664',
  '#9c4f1f',
  '#8a4f88',
  '#c05a00',
  '#2f7f7a',
  '#5a7d1e',
  '#7a5641',
  '#0f766e',
  '#5b4a9e',
] as const;

/**
 * Colours of CATEGORICAL no two of which look alike (CIEDE2000 ≥ 15 in normal vision; the teals
 * #2f7f7a/#0f766e were 4 apart, the oranges #9c4f1f/#c05a00 9): a chart with more parts than these
 * groups the smallest as "other", drawn in OTHER_COLOR.
 */
export const DISTINCT = [0, 1, 2, 4, 5, 7, 8].map((i) => CATEGORICAL[i]!);
export const OTHER_COLOR = CATEGORICAL[3];

/**
 * The keys a chart draws with their own colour: all when they fit DISTINCT, else the largest
 * (by `size`, ties in the given order); `other` is never one of them (it is the group).
 */
export function ownColours(keys: readonly string[], size: (key: string) => number, other = 'other'): string[] {
  const own = keys.filter((k) => k !== other);
  if (own.length <= DISTINCT.length) return own;
  const largest = new Set([...own].sort((a, b) => size(b) - size(a)).slice(0, DISTINCT.length));
  return own.filter((k) => largest.has(k));
}
