/**
 * The disclosure audit's attacker (tests/unit/disclosure-audit.test.ts): a visitor who has every
 * public artefact writes each published figure as a linear form over unknown base cells, bounds it
 * by what the publication allows, and solves.
 *
 * Base cells are the finest groups any public view can tell apart: person-trips by year, direction,
 * country, partner, program, category, activity, duration band, funding, department and the map's
 * place; plus one cell
 * per event (its delegates). The attacker is granted more than a visitor has: which base cells are
 * not empty (the support of the data). Only the truth comparison reads the counts.
 *
 * A published value becomes an interval of true values: exact when the method publishes exact
 * counts (the old suppression, "<5" as 1 or more), [v − 2, v + 2] ∩ [0, ∞) when it rounds to 5
 * (0 as [0, 2]). The solver:
 *   1. interval (bound) propagation over every constraint to a fixpoint, on integers;
 *   2. the row space of the exact equations (Gaussian elimination): a form in it is determined,
 *      whatever the inequalities (this is "differencing" of any number of views);
 *   3. for forms neither pins, a search for two integer solutions that give the form different
 *      values (a witness that it is not determined); forms still undecided are reported.
 */
import { countryByIso2 } from '../../src/reference/countries';
import { csv, trips } from './expected';

export interface Cell {
  /**
   * The view family a cell belongs to in the visitor's model ('country', 'program', … see
   * `viewCells`); '' for a cell of the records model, which every view may count.
   */
  family: string;
  year: number;
  direction: string;
  country: string;
  region: string;
  continent: string;
  groups: readonly string[];
  partner: string;
  program: string;
  category: string;
  activity: string;
  band: string;
  /** The funding source ('' when the record does not say). */
  funding: string;
  /** The department ('' when the record does not say). */
  department: string;
  /** The map's place: `city@lon,lat` of a located partner in the trip's country, '' for the country's point. */
  place: string;
  /** An event's id (a cell of delegates), '' for trips. */
  event: string;
}

const bandOf = (days: number | null) =>
  days === null
    ? 'unknown'
    : days <= 7
      ? 'd1_7'
      : days <= 30
        ? 'd8_30'
        : days <= 90
          ? 'd31_90'
          : days <= 180
            ? 'd91_180'
            : 'd181_plus';

/**
 * The records model: base cells are the finest combinations of every attribute any view splits by,
 * and the attacker knows which of them are not empty. Stronger than any visitor: an insider who
 * knows who went where, under which program and for how long, but not how many.
 */
export function recordCells(): { cells: Cell[]; truth: number[] } {
  const partners = new Map(csv('partners.csv').map((p) => [p.id!, p]));
  const byKey = new Map<string, { cell: Cell; count: number }>();
  for (const t of trips) {
    const p = partners.get(t.partner);
    const located =
      p && p.country === t.country && p.latitude && p.longitude && Math.abs(Number(p.latitude)) <= 90
        ? `${p.city_en ?? ''}@${Number(p.longitude)},${Number(p.latitude)}`
        : '';
    const country = countryByIso2(t.country)!;
    const cell: Cell = {
      family: '',
      year: t.year,
      direction: t.direction,
      country: t.country,
      region: t.region,
      continent: country.continent,
      groups: country.groups,
      partner: t.partner,
      program: t.program,
      category: t.category,
      activity: t.activity,
      band: bandOf(t.days),
      funding: t.funding,
      department: t.department,
      place: located,
      event: '',
    };
    const key = JSON.stringify(cell);
    const seen = byKey.get(key) ?? { cell, count: 0 };
    seen.count += t.headcount;
    byKey.set(key, seen);
  }
  const cells = [...byKey.values()].map((d) => d.cell);
  const truth = [...byKey.values()].map((d) => d.count);
  for (const e of csv('events.csv')) {
    if (!e.delegates) continue;
    cells.push({
      family: 'event',
      year: Number(e.start_date!.slice(0, 4)),
      direction: '',
      country: '',
      region: '',
      continent: '',
      groups: [],
      partner: '',
      program: '',
      category: '',
      activity: '',
      band: '',
      funding: '',
      department: '',
      place: '',
      event: e.id!,
    });
    truth.push(Number(e.delegates));
  }
  return { cells, truth };
}

