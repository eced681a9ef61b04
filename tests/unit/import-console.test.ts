/**
 * The data page's SQL console on the real engine, locked down as the worker locks it: it reads
 * the tables, and cannot write, attach, install, load, copy, change settings, or read files or URLs.
 */
import { csvParse } from 'd3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { catalog, CONSOLE_LIMIT, consoleSql, lockDown, runConsole } from '../../src/data/console';
import { ingest } from '../../src/data/ingest';
import { importFiles } from '../../src/data/import-run';
import { bundledTexts, openNodeEngine, readDataFile } from '../helpers/node-engine';

/** Rows of the bundled exchanges.csv, counted from the file itself. */
const SAMPLE_ROWS = csvParse(readDataFile('exchanges.csv')).length;

type Engine = Awaited<ReturnType<typeof openNodeEngine>>;
let engine: Engine;

beforeAll(async () => {
  engine = await openNodeEngine();
  await lockDown(engine);
  await ingest(engine, bundledTexts());
});
afterAll(() => engine?.close());

describe('the read-only console', () => {
  test('answers queries, every value as text', async () => {
    const result = await runConsole(engine, 'SELECT count(*) AS n, sum(headcount) AS trips, 1.5 AS d FROM facts;');
    expect(result.columns).toEqual(['n', 'trips', 'd']);
    expect(result.rows[0]![0]).toBe(String(SAMPLE_ROWS));
    expect(result.rows[0]![2]).toBe('1.5');
    expect((await runConsole(engine, 'DESCRIBE facts')).rows.length).toBeGreaterThan(10);
    expect((await runConsole(engine, 'SELECT 1 AS x -- a comment')).rows).toEqual([['1']]);
  });

  test(`shows at most ${CONSOLE_LIMIT} rows`, async () => {
    const result = await runConsole(engine, 'SELECT * FROM range(5000)');
    expect(result.rows.length).toBe(CONSOLE_LIMIT);
    expect(result.truncated).toBe(true);
  });

  test.each([
    'DROP TABLE facts',
    'DELETE FROM exchanges',
    'INSERT INTO exchanges SELECT * FROM exchanges',
    'UPDATE exchanges SET headcount = 0',
    'CREATE TABLE x AS SELECT 1',
    "ATTACH ':memory:' AS other",
    "ATTACH 'file.db'",
    'INSTALL httpfs',
    'LOAD httpfs',
    "COPY facts TO 'out.csv'",
    'SET enable_external_access = true',
    'SELECT 1) AS q; COMMIT; DROP TABLE facts; SELECT * FROM (SELECT 1',
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/hostname')",
    "SELECT * FROM 'https://example.com/data.csv'",
    "SELECT * FROM glob('*')",
    "SELECT * FROM query('DROP TABLE facts')",
    'CALL checkpoint()',
    '',
  ])('refuses %j', async (sql) => {
    await expect(runConsole(engine, sql)).rejects.toThrow();
    const [row] = await engine.query('SELECT count(*)::INTEGER AS n FROM facts');
    expect(row!.n).toBe(SAMPLE_ROWS);
  });

  test('the lock also holds for the engine itself: no file outside the app’s own', async () => {
    await expect(engine.exec("CREATE TABLE leak AS SELECT * FROM read_csv('/etc/passwd')")).rejects.toThrow(/disabled/);
    await expect(engine.exec('SET lock_configuration = false')).rejects.toThrow();
  });

  test('imports still work under the lock', async () => {
    const bytes = new TextEncoder().encode(
      '编号,方向,人员类别,人数,活动类型,国家和地区,开始日期\nL-1,出访,教师,2,培训,韩国,2018-01-02\n',
    );
    const outcome = await importFiles(engine, [{ name: 'x.csv', bytes }], {
      mode: 'replace',
      replacesSample: true,
      thisYear: 2026,
    });
    expect(outcome.files[0]!.loaded).toBe(1);
    const tables = await catalog(engine);
    expect(tables.find((t) => t.table === 'exchanges')?.rows).toBe(1);
    expect(tables.some((t) => t.table.startsWith('imp_') || t.table.startsWith('raw_'))).toBe(false);
    await ingest(engine, bundledTexts());
  });

  test('wraps the statement so only a query fits', () => {
    expect(consoleSql('SELECT 1;  ')).toContain('\nSELECT 1\n');
    expect(() => consoleSql('  ;')).toThrow();
  });
});
