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
