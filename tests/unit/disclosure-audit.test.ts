import { expect, test } from 'vitest';
import { enumKey } from '../../src/charts/categories';
import { countryFlows } from '../../src/charts/choropleth';
import { CHARTS } from '../../src/charts/registry';
import { trendTable } from '../../src/charts/trend-by-year';
import { trendStackedTable } from '../../src/charts/trend-stacked';
import type { Filters } from '../../src/data/filters';
import {
  flowsQuery,
  partnersRankedQuery,
  programsRankedQuery,
  topCountriesQuery,
  trendByYearQuery,
  trendStackQuery,
  type TrendStackRow,
} from '../../src/data/queries';
import type { BuiltQuery } from '../../src/data/sql';
import { ACTIVITY_TYPES, DIRECTIONS, PARTICIPANT_CATEGORIES, type Direction } from '../../src/data/schema';
import { publicQueryOf } from '../../src/disclosure/public-cells';
import type { Aggregates } from '../../src/embed/aggregates';
import { mapTableCsv } from '../../src/export/map-table';
import { exportView, tableCsv } from '../../src/export/view';
import { cachedAggregateFiles } from '../../scripts/build-aggregates';
import { useBundledEngine } from '../helpers/bundled-engine';
import { DATA_DIR } from '../helpers/node-engine';
import { publicGrid, publishOracle } from '../helpers/published';
import {
  audit,
  Equations,
  linkFamilies,
  recordCells,
  viewCells,
  violations,
  type AuditResult,
  type Cell,
} from '../helpers/disclosure-audit';
import {
  CSV_CONTEXT,
  observeChart,
  observeMapTable,
  observeStack,
  rowsFromCsv,
  CELLS_ROUNDED,
  FIGURES_ROUNDED,
  stackRowsFromCsv,
  SUPPRESSED,
  type Method,
} from '../helpers/audit-artefacts';
import {
  publicCountrySums,
  publicFlows,
  publicNetFlow,
  publicSeries,
  publicSplit,
} from '../helpers/independent-rounding';
import { legacyCountrySums, legacyCounts, legacyNetFlow, legacyParts } from '../helpers/legacy-suppression';

// The audit (docs/disclosure.md): from only what a public visitor can get — every embed file the real
// build writes and the public CSV exports of every chart and the map's table over a grid of filter
// states — write every figure as an equation over unknown base cells and solve. Under rounding no
// count of 1–4 may come back exactly; under the old suppression (tests/helpers/legacy-suppression.ts)
// many do.

type Row = Record<string, unknown>;
const db = useBundledEngine();
const memo = new Map<string, Promise<Row[]>>();
const run = (q: BuiltQuery): Promise<Row[]> => {
  const key = JSON.stringify(q);
  if (!memo.has(key)) memo.set(key, db().query(q.sql, q.params) as Promise<Row[]>);
  return memo.get(key)!;
};

const GRID = publicGrid();
const first = Math.min(...GRID.map((f) => f.yearFrom));
const last = Math.max(...GRID.map((f) => f.yearTo));

const TREND_STATES = GRID.filter((g) => g.yearFrom === first && g.yearTo === last);
const SPLITS = [
  ['activity_type', ACTIVITY_TYPES],
  ['participant_category', PARTICIPANT_CATEGORIES],
] as const;
const asTrend = (rows: readonly TrendStackRow[]) =>
  rows.map((d) => ({
    year: d.year,
    direction: d.key as Direction,
    headcount: d.headcount,
    provisional: d.provisional,
  }));

/** One artefact as a visitor reads it, written into a model's equations. */
type Artefact = (eq: Equations) => void;