/** Each view family's cell attributes: what one public view can tell apart, under the filters (year, direction, scope). */
const FAMILIES: Record<string, (keyof Cell)[]> = {
  trend: ['year', 'direction', 'region'],
  country: ['year', 'direction', 'region', 'country', 'continent', 'groups'],
  place: ['year', 'direction', 'region', 'country', 'place'],
  program: ['year', 'direction', 'region', 'program'],
  partner: ['year', 'direction', 'region', 'country', 'partner'],
  category: ['year', 'direction', 'region', 'category'],
  activity: ['year', 'direction', 'region', 'activity'],
  band: ['year', 'direction', 'region', 'band'],
  funding: ['year', 'direction', 'region', 'funding'],
  department: ['year', 'direction', 'region', 'department'],
};

/**
 * The visitor's model: a base cell per view family at the finest grain a public view shows it
 * (a country in a year and direction; a program in a year, direction and scope; a map place …),
 * for every such combination in the data; the families are tied by the equations a visitor can
 * write from what the views mean (`linkFamilies`). A visitor cannot set one family against
 * another except through those: no public view crosses a program with a country.
 */
export function viewCells(): { cells: Cell[]; truth: number[] } {
  const records = recordCells();
  const byKey = new Map<string, number>();
  const cells: Cell[] = [];
  const truth: number[] = [];
  records.cells.forEach((c, i) => {
    if (c.family === 'event') {
      cells.push(c);
      truth.push(records.truth[i]!);
      return;
    }
    for (const [family, attrs] of Object.entries(FAMILIES)) {
      if (family === 'program' && !c.program) continue;
      if (family === 'partner' && !c.partner) continue;
      if (family === 'funding' && !c.funding) continue;
      if (family === 'department' && !c.department) continue;
      const cell: Cell = {
        family,
        year: 0,
        direction: '',
        country: '',
        region: '',
        continent: '',
        groups: [],
        partner: '',
        program: '',
        category: '',
        activity: '',
        band: '',
        funding: '',
        department: '',
        place: '',
        event: '',
      };
      for (const a of attrs) (cell as unknown as Record<string, unknown>)[a] = c[a];
      const key = JSON.stringify(cell);
      const at = byKey.get(key);
      if (at === undefined) {
        byKey.set(key, cells.length);
        cells.push(cell);
        truth.push(records.truth[i]!);
      } else truth[at]! += records.truth[i]!;
    }
  });
  return { cells, truth };
}

/**
 * What the views mean, as equations between families: every trip is in one country, one category,
 * one duration band, one activity and on one place of its country's map; a program or partner
 * is not always given (at most the trend, at most the country).
 */
export function linkFamilies(eq: Equations): void {
  const slices = new Map<string, Cell>();
  for (const c of eq.cells) if (c.family === 'trend') slices.set(`${c.year}|${c.direction}|${c.region}`, c);
  for (const t of slices.values()) {
    const slice = (c: Cell) => c.year === t.year && c.direction === t.direction && c.region === t.region;
    const trend = (c: Cell) => c.family === 'trend' && slice(c);
    for (const family of ['country', 'category', 'activity', 'band']) {
      eq.link(
        eq.form((c) => c.family === family && slice(c), trend),
        0,
        0,
      );
    }
    for (const family of ['program', 'funding', 'department']) {
      eq.link(
        eq.form((c) => c.family === family && slice(c), trend),
        -BIG,
        0,
      );
    }
  }
  for (const k of eq.cells.filter((c) => c.family === 'country')) {
    const same = (c: Cell) => c.year === k.year && c.direction === k.direction && c.country === k.country;
    const country = (c: Cell) => c.family === 'country' && same(c);
    eq.link(
      eq.form((c) => c.family === 'place' && same(c), country),
      0,
      0,
    );
    eq.link(
      eq.form((c) => c.family === 'partner' && same(c), country),
      -BIG,
      0,
    );
  }
}

