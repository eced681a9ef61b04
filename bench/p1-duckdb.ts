// Baseline for P1: instantiate DuckDB-WASM (eh, its own worker), run SELECT 1, draw one Plot chart.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { drawInlineChart } from './inline-chart';

const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(ehWorker));
await db.instantiate(ehWasm);
const conn = await db.connect();
await conn.query('SET autoinstall_known_extensions = false');
await conn.query('SET autoload_known_extensions = false');
await conn.query('SELECT 1');
drawInlineChart(document.getElementById('chart')!);
