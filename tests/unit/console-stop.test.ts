/**
 * A console query can be stopped, on the real engine locked down as the worker locks it: a query
 * that would run for hours (a huge range, an unbounded recursive CTE) ends soon after its signal
 * aborts, with QueryStopped, and the same connection answers at once afterwards, with its data.
 */
import { csvParse } from 'd3';
import { beforeAll, describe, expect, test } from 'vitest';
import { lockDown, runConsole } from '../../src/data/console';
import { QueryStopped } from '../../src/data/pending';
import { readDataFile } from '../helpers/node-engine';
import { useBundledEngine } from '../helpers/bundled-engine';

const engine = useBundledEngine();
/** Rows of the bundled exchanges.csv, counted from the file itself. */
const SAMPLE_ROWS = csvParse(readDataFile('exchanges.csv')).length;

beforeAll(async () => {
  await lockDown(engine());
});

const LONG = {
  'a sum over 10¹¹ rows': 'SELECT sum(i) FROM range(100000000000) t(i)',
  'an unbounded recursive CTE':
    'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r',
};

describe('a long query is stopped', () => {
  test.each(Object.entries(LONG))('%s: within a second of the signal, the data still there', async (_, sql) => {
    const controller = new AbortController();
    const started = performance.now();
    const running = runConsole(engine(), sql, controller.signal);
    setTimeout(() => controller.abort(), 500);
    await expect(running).rejects.toBeInstanceOf(QueryStopped);
    const stoppedAfter = performance.now() - started;
    expect(stoppedAfter).toBeGreaterThanOrEqual(500);
    expect(stoppedAfter).toBeLessThan(1500);
    // The same connection answers at once, out of the read-only transaction, with every row.
    const t0 = performance.now();
    const result = await runConsole(engine(), 'SELECT count(*) AS n FROM facts');
    expect(result.rows).toEqual([[String(SAMPLE_ROWS)]]);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(await engine().query("SELECT current_setting('enable_external_access') AS x")).toEqual([{ x: false }]);
  });

  test('a signal aborted before the query starts stops it before it runs', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runConsole(engine(), LONG['a sum over 10¹¹ rows'], controller.signal)).rejects.toBeInstanceOf(
      QueryStopped,
    );
  });

  test('a query left alone runs to its end and answers; one statement only, as before', async () => {
    const result = await runConsole(
      engine(),
      'SELECT sum(i)::VARCHAR AS s FROM range(1000000) t(i)',
      new AbortController().signal,
    );
    expect(result.rows).toEqual([[String((999_999 * 1_000_000) / 2)]]);
    // Closing the wrapper's bracket makes two statements of it: refused before either runs.
    await expect(runConsole(engine(), 'SELECT 1) AS a; SELECT * FROM (SELECT 2')).rejects.toThrow(
      /multiple statements/,
    );
  });
});
