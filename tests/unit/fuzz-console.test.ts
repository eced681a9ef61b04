/**
 * The data page's SQL console against every way out we know of, on the real engine locked down
 * as the worker locks it: reading files or URLs (every reader and scan, globbing, sniffing),
 * attaching, installing, loading, copying, exporting, writing, changing settings, secrets, escaping
 * the read-only transaction. Each is refused, and afterwards the data, the settings and the
 * catalog are as they were. The same list runs in the browser (hardening-console.test.ts).
 */
import { csvParse } from 'd3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lockDown, runConsole } from '../../src/data/console';
import { ingest } from '../../src/data/ingest';
import { bundledTexts, openNodeEngine, readDataFile } from '../helpers/node-engine';
import { CONSOLE_ATTEMPTS } from '../fixtures/hostile/console-attempts';

/** Rows of the bundled exchanges.csv, counted from the file itself. */
const SAMPLE_ROWS = csvParse(readDataFile('exchanges.csv')).length;

type Engine = Awaited<ReturnType<typeof openNodeEngine>>;
let engine: Engine;

async function snapshot(): Promise<unknown> {
  const facts = await engine.query('SELECT count(*)::INTEGER AS n, sum(headcount)::INTEGER AS trips FROM facts');
  const tables = await engine.query('SELECT database_name, schema_name, table_name FROM duckdb_tables() ORDER BY ALL');
  const settings = await engine.query(
    `SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration',
       'allowed_paths', 'allowed_directories', 'autoinstall_known_extensions', 'autoload_known_extensions') ORDER BY name`,
  );
  const databases = await engine.query('SELECT database_name FROM duckdb_databases() ORDER BY ALL');
  const secrets = await engine.query('SELECT count(*)::INTEGER AS n FROM duckdb_secrets()');
  return { facts, tables, settings, databases, secrets };
}

beforeAll(async () => {
  engine = await openNodeEngine();
  await ingest(engine, bundledTexts());
  await lockDown(engine);
});
afterAll(() => engine?.close());

describe(`the console refuses ${CONSOLE_ATTEMPTS.length} ways out`, () => {
  let before: unknown;
  beforeAll(async () => {
    before = await snapshot();
  });

  test.each(CONSOLE_ATTEMPTS)('%j', async (sql) => {
    await expect(runConsole(engine, sql)).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  test('while reading the tables still works', async () => {
    const result = await runConsole(engine, 'SELECT count(*) AS n FROM facts');
    expect(result.rows).toEqual([[String(SAMPLE_ROWS)]]);
  });
});