/** A linear form: cell indices with coefficients ±1, in index order. */
export interface Form {
  index: number[];
  coef: number[];
}

export const BIG = 1e7;

export interface Constraint extends Form {
  lo: number;
  hi: number;
}

const formKey = (f: Form) => f.index.map((i, k) => (f.coef[k]! < 0 ? `-${i}` : `${i}`)).join(',');

/** The equations a visitor writes: each published figure as a form over the base cells with its interval. */
export class Equations {
  private readonly byKey = new Map<string, Constraint>();
  /** Forms whose published value was hidden ("<5"), and forms whose true value is 1–4: the audit's targets. */
  readonly hidden = new Map<string, Form>();
  observations = 0;
  /** Told of every figure a view shows (0 for one left out), to check it against the method. */
  published?: (form: Form, shown: number) => void;

  constructor(readonly cells: readonly Cell[]) {}

  /** The form of the cells a predicate selects (coefficient +1), minus those `minus` selects. */
  form(where: (c: Cell) => boolean, minus?: (c: Cell) => boolean): Form {
    const index: number[] = [];
    const coef: number[] = [];
    this.cells.forEach((c, i) => {
      if (where(c)) {
        index.push(i);
        coef.push(1);
      } else if (minus?.(c)) {
        index.push(i);
        coef.push(-1);
      }
    });
    return { index, coef };
  }

  /** A published figure: the form lies in [lo, hi]; `hidden` marks a value the publication withheld. */
  add(form: Form, lo: number, hi: number, hidden = false): void {
    this.observations++;
    const key = formKey(form);
    if (hidden) this.hidden.set(key, form);
    if (form.index.length === 0) return;
    const seen = this.byKey.get(key);
    if (seen) {
      seen.lo = Math.max(seen.lo, lo);
      seen.hi = Math.min(seen.hi, hi);
    } else {
      this.byKey.set(key, { ...form, lo, hi });
    }
  }

  /** An equation a visitor knows from what the views mean, not a published figure. */
  link(form: Form, lo: number, hi: number): void {
    if (form.index.length === 0) return;
    const key = formKey(form);
    const seen = this.byKey.get(key);
    if (seen) {
      seen.lo = Math.max(seen.lo, lo);
      seen.hi = Math.min(seen.hi, hi);
    } else this.byKey.set(key, { ...form, lo, hi });
    this.links.add(key);
  }

  private readonly links = new Set<string>();

  get constraints(): Constraint[] {
    return [...this.byKey.values()];
  }

  /** Every distinct form published (or withheld), with single cells, for the targets. */
  forms(): Form[] {
    const out = new Map<string, Form>();
    for (const [k, c] of this.byKey) if (!this.links.has(k)) out.set(k, { index: c.index, coef: c.coef });
    for (const [k, f] of this.hidden) out.set(k, f);
    this.cells.forEach((_, i) => out.set(`${i}`, { index: [i], coef: [1] }));
    return [...out.values()];
  }
}

export const value = (f: Form, x: readonly number[]) => f.index.reduce((s, i, k) => s + f.coef[k]! * x[i]!, 0);

/** The constraints the truth breaks: none, when the equations describe the artefacts right. */
export function violations(cs: readonly Constraint[], truth: readonly number[]): Constraint[] {
  return cs.filter((c) => {
    const v = value(c, truth);
    return v < c.lo || v > c.hi;
  });
}

