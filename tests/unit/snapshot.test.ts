import { beforeAll, describe, expect, test } from 'vitest';
import { buildSnapshot } from '../../scripts/build-snapshot';
import type { Snapshot } from '../../src/state/snapshot';
import { defaultFilters } from '../../src/data/filters';
import { ingest } from '../../src/data/ingest';
import { kpiQuery, yearSpanQuery } from '../../src/data/queries';
import { defaultViewQueries, fingerprint, snapshotKey } from '../../src/state/snapshot';
import { QueryCoordinator } from '../../src/state/coordinator';
import { bundledTexts, openNodeEngine } from '../helpers/node-engine';

// The engine starts twice here (the snapshot's, the check's): slow on a busy machine.
const SLOW = 120_000;

describe('the build-time snapshot of the default view', () => {
  let snapshot: Snapshot;
  beforeAll(async () => {
    snapshot = await buildSnapshot();
  }, SLOW);

  test(
    'holds the engine’s own answer to every query the dashboard opens with',
    async () => {
      expect(snapshot.bounds).toEqual({ min: 2014, max: 2019 });
      const engine = await openNodeEngine();
      try {
        await ingest(engine, bundledTexts());
        const queries = defaultViewQueries(2014, 2019);
        expect(queries.length).toBeGreaterThanOrEqual(15);
        expect(Object.keys(snapshot.results)).toHaveLength(queries.length);
        for (const query of queries) {
          expect(snapshot.results[snapshotKey(query)]).toEqual(await engine.query(query.sql, query.params));
        }
      } finally {
        engine.close();
      }
      expect(snapshot.files['exchanges.csv']?.bytes).toBe(Buffer.byteLength(bundledTexts().get('exchanges.csv')!));
    },
    SLOW,
  );

  test('answers only while in use, and only the queries it holds', () => {
    // The coordinator serves it (src/state/coordinator.ts); its own tests drive it on the engine.
    const coordinator = new QueryCoordinator({
      batch: () => {
        throw new Error('the snapshot answers without the engine');
      },
    });
    const kpis = kpiQuery(defaultFilters(2014, 2019));
    expect(coordinator.snapshotRows(kpis)).toBeUndefined();
    coordinator.useSnapshot(snapshot.results);
    expect(coordinator.snapshotRows(yearSpanQuery())).toEqual([{ min: 2014, max: 2019 }]);
    expect(coordinator.snapshotRows(kpis)?.[0]).toHaveProperty('outbound');
    expect(coordinator.snapshotRows(kpiQuery({ ...defaultFilters(2014, 2019), direction: 'inbound' }))).toBeUndefined();
    coordinator.useSnapshot(null);
    expect(coordinator.snapshotRows(kpis)).toBeUndefined();
  });

  test('a fingerprint tells one changed byte', () => {
    const a = fingerprint(new TextEncoder().encode('record_id,direction\nEX-1,outbound\n'));
    const b = fingerprint(new TextEncoder().encode('record_id,direction\nEX-1,outbounD\n'));
    expect(a.bytes).toBe(b.bytes);
    expect(a.hash).not.toBe(b.hash);
    expect(fingerprint(new Uint8Array())).toEqual({ bytes: 0, hash: '811c9dc5' });
  });
});
