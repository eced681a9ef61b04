import { describe, expect, it } from 'vitest';
import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  parse,
  wcagContrast,
  type Color,
} from 'culori';
import { CATEGORICAL } from '../../src/charts/palette';
import { DIRECTION_COLORS } from '../../src/charts/context';
import { HMT_COLORS, LAND_ACTIVE } from '../../src/charts/flow-map';
import { LAND } from '../../src/charts/choropleth';

// Colour vision simulated after Machado, Oliveira and Fernandes (2009), at full severity.
const VISIONS: Record<string, (c: Color) => Color> = {
  normal: (c) => c,
  protan: filterDeficiencyProt(1),
  deutan: filterDeficiencyDeuter(1),
  tritan: filterDeficiencyTrit(1),
};
const difference = differenceCiede2000();
function color(hex: string): Color {
  const parsed = parse(hex);
  if (!parsed) throw new Error(`not a colour: ${hex}`);
  return parsed;
}
/** The smallest CIEDE2000 difference of two colours over the four visions. */
const apart = (a: string, b: string) =>
  Math.min(...Object.values(VISIONS).map((see) => difference(see(color(a)), see(color(b)))));
const WHITE = '#ffffff';

describe('chart colours', () => {
  it('every mark colour has 3:1 contrast with the chart background (WCAG 1.4.11)', () => {
    const low = [...CATEGORICAL, ...Object.values(DIRECTION_COLORS)].filter((c) => wcagContrast(c, WHITE) < 3);
    expect(low).toEqual([]);
  });

  it('outbound and inbound stay far apart in every colour vision', () => {
    expect(apart(DIRECTION_COLORS.outbound, DIRECTION_COLORS.inbound)).toBeGreaterThan(40);
  });

  it('neighbouring categorical colours (stacked parts) stay apart in every colour vision', () => {
    const close = CATEGORICAL.slice(1)
      .map((c, i) => [CATEGORICAL[i]!, c, Math.round(apart(CATEGORICAL[i]!, c))] as const)
      .filter(([, , d]) => d < 10);
    expect(close).toEqual([]);
    // The first six (agreement types; event kinds take four) stay apart pairwise.
    const six = CATEGORICAL.slice(0, 6);
    for (const [i, a] of six.entries())
      for (const b of six.slice(i + 1)) expect(apart(a, b), `${a} ${b}`).toBeGreaterThan(6);
  });

  it('the map’s four flow colours stand out on land and stay apart from each other', () => {
    const arcs = [...Object.values(DIRECTION_COLORS), ...Object.values(HMT_COLORS)];
    for (const c of arcs) {
      expect(wcagContrast(c, LAND), c).toBeGreaterThanOrEqual(3);
      expect(wcagContrast(c, LAND_ACTIVE), c).toBeGreaterThanOrEqual(3);
    }
    for (const [i, a] of arcs.entries())
      for (const b of arcs.slice(i + 1)) expect(apart(a, b), `${a} ${b}`).toBeGreaterThan(15);
  });

  it('the old inbound orange would fail: the check can fail', () => {
    expect(wcagContrast('#e08a00', WHITE)).toBeLessThan(3);
    expect(apart('#1f6fb2', '#c27bd0')).toBeLessThan(15);
  });
});