/** What the public gets: every embed file the build writes, and the export menu's CSV files. */
async function publishedArtefacts(): Promise<{ artefacts: Artefact[]; files: number; exports: number }> {
  const artefacts: Artefact[] = [];
  const m: Method = CELLS_ROUNDED;
  let files = 0;
  for (const [, text] of await cachedAggregateFiles(DATA_DIR)) {
    const aggregates = JSON.parse(text) as Aggregates;
    expect(aggregates.rounding).toBe(5);
    for (const [id, states] of Object.entries(aggregates.charts)) {
      files++;
      for (const [key, rows] of Object.entries(states)) {
        const [from, to, direction, region] = key.split('-') as [
          string,
          string,
          Filters['direction'],
          Filters['region'],
        ];
        const f = { ...GRID[0]!, yearFrom: Number(from), yearTo: Number(to), direction, region };
        artefacts.push((eq) => observeChart(eq, id, f, rows as Row[], m));
      }
    }
  }
  let exports = 0;
  for (const f of GRID) {
    for (const def of CHARTS) {
      if (def.id === 'agreements') continue;
      const shown = await run(def.query(f));
      const published = await run(publicQueryOf(def.query(f)));
      const view = exportView(def as never, shown, CSV_CONTEXT, true, published)!;
      const text = tableCsv(def.table(view.rows as never, view.ctx));
      exports++;
      if (def.id === 'events') artefacts.push((eq) => observeChart(eq, 'events', f, view.rows as Row[], m));
      else artefacts.push((eq) => observeChart(eq, def.id, f, rowsFromCsv(def.id, text, eq.cells), m));
    }
    const text = mapTableCsv(countryFlows((await run(publicQueryOf(flowsQuery(f)))) as never), CSV_CONTEXT);
    artefacts.push((eq) => observeMapTable(eq, f, rowsFromCsv('maptable', text, eq.cells), m));
    exports++;
  }
  // The trend card shows every year: its exports vary by direction and scope only.
  for (const f of TREND_STATES) {
    const rows = (await run(publicQueryOf(trendStackQuery(f, 'direction')))) as unknown as TrendStackRow[];
    const view = exportView({}, null, CSV_CONTEXT, true, rows)!;
    const text = tableCsv(trendTable(asTrend(view.rows), view.ctx));
    artefacts.push((eq) => observeChart(eq, 'trend', f, rowsFromCsv('trend', text, eq.cells), m));
    for (const [split, parts] of SPLITS) {
      const stack = (await run(publicQueryOf(trendStackQuery(f, split)))) as unknown as TrendStackRow[];
      const v = exportView({}, null, CSV_CONTEXT, true, stack)!;
      const csvRows = stackRowsFromCsv(tableCsv(trendStackedTable(v.rows, split, v.ctx)), split, parts);
      artefacts.push((eq) => observeStack(eq, f, split, parts, csvRows, m));
    }
    exports += 3;
  }
  return { artefacts, files, exports };
}

/**
 * What the public would get if each figure were rounded on its own (the rule first agreed,
 * tests/helpers/independent-rounding.ts), over the same grid: top N ranked by rounded totals.
 */
async function figuresRoundedArtefacts(): Promise<Artefact[]> {
  const artefacts: Artefact[] = [];
  const m: Method = FIGURES_ROUNDED;
  const every = 1_000_000;
  const split = (rows: Row[], group: (d: Row) => string, limit?: number) =>
    publicSplit(rows as never, {
      group: group as never,
      part: 'direction' as never,
      parts: DIRECTIONS,
      ...(limit ? { rank: true, limit } : {}),
    }) as unknown as Row[];
  for (const f of GRID) {
    for (const def of CHARTS) {
      if (def.id === 'agreements' || def.id === 'events') continue;
      const rows =
        def.id === 'countries'
          ? split(await run(topCountriesQuery({ ...f, country: null }, every)), (d) => String(d.country), 15)
          : def.id === 'programs'
            ? split(await run(programsRankedQuery(f, every)), (d) => String(d.id), 12)
            : def.id === 'partners'
              ? split(await run(partnersRankedQuery(f, every)), (d) => String(d.id), 12)
              : def.id === 'netflow'
                ? (publicNetFlow((await run(def.query(f))) as never) as unknown as Row[])
                : split(await run(def.query(f)), (d) => enumKey(d as never));
      artefacts.push((eq) => observeChart(eq, def.id, f, rows, m));
    }
    const trend = publicSeries((await run(trendByYearQuery(f))) as never) as unknown as Row[];
    const flows = await run(flowsQuery(f));
    artefacts.push((eq) => observeChart(eq, 'trend', f, trend, m));
    artefacts.push((eq) => observeChart(eq, 'map', f, publicFlows(flows as never) as unknown as Row[], m));
    const table = publicCountrySums(countryFlows(flows as never)) as unknown as Row[];
    artefacts.push((eq) => observeMapTable(eq, f, table, m));
  }
  return artefacts;
}

