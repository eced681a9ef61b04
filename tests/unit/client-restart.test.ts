/**
 * DbClient's restart, against a scripted worker: after an error event, a fatal engine error or the
 * worker's life lock being let go, a new worker gets the data again (the last load, then the
 * imports that changed the tables, with their bytes) before the work still waiting; work that may
 * have caused the crash (an import, a typed query) fails instead; a crash loop gives up.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DbClient, DbError, type EngineEvent } from '../../src/data/client';
import type { Request, Response } from '../../src/data/protocol';

class FakeWorker extends EventTarget {
  posted: Request[] = [];
  terminated = false;
  constructor(readonly name: string) {
    super();
  }
  postMessage(message: Request): void {
    // Bytes are copied as a transfer would move them.
    this.posted.push(structuredClone(message));
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(message: Response): void {
    this.dispatchEvent(new MessageEvent('message', { data: message }));
  }
  fail(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
}

let workers: FakeWorker[];
let events: EngineEvent[];
let client: DbClient;
/** Web Locks granted on request, by name: granting one is the worker's death. */
const locks = new Map<string, () => void>();

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const last = () => workers[workers.length - 1]!;
const types = (w: FakeWorker) => w.posted.map((m) => m.type);

beforeEach(() => {
  workers = [];
  events = [];
  locks.clear();
  vi.stubGlobal('navigator', { locks: { request: (name: string, grant: () => void) => locks.set(name, grant) } });
  client = new DbClient((name) => {
    const worker = new FakeWorker(name);
    workers.push(worker);
    return worker as unknown as Worker;
  });
  client.onEngineEvent((e) => events.push(e));
});
afterEach(() => {
  client.terminate();
  vi.unstubAllGlobals();
});

/** Loads and imports one file, answered by the first worker. */
async function loadAndImport(): Promise<void> {
  const loading = client.load('https://site/data/');
  await flush();
  last().answer({ id: 1, type: 'loaded', result: { files: [], timings: { engine: 0, fetch: 0, ingest: 0 }, ms: 0 } });
  await loading;
  const bytes = new TextEncoder().encode('a,b\n1,2\n').buffer;
  const importing = client.importFiles([{ name: 'x.csv', bytes, options: {} }], 'replace', true);
  await flush();
  last().answer({ id: 2, type: 'imported', result: { files: [], changed: true, ms: 0, kept: [] } });
  await importing;
}

describe('a crashed engine is restarted', () => {
  test('an error event: the data is loaded again, then the waiting query is sent again', async () => {
    await loadAndImport();
    const query = client.query({ sql: 'SELECT 1', params: [] });
    await flush();
    workers[0]!.fail('boom');
    await flush();
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(events).toEqual(['restarting']);
    const fresh = workers[1]!;
    expect(types(fresh)).toEqual(['load', 'import', 'query']);
    const replayed = fresh.posted[1] as Extract<Request, { type: 'import' }>;
    expect(new TextDecoder().decode(replayed.files[0]!.bytes)).toBe('a,b\n1,2\n');
    expect(replayed).toMatchObject({ mode: 'replace', replacesSample: true });
    const [load, imp, q] = fresh.posted.map((m) => m.id);
    fresh.answer({
      id: load!,
      type: 'loaded',
      result: { files: [], timings: { engine: 0, fetch: 0, ingest: 0 }, ms: 0 },
    });
    fresh.answer({ id: imp!, type: 'imported', result: { files: [], changed: true, ms: 0, kept: [] } });
    fresh.answer({ id: q!, type: 'rows', rows: [{ x: 1 }], ms: 0 });
    expect(await query).toEqual([{ x: 1 }]);
    await flush();
    expect(events).toEqual(['restarting', 'restarted']);
  });

  test('rows restored from this browser are restored again after a crash, in their place', async () => {
    const loading = client.load('https://site/data/');
    await flush();
    last().answer({ id: 1, type: 'loaded', result: { files: [], timings: { engine: 0, fetch: 0, ingest: 0 }, ms: 0 } });
    await loading;
    const files = [{ table: 'exchanges', csv: 'record_id\n"X-1"\n' }];
    const restoring = client.restore(files);
    await flush();
    last().answer({ id: 2, type: 'restored', rows: 1 });
    expect(await restoring).toBe(1);
    workers[0]!.fail('boom');
    await flush();
    expect(types(workers[1]!)).toEqual(['load', 'restore']);
    expect(workers[1]!.posted[1]).toMatchObject({ type: 'restore', files });
  });

  test('a fatal engine error: that request fails, the engine restarts', async () => {
    await loadAndImport();
    const query = client.query({ sql: 'SELECT crash()', params: [] });
    await flush();
    workers[0]!.answer({
      id: 3,
      type: 'error',
      error: { code: 'query', message: 'FATAL Error: database has been invalidated', fatal: true },
    });
    await expect(query).rejects.toBeInstanceOf(DbError);
    await flush();
    expect(types(last())).toEqual(['load', 'import']);
  });

  test('an error that is not fatal leaves the engine alone', async () => {
    const query = client.query({ sql: 'SELECT nope', params: [] });
    await flush();
    workers[0]!.answer({ id: 1, type: 'error', error: { code: 'query', message: 'Binder Error: nope' } });
    await expect(query).rejects.toThrow('Binder Error');
    expect(workers).toHaveLength(1);
  });

  test('the worker lets go of its life lock (closed, out of memory): restarted', async () => {
    await loadAndImport();
    workers[0]!.answer({ id: 0, type: 'alive' });
    expect(locks.has(workers[0]!.name)).toBe(true);
    locks.get(workers[0]!.name)!();
    await flush();
    expect(workers).toHaveLength(2);
    expect(types(workers[1]!)).toEqual(['load', 'import']);
  });

  test('an import or a typed query in flight may be the cause: it fails, and is not sent again', async () => {
    await loadAndImport();
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    const importing = client.importFiles([{ name: 'bad.csv', bytes, options: {} }], 'append', false);
    const typed = client.console('SELECT 1');
    await flush();
    workers[0]!.fail('out of memory');
    await expect(importing).rejects.toMatchObject({ code: 'engine' });
    await expect(typed).rejects.toMatchObject({ code: 'engine' });
    await flush();
    expect(types(last())).toEqual(['load', 'import']);
  });

  test('a query is sent again once; a second crash with it fails it', async () => {
    const query = client.query({ sql: 'SELECT 1', params: [] });
    await flush();
    workers[0]!.fail('one');
    await flush();
    expect(types(workers[1]!)).toEqual(['query']);
    workers[1]!.fail('two');
    await expect(query).rejects.toMatchObject({ code: 'engine', message: 'two' });
  });

  test('a crash loop gives up and says so; later requests fail at once', async () => {
    for (let i = 0; i < 4; i++) {
      last().fail(`crash ${i}`);
      await flush();
    }
    expect(events.at(-1)).toBe('failed');
    expect(workers).toHaveLength(4);
    await expect(client.query({ sql: 'SELECT 1', params: [] })).rejects.toMatchObject({ code: 'engine' });
  });

  test('events from a worker that was replaced are ignored', async () => {
    workers[0]!.fail('boom');
    await flush();
    workers[0]!.fail('late');
    workers[0]!.answer({ id: 0, type: 'alive' });
    await flush();
    expect(workers).toHaveLength(2);
    expect(locks.size).toBe(0);
  });
});
