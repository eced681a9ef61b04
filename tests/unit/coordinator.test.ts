/**
 * The query coordinator (src/state/coordinator.ts) driven with the real engine in Node: its client
 * runs each batch through the worker's own batch loop (src/data/batch.ts) on DuckDB over the
 * bundled data, one batch after another as the worker's queue does, and cancels as the worker does.
 */
import { describe, expect, test } from 'vitest';
import { BatchCancels, runBatch, taskPause } from '../../src/data/batch';
import { defaultFilters, type Filters } from '../../src/data/filters';
import type { BatchQuery, BatchResult } from '../../src/data/protocol';
import { flowsQuery, kpiQuery, referenceNamesQuery, yearSpanQuery } from '../../src/data/queries';
import type { BuiltQuery } from '../../src/data/sql';
import { QueryCoordinator, queryKey, type Answer, type BatchClient } from '../../src/state/coordinator';
import { defaultViewQueries } from '../../src/state/snapshot';
import { useBundledEngine, type NodeEngine } from '../helpers/bundled-engine';

const engine = useBundledEngine();
const pause = taskPause();
const FILTERS: Filters = defaultFilters(2014, 2019);
const INBOUND: Filters = { ...FILTERS, direction: 'inbound' };

/** The worker's side in this process: batches queued one after another, each a task after it is posted. */
class EngineClient implements BatchClient {
  /** Every batch posted, and the SQL the engine ran, in order. */
  readonly posted: BatchQuery[][] = [];
  readonly ran: string[] = [];
  /** Called after each query the engine ran (a test may ask something new there). */
  afterRun: (query: BatchQuery) => void = () => {};
  /** Held back until released, as an answer on its way back to the page. */
  hold: Promise<void> = Promise.resolve();
  /** Counts up when a test changes the tables, as the page's client does on a load or an import. */
  tablesVersion = 0;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly db: NodeEngine) {}

  batch(queries: readonly BuiltQuery<unknown>[]) {
    const wire = queries.map(({ sql, params }) => ({ sql, params }));
    this.posted.push(wire);
    const cancels = new BatchCancels();
    const run = async (query: BatchQuery): Promise<BatchResult> => {
      this.ran.push(query.sql);
      try {
        const rows = await this.db.query(query.sql, query.params);
        return { rows, ms: 0 };
      } catch (error) {
        return { error: { code: 'query', message: String(error) } };
      } finally {
        this.afterRun(query);
      }
    };
    const answers = this.#queue.then(async () => {
      await pause(); // the message's trip to the worker
      const results = await runBatch(wire, run, cancels, pause);
      await this.hold;
      return results;
    });
    this.#queue = answers.catch(() => {});
    return { answers, cancel: (indexes?: readonly number[]) => cancels.cancel(indexes) };
  }
}

/** A slot that records every answer it is handed. */
function recorder(coordinator: QueryCoordinator) {
  const answers: Answer<Record<string, unknown>>[] = [];
  const slot = coordinator.slot<Record<string, unknown>>((answer) => answers.push(answer));
  return { slot, answers };
}

const rowsOf = (answer: Answer<unknown> | undefined) => {
  if (!answer || 'error' in answer)
    throw new Error(`no rows: ${answer && 'error' in answer ? answer.error.message : 'none'}`);
  return answer.rows;
};