/** What the public got under the old suppression over the same grid: each chart's rows (top N cut by true totals). */
async function suppressedArtefacts(): Promise<Artefact[]> {
  const artefacts: Artefact[] = [];
  const m: Method = SUPPRESSED;
  for (const f of GRID) {
    for (const def of CHARTS) {
      if (def.id === 'agreements') continue;
      const raw = await run(def.query(f));
      const rows =
        def.id === 'netflow'
          ? legacyNetFlow(raw)
          : def.id === 'events'
            ? raw
            : def.id === 'countries'
              ? legacyParts(raw, (d) => String(d.country))
              : def.id === 'programs' || def.id === 'partners'
                ? legacyParts(raw, (d) => String(d.id))
                : legacyParts(raw, (d) => enumKey(d as never));
      artefacts.push((eq) => observeChart(eq, def.id, f, rows, m));
    }
    const trend = legacyCounts(await run(trendByYearQuery(f)));
    const flows = await run(flowsQuery(f));
    artefacts.push((eq) => observeChart(eq, 'trend', f, trend, m));
    artefacts.push((eq) => observeChart(eq, 'map', f, legacyCounts(flows), m));
    artefacts.push((eq) => observeMapTable(eq, f, legacyCountrySums(countryFlows(flows as never) as never), m));
  }
  for (const f of TREND_STATES) {
    for (const [split, parts] of SPLITS) {
      const stack = legacyParts(await run(trendStackQuery(f, split)), (d) => String(d.year));
      artefacts.push((eq) => observeStack(eq, f, split, parts, stack, m));
    }
  }
  return artefacts;
}

/** The artefacts written as equations over a model's cells; the truth must satisfy every one. */
function equations(model: { cells: Cell[]; truth: number[] }, artefacts: readonly Artefact[], linked: boolean) {
  const eq = new Equations(model.cells);
  if (linked) linkFamilies(eq);
  for (const a of artefacts) a(eq);
  expect(violations(eq.constraints, model.truth)).toEqual([]);
  return eq;
}

function report(name: string, r: AuditResult) {
  console.log(
    `${name}: ${r.cells} base cells, ${r.observations} published figures → ${r.constraints} distinct equations; ` +
      `${r.targets} forms with a true count of 1–4; recovered exactly: ${r.recovered.length} ` +
      `(${r.mismatches} differ from the CSV); undecided: ${r.undecided}`,
  );
}

test('rounding of base cells: no count of 1–4 comes back from the embeds and public exports; the old suppression and rounding each figure gave many back', async () => {
  const started = Date.now();
  const records = recordCells();
  const { artefacts, files, exports } = await publishedArtefacts();
  const lap = (what: string) => console.log(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  lap('artefacts');
  expect(files).toBeGreaterThanOrEqual(12);

  // Every figure of every artefact is the sum of its base cells' rounded counts, computed from the CSV.
  const eq = new Equations(records.cells);
  const wrong: string[] = [];
  eq.published = (form, shown) => {
    const expected = form.index.reduce((s, i, k) => s + form.coef[k]! * publishOracle(records.truth[i]!), 0);
    if (expected !== shown) wrong.push(`${shown} ≠ ${expected}`);
  };
  for (const a of artefacts) a(eq);
  expect(wrong.slice(0, 5), `${wrong.length} figures`).toEqual([]);
  expect(violations(eq.constraints, records.truth)).toEqual([]);
  const now = audit(eq, records.truth);
  report(
    `rounding of base cells, ${files} embed files and ${exports} public exports (an insider who knows which cells exist)`,
    now,
  );
  // A visitor who has worked out every base cell's published count, the most the artefacts can tell.
  const most = new Equations(records.cells);
  records.truth.forEach((x, i) => {
    const p = publishOracle(x);
    most.add({ index: [i], coef: [1] }, p === 0 ? 0 : p - 2, p === 0 ? 2 : p + 2);
  });
  const omniscient = audit(most, records.truth);
  report('rounding of base cells, every cell’s published count known', omniscient);

  lap('rounding audited');
  const views = viewCells();
  const old = audit(equations(views, await suppressedArtefacts(), true), views.truth, {
    onlyHidden: true,
    decide: false,
  });
  report('old suppression, its withheld ("<5") figures', old);
  lap('old suppression audited');
  const figures = audit(equations(views, await figuresRoundedArtefacts(), true), views.truth, { decide: false });
  report('rounding each figure on its own', figures);

  expect(now.recovered.map((r) => r.truth)).toEqual([]);
  expect(now.undecided).toBe(0);
  expect(omniscient.recovered).toEqual([]);
  expect(omniscient.undecided).toBe(0);
  expect(old.recovered.length).toBeGreaterThan(50);
  expect(old.mismatches).toBe(0);
  expect(figures.recovered.length).toBeGreaterThan(0);
  expect(figures.mismatches).toBe(0);
  console.log(`audit took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 300_000);