/** Integer bound propagation over the constraints, to a fixpoint: each cell's [lo, hi]. */
export function propagate(cs: readonly Constraint[], n: number): { lo: number[]; hi: number[] } {
  const lo = new Array<number>(n).fill(0);
  const hi = new Array<number>(n).fill(BIG);
  const of = Array.from({ length: n }, () => [] as number[]);
  cs.forEach((c, k) => c.index.forEach((i) => of[i]!.push(k)));
  const queued = new Uint8Array(cs.length).fill(1);
  const queue = cs.map((_, k) => k);
  while (queue.length) {
    const k = queue.pop()!;
    queued[k] = 0;
    const c = cs[k]!;
    let min = 0;
    let max = 0;
    c.index.forEach((i, j) => {
      const a = c.coef[j]!;
      min += a > 0 ? a * lo[i]! : a * hi[i]!;
      max += a > 0 ? a * hi[i]! : a * lo[i]!;
    });
    c.index.forEach((i, j) => {
      const a = c.coef[j]!;
      const tmin = a > 0 ? a * lo[i]! : a * hi[i]!;
      const tmax = a > 0 ? a * hi[i]! : a * lo[i]!;
      // The term a·x lies in [L − (max − tmax), U − (min − tmin)].
      const low = c.lo - (max - tmax);
      const high = c.hi - (min - tmin);
      let newLo = lo[i]!;
      let newHi = hi[i]!;
      if (a > 0) {
        newLo = Math.max(newLo, Math.ceil(low / a - 1e-9));
        newHi = Math.min(newHi, Math.floor(high / a + 1e-9));
      } else {
        newLo = Math.max(newLo, Math.ceil(high / a - 1e-9));
        newHi = Math.min(newHi, Math.floor(low / a + 1e-9));
      }
      if (newLo > newHi) throw new Error(`infeasible at cell ${i}`);
      if (newLo !== lo[i] || newHi !== hi[i]) {
        lo[i] = newLo;
        hi[i] = newHi;
        for (const other of of[i]!) {
          if (!queued[other]) {
            queued[other] = 1;
            queue.push(other);
          }
        }
      }
    });
  }
  return { lo, hi };
}

/**
 * The row space of the exact equations (lo = hi), cells pinned by propagation taken as known:
 * a form in it is determined by the published values alone; `determined` gives its value then.
 */
export function equalityBasis(cs: readonly Constraint[], n: number, bounds: { lo: number[]; hi: number[] }) {
  const rows: { pivot: number; a: Float64Array; b: number }[] = [];
  const reduce = (a: Float64Array, b: number) => {
    for (const row of rows) {
      const f = a[row.pivot]!;
      if (Math.abs(f) < 1e-9) continue;
      for (let j = 0; j < n; j++) if (row.a[j] !== 0) a[j]! -= f * row.a[j]!;
      b -= f * row.b;
    }
    return b;
  };
  const pinned = (i: number) => bounds.lo[i] === bounds.hi[i];
  const vector = (f: Form) => {
    const a = new Float64Array(n);
    let known = 0;
    f.index.forEach((i, k) => {
      if (pinned(i)) known += f.coef[k]! * bounds.lo[i]!;
      else a[i] = f.coef[k]!;
    });
    return { a, known };
  };
  for (const c of cs) {
    if (c.lo !== c.hi) continue;
    const { a, known } = vector(c);
    const b = reduce(a, c.lo - known);
    let pivot = -1;
    let best = 1e-9;
    for (let j = 0; j < n; j++) {
      if (Math.abs(a[j]!) > best) {
        best = Math.abs(a[j]!);
        pivot = j;
      }
    }
    if (pivot < 0) continue;
    const p = a[pivot]!;
    for (let j = 0; j < n; j++) a[j] = a[j]! / p;
    rows.push({ pivot, a, b: b / p });
    if (rows.length === n) break;
  }
  return {
    rank: rows.length,
    /** The form's value when the exact equations determine it; null otherwise. */
    determined(f: Form): number | null {
      const { a, known } = vector(f);
      // Reducing the form against the rows leaves 0 when it is a combination of them.
      const b = reduce(a, 0);
      for (let j = 0; j < n; j++) if (Math.abs(a[j]!) > 1e-7) return null;
      return known - b;
    },
  };
}

/**
 * Integer solutions other than the truth, found by moving one or two cells by 1 and keeping every
 * constraint: each one that changes a form's value shows the form is not determined.
 */
export class Witnesses {
  private readonly of: number[][];
  private readonly sums: number[];