describe('the query coordinator on the real engine', () => {
  test('one batch per tick, and a query asked by two views runs once', async () => {
    const client = new EngineClient(engine());
    const coordinator = new QueryCoordinator(client);
    const [a, b, c] = [recorder(coordinator), recorder(coordinator), recorder(coordinator)];
    a.slot.ask(kpiQuery(FILTERS));
    b.slot.ask(kpiQuery(FILTERS));
    c.slot.ask(flowsQuery(FILTERS));
    await coordinator.idle();

    expect(client.posted).toHaveLength(1);
    expect(client.posted[0]!.map((q) => q.sql)).toEqual([kpiQuery(FILTERS).sql, flowsQuery(FILTERS).sql]);
    expect(client.ran).toHaveLength(2);
    const kpis = await engine().query(kpiQuery(FILTERS).sql, kpiQuery(FILTERS).params);
    expect(Number(kpis[0]!.outbound)).toBeGreaterThan(0);
    expect(a.answers.map(rowsOf)).toEqual([kpis]);
    expect(b.answers.map(rowsOf)).toEqual([kpis]);
    expect(rowsOf(c.answers[0]).length).toBeGreaterThan(5);
  });

  test('an answer to a query since replaced is never handed over', async () => {
    const client = new EngineClient(engine());
    const coordinator = new QueryCoordinator(client);
    const view = recorder(coordinator);
    let release!: () => void;
    client.hold = new Promise((resolve) => (release = resolve));
    // The first query has run in the worker and its answer is on its way when the filters change.
    const ranFirst = new Promise<void>((resolve) => (client.afterRun = () => resolve()));
    view.slot.ask(kpiQuery(FILTERS));
    await ranFirst;
    client.afterRun = () => {};
    view.slot.ask(kpiQuery(INBOUND));
    release();
    await coordinator.idle();

    expect(client.ran).toEqual([kpiQuery(FILTERS).sql, kpiQuery(INBOUND).sql]);
    const all = await engine().query(kpiQuery(FILTERS).sql, kpiQuery(FILTERS).params);
    const inbound = await engine().query(kpiQuery(INBOUND).sql, kpiQuery(INBOUND).params);
    expect(inbound).not.toEqual(all);
    expect(view.answers.map(rowsOf)).toEqual([inbound]);
  });

  test('a superseded batch is cancelled in the worker: its queries not yet run are skipped', async () => {
    const client = new EngineClient(engine());
    // Sent at the end of the microtasks: here the page and the worker share one thread, and the
    // cancel must be posted before the batch loop's pause ends, as a cancel message reaches the worker.
    const coordinator = new QueryCoordinator(client, { schedule: (flush) => queueMicrotask(flush) });
    const views = [recorder(coordinator), recorder(coordinator), recorder(coordinator)];
    const first = [kpiQuery(FILTERS), flowsQuery(FILTERS), referenceNamesQuery()];
    const next = [kpiQuery(INBOUND), flowsQuery(INBOUND), yearSpanQuery()];
    // Every view asks anew while the worker runs the first query of the first click's batch.
    let asked = false;
    client.afterRun = () => {
      if (asked) return;
      asked = true;
      views.forEach((v, i) => v.slot.ask(next[i]!));
    };
    views.forEach((v, i) => v.slot.ask(first[i]!));
    await coordinator.idle();

    expect(client.posted.map((batch) => batch.length)).toEqual([3, 3]);
    // Of the first batch only the query already running ran; the other two were skipped.
    expect(client.ran).toEqual([first[0]!.sql, ...next.map((q) => q.sql)]);
    for (const [i, view] of views.entries()) {
      expect(view.answers.map(rowsOf)).toEqual([await engine().query(next[i]!.sql, next[i]!.params)]);
    }
  });

  /** The build-time snapshot: the engine's own rows for the default view's queries (scripts/build-snapshot.ts). */
  async function snapshotResults(): Promise<Map<string, Record<string, unknown>[]>> {
    const results = new Map<string, Record<string, unknown>[]>();
    for (const query of defaultViewQueries(2014, 2019)) {
      results.set(queryKey(query), await engine().query(query.sql, query.params));
    }
    return results;
  }

  test('the snapshot answers while the engine starts, then the engine does', async () => {
    const client = new EngineClient(engine());
    const coordinator = new QueryCoordinator(client);
    const results = await snapshotResults();
    coordinator.useSnapshot(results);
    const view = recorder(coordinator);

    view.slot.ask(kpiQuery(FILTERS));
    // Answered at once, with no batch posted.
    expect(view.answers).toHaveLength(1);
    expect(view.answers[0]).toMatchObject({ from: 'snapshot' });
    expect(rowsOf(view.answers[0])).toBe(results.get(queryKey(kpiQuery(FILTERS))));
    // A query the snapshot does not hold waits for the engine.
    view.slot.ask(kpiQuery(INBOUND));
    expect(view.answers).toHaveLength(1);
    await coordinator.idle();
    expect(client.posted).toHaveLength(1);
    expect(view.answers[1]).toMatchObject({ from: 'engine' });

    // The engine is ready: the snapshot stands down and the engine answers the default view too.
    coordinator.useSnapshot(null);
    view.slot.ask(kpiQuery(FILTERS));
    await coordinator.idle();
    expect(client.posted).toHaveLength(2);
    expect(view.answers[2]).toMatchObject({ from: 'engine' });
    expect(rowsOf(view.answers[2])).toEqual(rowsOf(view.answers[0]));
    expect(rowsOf(view.answers[2])).not.toEqual(rowsOf(view.answers[1]));
  });

  test('a snapshot confirmed by the loaded engine is kept: the opening view asked again asks nothing', async () => {
    const client = new EngineClient(engine());
    const coordinator = new QueryCoordinator(client);
    const results = await snapshotResults();
    coordinator.useSnapshot(results);
    coordinator.confirmSnapshot();
    coordinator.useSnapshot(null);
    const view = recorder(coordinator);
    view.slot.ask(kpiQuery(INBOUND));
    await coordinator.idle();
    expect(client.posted).toHaveLength(1);
    // Back to the opening view: answered from the kept snapshot, as the engine's, with no batch.
    view.slot.ask(kpiQuery(FILTERS));
    await coordinator.idle();
    expect(client.posted).toHaveLength(1);
    expect(view.answers[1]).toMatchObject({ from: 'engine' });
    // The same rows the engine gives for that view (an independent run on the engine).
    expect(rowsOf(view.answers[1])).toEqual(await engine().query(kpiQuery(FILTERS).sql, kpiQuery(FILTERS).params));
    // A change of the tables drops the kept snapshot: the engine is asked again.
    client.tablesVersion++;
    view.slot.ask(kpiQuery(INBOUND));
    view.slot.ask(kpiQuery(FILTERS));
    await coordinator.idle();
    expect(client.posted).toHaveLength(2);
  });

  test('fetch: a one-off query withdrawn before it is sent is never run', async () => {
    const client = new EngineClient(engine());
    const coordinator = new QueryCoordinator(client);
    const withdrawn = new AbortController();
    const dropped = coordinator.fetch(kpiQuery(INBOUND), withdrawn.signal);
    const kept = coordinator.fetch<{ min: number; max: number }>(yearSpanQuery());
    withdrawn.abort();
    await expect(dropped).rejects.toMatchObject({ code: 'stopped' });
    expect(await kept).toEqual([{ min: 2014, max: 2019 }]);
    expect(client.ran).toEqual([yearSpanQuery().sql]);
  });

  test('an answer asked again is given at once while the tables are unchanged, and asked anew once they change', async () => {
    const client = new EngineClient(engine());
    const coordinator = new QueryCoordinator(client);
    const view = recorder(coordinator);
    await engine().exec('CREATE OR REPLACE TEMP TABLE kept_answers AS SELECT 1 AS x');
    const read: BuiltQuery<{ n: number }> = { sql: 'SELECT count(*)::INTEGER AS n FROM kept_answers', params: [] };

    // A selection, its undo, the selection again: the engine runs each query once.
    view.slot.ask(kpiQuery(INBOUND));
    await coordinator.idle();
    view.slot.ask(kpiQuery(FILTERS));
    await coordinator.idle();
    view.slot.ask(kpiQuery(INBOUND));
    expect(view.answers).toHaveLength(3); // handed over in the ask itself, no batch
    expect(client.posted).toHaveLength(2);
    expect(client.ran).toEqual([kpiQuery(INBOUND).sql, kpiQuery(FILTERS).sql]);
    expect(rowsOf(view.answers[2])).toEqual(await engine().query(kpiQuery(INBOUND).sql, kpiQuery(INBOUND).params));

    // The tables change (an import): the kept answer is stale and the query runs again.
    view.slot.ask(read);
    await coordinator.idle();
    await engine().exec('INSERT INTO kept_answers VALUES (2)');
    view.slot.ask(read);
    expect(rowsOf(view.answers.at(-1))).toEqual([{ n: 1 }]); // unchanged version: the kept answer
    client.tablesVersion++;
    view.slot.ask(read);
    await coordinator.idle();
    expect(rowsOf(view.answers.at(-1))).toEqual([{ n: 2 }]);
    expect(client.posted).toHaveLength(4);
    await engine().exec('DROP TABLE kept_answers');
  });
});
