// The peer drawing the dashboard's views in Mosaic's vgplot on the same data: the countries'
// bars (the click target) and, linked by one crossfilter selection, the totals by direction (the
// KPI tiles), the trend by year, the flows (person-trips per country, direction and partner, the
// map's arcs), programs and partners ranked, categories, net flow per country, duration bands,
// continents, country groups and the agreements' timeline; the events' timeline is not filtered
// by a country (as on the dashboard). Every bar is split by direction as the dashboard's are.
// Data folder from ?data=.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import * as vg from '@uwdata/vgplot';
import { COUNTRIES } from '../src/reference/countries';

const dataUrl = new URL(new URLSearchParams(location.search).get('data') ?? 'data/', location.href);
const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(ehWorker));
await db.instantiate(ehWasm);
for (const file of ['exchanges.csv', 'partners.csv', 'agreements.csv', 'events.csv']) {
  const bytes = new Uint8Array(await (await fetch(new URL(file, dataUrl))).arrayBuffer());
  await db.registerFileBuffer(file, bytes);
}
/** A date written as a day or a month (2018-01 → its first day). */
const day = (column: string) => `coalesce(try_cast(${column} AS DATE), try_cast(${column} || '-01' AS DATE))`;
const countries = COUNTRIES.map((c) => `('${c.iso2}', '${c.continent}', '${c.groups.join(';')}')`).join(',\n');
vg.coordinator().databaseConnector(vg.wasmConnector({ duckdb: db }));
const started = performance.now();
await vg.coordinator().exec([
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  `CREATE TABLE countries AS SELECT * FROM (VALUES ${countries}) AS c(iso2, continent, groups)`,
  `CREATE TABLE facts AS
   SELECT e.country, coalesce(e.program, '(none)') AS program, coalesce(e.partner, '(none)') AS partner,
     year(e.start_date)::INTEGER AS year, e.direction, e.participant_category AS category, e.headcount,
     CASE WHEN e.direction = 'inbound' THEN e.headcount ELSE -e.headcount END AS net,
     CASE WHEN e.end_date IS NULL THEN 'unknown'
          WHEN date_diff('day', e.start_date, e.end_date) < 7 THEN 'd1_7'
          WHEN date_diff('day', e.start_date, e.end_date) < 30 THEN 'd8_30'
          WHEN date_diff('day', e.start_date, e.end_date) < 90 THEN 'd31_90'
          WHEN date_diff('day', e.start_date, e.end_date) < 180 THEN 'd91_180'
          ELSE 'd181_plus' END AS band,
     coalesce(c.continent, 'asia') AS continent
   FROM read_csv('exchanges.csv', header = true) AS e LEFT JOIN countries AS c ON c.iso2 = e.country`,
  `CREATE TABLE group_facts AS
   SELECT g.key, f.country, f.year, f.direction, f.headcount
   FROM facts AS f JOIN countries AS c ON c.iso2 = f.country,
     unnest(string_split(c.groups, ';')) AS g(key) WHERE g.key <> ''`,
  `CREATE TABLE agreements AS
   SELECT a.id, a.partner, p.country, ${day('a.signed_date')} AS signed,
     coalesce(${day('a.end_date')}, DATE '2030-12-31') AS "end"
   FROM read_csv('agreements.csv', header = true, all_varchar = true) AS a
   JOIN (SELECT id, any_value(country) AS country FROM read_csv('partners.csv', header = true) GROUP BY id) AS p
     ON p.id = a.partner`,
  `CREATE TABLE events AS
   SELECT id, ${day('start_date')} AS start, coalesce(${day('end_date')}, ${day('start_date')}) AS "end"
   FROM read_csv('events.csv', header = true, all_varchar = true)`,
]);
const loadMs = performance.now() - started;

const sel = vg.Selection.crossfilter();
const facts = () => vg.from('facts', { filterBy: sel });
const bars = (y: string, left = 120, x = 'headcount') =>
  vg.plot(
    vg.barX(facts(), { x: vg.sum(x), y, fill: 'direction', sort: { y: '-x', limit: 15 } }),
    vg.width(600),
    vg.marginLeft(left),
  );
const target = document.getElementById('charts')!;
target.append(
  vg.plot(
    vg.barX(facts(), { x: vg.sum('headcount'), y: 'country', fill: 'direction', sort: { y: '-x', limit: 15 } }),
    vg.toggleY({ as: sel }),
    vg.width(600),
    vg.height(420),
    vg.marginLeft(40),
  ),
  vg.plot(vg.barX(facts(), { x: vg.sum('headcount'), y: 'direction', fill: 'direction' }), vg.width(600)),
  vg.plot(vg.barY(facts(), { x: 'year', y: vg.sum('headcount'), fill: 'direction' }), vg.width(900)),
  vg.plot(
    vg.dot(facts(), { x: 'country', y: 'partner', r: vg.sum('headcount'), fill: 'direction' }),
    vg.width(900),
    vg.marginLeft(120),
  ),
  bars('program', 160),
  bars('partner', 160),
  bars('category'),
  vg.plot(vg.barX(facts(), { x: vg.sum('net'), y: 'country', sort: { y: '-x' } }), vg.width(600), vg.marginLeft(40)),
  bars('band'),
  bars('continent'),
  vg.plot(
    vg.barX(vg.from('group_facts', { filterBy: sel }), { x: vg.sum('headcount'), y: 'key', fill: 'direction' }),
    vg.width(600),
  ),
  vg.plot(
    vg.barX(vg.from('agreements', { filterBy: sel }), { x1: 'signed', x2: 'end', y: 'partner' }),
    vg.width(900),
    vg.marginLeft(120),
  ),
  vg.plot(vg.barX(vg.from('events'), { x1: 'start', x2: 'end', y: 'id' }), vg.width(900), vg.marginLeft(120)),
);
Object.assign(window, { mosaicLoadMs: loadMs });
