/**
 * Stopping a console query through DbClient, against a scripted worker (the engine's side runs in
 * tests/unit/console-stop.test.ts and the browser in tests/browser/console-stop.test.ts): the stop
 * is posted at once, not queued; a worker that then stays silent is restarted with its data, and
 * the dashboard's queries waiting behind the stuck query are answered by the new one.
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { DbClient, DbError, STOP_GRACE_MS } from '../../src/data/client';
import type { Request, Response } from '../../src/data/protocol';

class FakeWorker extends EventTarget {
  posted: Request[] = [];
  terminated = false;
  postMessage(message: Request): void {
    this.posted.push(structuredClone(message));
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(message: Response): void {
    this.dispatchEvent(new MessageEvent('message', { data: message }));
  }
}

let workers: FakeWorker[];
let client: DbClient;
const last = () => workers[workers.length - 1]!;
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(async () => {
  vi.useFakeTimers();
  workers = [];
  vi.stubGlobal('navigator', {});
  client = new DbClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  const loading = client.load('https://site/data/');
  await flush();
  last().answer({ id: 1, type: 'loaded', result: { files: [], timings: { engine: 0, fetch: 0, ingest: 0 }, ms: 0 } });
  await loading;
});
afterEach(() => {
  client.terminate();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

test('a stop is posted at once; the worker’s answer ends the query as stopped, with no restart', async () => {
  const controller = new AbortController();
  const running = client.console('SELECT sum(i) FROM range(100000000000) t(i)', controller.signal);
  running.catch(() => {});
  await flush();
  const sent = last().posted.at(-1)!;
  expect(sent.type).toBe('console');
  controller.abort();
  expect(last().posted.at(-1)).toEqual({ id: sent.id + 1, type: 'cancel', target: sent.id });
  last().answer({ id: sent.id, type: 'error', error: { code: 'stopped', message: 'stopped' } });
  await expect(running).rejects.toMatchObject({ code: 'stopped' });
  await vi.advanceTimersByTimeAsync(STOP_GRACE_MS * 2);
  expect(workers).toHaveLength(1);
});

test('a worker silent after the stop is restarted with its data; the waiting query is answered by the new one', async () => {
  const controller = new AbortController();
  const running = client.console(
    'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT 1',
    controller.signal,
  );
  running.catch(() => {});
  const query = client.query({ sql: 'SELECT 1 AS kpi', params: [] });
  await flush();
  controller.abort();
  await vi.advanceTimersByTimeAsync(STOP_GRACE_MS - 10);
  expect(workers).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(20);
  await expect(running).rejects.toBeInstanceOf(DbError);
  await expect(running).rejects.toMatchObject({ code: 'stopped' });
  expect(workers).toHaveLength(2);
  expect(workers[0]!.terminated).toBe(true);
  // The new worker loads the data again, then gets the dashboard's query, not the console's.
  expect(last().posted.map((m) => m.type)).toEqual(['load', 'query']);
  last().answer({
    id: last().posted[0]!.id,
    type: 'loaded',
    result: { files: [], timings: { engine: 0, fetch: 0, ingest: 0 }, ms: 0 },
  });
  await flush();
  const resent = last().posted.at(-1)!;
  expect(resent).toMatchObject({ type: 'query', sql: 'SELECT 1 AS kpi' });
  last().answer({ id: resent.id, type: 'rows', rows: [{ kpi: 1 }], ms: 1 });
  expect(await query).toEqual([{ kpi: 1 }]);
});

test('a query the worker answers before the stop arrives keeps its rows', async () => {
  const controller = new AbortController();
  const running = client.console('SELECT 1 AS x', controller.signal);
  await flush();
  const sent = last().posted.at(-1)!;
  last().answer({ id: sent.id, type: 'console', result: { columns: ['x'], rows: [['1']], truncated: false, ms: 1 } });
  controller.abort();
  expect((await running).rows).toEqual([['1']]);
  expect(last().posted.some((m) => m.type === 'cancel')).toBe(false);
});
