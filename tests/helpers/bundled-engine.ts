import { afterAll, beforeAll } from 'vitest';
import { ingest } from '../../src/data/ingest';
import { bundledTexts, openNodeEngine } from './node-engine';

export type NodeEngine = Awaited<ReturnType<typeof openNodeEngine>>;

/**
 * The real engine in Node with the bundled data in, opened before the tests of
 * the enclosing file or describe and closed after them; call the result for it.
 */
export function useBundledEngine(): () => NodeEngine {
  let engine: NodeEngine | undefined;
  beforeAll(async () => {
    engine = await openNodeEngine();
    await ingest(engine, bundledTexts());
  });
  afterAll(() => engine?.close());
  return () => {
    if (!engine) throw new Error('the engine opens in beforeAll');
    return engine;
  };
}
