// The peer: Mosaic's vgplot on the same data, three linked bar charts (country, year, program);
// a click on a country bar filters the other two. Data folder from ?data=.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import * as vg from '@uwdata/vgplot';

const dataUrl = new URL(new URLSearchParams(location.search).get('data') ?? 'data/', location.href);
const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(ehWorker));
await db.instantiate(ehWasm);
const bytes = new Uint8Array(await (await fetch(new URL('exchanges.csv', dataUrl))).arrayBuffer());
await db.registerFileBuffer('exchanges.csv', bytes);
vg.coordinator().databaseConnector(vg.wasmConnector({ duckdb: db }));
const started = performance.now();
await vg.coordinator().exec([
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  `CREATE TABLE facts AS SELECT country, coalesce(program, '(none)') AS program, year(start_date)::INTEGER AS year,
     direction, headcount FROM read_csv('exchanges.csv', header = true)`,
]);
const loadMs = performance.now() - started;

const sel = vg.Selection.crossfilter();
const target = document.getElementById('charts')!;
target.append(
  vg.plot(
    vg.barX(vg.from('facts', { filterBy: sel }), {
      x: vg.sum('headcount'),
      y: 'country',
      fill: 'steelblue',
      sort: { y: '-x' },
    }),
    vg.toggleY({ as: sel }),
    vg.width(600),
    vg.height(600),
    vg.marginLeft(40),
  ),
  vg.plot(
    vg.barY(vg.from('facts', { filterBy: sel }), { x: 'year', y: vg.sum('headcount'), fill: 'steelblue' }),
    vg.width(600),
  ),
  vg.plot(
    vg.barX(vg.from('facts', { filterBy: sel }), { x: vg.sum('headcount'), y: 'program', fill: 'steelblue' }),
    vg.width(600),
    vg.marginLeft(160),
  ),
);
Object.assign(window, { mosaicLoadMs: loadMs });