  constructor(
    private readonly cs: readonly Constraint[],
    private readonly truth: readonly number[],
  ) {
    this.of = Array.from({ length: truth.length }, () => []);
    this.sums = cs.map((c) => value(c, truth));
    cs.forEach((c, k) => c.index.forEach((i, j) => this.of[i]!.push(k * 2 + (c.coef[j]! > 0 ? 0 : 1))));
  }

  /** Whether moving cells by these amounts keeps every constraint (and every cell ≥ 0). */
  feasible(moves: readonly (readonly [number, number])[]): boolean {
    const delta = new Map<number, number>();
    for (const [i, d] of moves) {
      if (this.truth[i]! + d < 0) return false;
      for (const e of this.of[i]!) {
        const k = e >> 1;
        delta.set(k, (delta.get(k) ?? 0) + (e & 1 ? -d : d));
      }
    }
    for (const [k, d] of delta) {
      const c = this.cs[k]!;
      const v = this.sums[k]! + d;
      if (v < c.lo || v > c.hi) return false;
    }
    return true;
  }

  /** The cells that can move by +1 or −1 on their own. */
  movable(): Set<number> {
    const out = new Set<number>();
    this.truth.forEach((_, i) => {
      if (this.feasible([[i, 1]]) || this.feasible([[i, -1]])) out.add(i);
    });
    return out;
  }

  /** A move of two cells (one up, one down) that changes the form's value, if there is one. */
  pairFor(f: Form): boolean {
    const inForm = new Map(f.index.map((i, k) => [i, f.coef[k]!]));
    for (const [i] of inForm) {
      for (let j = 0; j < this.truth.length; j++) {
        if (j === i || inForm.get(j) === inForm.get(i)) continue;
        for (const d of [1, -1]) {
          if (
            this.feasible([
              [i, d],
              [j, -d],
            ])
          )
            return true;
        }
      }
    }
    return false;
  }
}

export interface AuditResult {
  cells: number;
  observations: number;
  constraints: number;
  targets: number;
  /** Targets whose true value is 1–4 that the solver pins to one integer, with what it finds. */
  recovered: { form: Form; found: number; truth: number }[];
  mismatches: number;
  /** Targets neither pinned nor shown undetermined by a witness. */
  undecided: number;
}

/**
 * Runs the solver over the equations and counts the exact recoveries of true values 1–4: of every
 * form, or of the withheld ones only (`onlyHidden`). `decide` searches witnesses for the forms not
 * pinned (costly); without it they count as undecided.
 */
export function audit(
  eq: Equations,
  truth: readonly number[],
  { onlyHidden = false, decide = true } = {},
): AuditResult {
  const cs = eq.constraints;
  const bounds = propagate(cs, truth.length);
  const basis = equalityBasis(cs, truth.length, bounds);
  const witnesses = new Witnesses(cs, truth);
  const movable = decide ? witnesses.movable() : new Set<number>();
  const targets = (onlyHidden ? [...eq.hidden.values()] : eq.forms()).filter((f) => {
    const v = value(f, truth);
    return f.index.length > 0 && v >= 1 && v <= 4;
  });
  const recovered: AuditResult['recovered'] = [];
  let undecided = 0;
  for (const f of targets) {
    const t = value(f, truth);
    let lo = 0;
    let hi = 0;
    f.index.forEach((i, k) => {
      const a = f.coef[k]!;
      lo += a > 0 ? a * bounds.lo[i]! : a * bounds.hi[i]!;
      hi += a > 0 ? a * bounds.hi[i]! : a * bounds.lo[i]!;
    });
    if (lo === hi) {
      recovered.push({ form: f, found: lo, truth: t });
      continue;
    }
    const found = basis.determined(f);
    if (found !== null) {
      recovered.push({ form: f, found: Math.round(found), truth: t });
      continue;
    }
    if (f.index.some((i) => movable.has(i))) continue;
    if (!decide || !witnesses.pairFor(f)) undecided++;
  }
  return {
    cells: truth.length,
    observations: eq.observations,
    constraints: cs.length,
    targets: targets.length,
    recovered,
    mismatches: recovered.filter((r) => r.found !== r.truth).length,
    undecided,
  };
}
