/**
 * Computes the embed page's aggregates from the CSV files with the app's own
 * ingest and SQL on the same engine, so embeds and the app show the same numbers.
 *
 *   npx tsx scripts/build-aggregates.ts [data folder] [output file]
 *
 * Run it after replacing the CSV files on a server (the build runs it for data/).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultFilters, type Filters } from '../src/data/filters';
import { ingest } from '../src/data/ingest';
import { yearSpanQuery } from '../src/data/queries';
import { DIRECTIONS, REGION_TYPES } from '../src/data/schema';
import { aggregateKey, type Aggregates } from '../src/embed/aggregates';
import { EMBEDDABLE } from '../src/embed/registry';
import { SMALL_COUNT_THRESHOLD } from '../src/config/disclosure';
import { protect } from '../src/disclosure/protect';
import { bundledTexts, DATA_DIR, openNodeEngine } from './node-engine';

export async function buildAggregates(dataDir = DATA_DIR): Promise<Aggregates> {
  const engine = await openNodeEngine();
  try {
    await ingest(engine, bundledTexts(dataDir));
    const [span] = await engine.query(yearSpanQuery().sql);
    const min = Number(span?.min ?? new Date().getFullYear());
    const max = Number(span?.max ?? min);
    const charts: Aggregates['charts'] = {};
    for (const chart of EMBEDDABLE) {
      const results: Aggregates['charts'][string] = {};
      for (let from = min; from <= max; from++) {
        for (let to = from; to <= max; to++) {
          for (const direction of ['all', ...DIRECTIONS] as const) {
            for (const region of ['all', ...REGION_TYPES] as const) {
              const filters: Filters = { ...defaultFilters(from, to), direction, region };
              const query = chart.query(filters);
              const rows = await engine.query(query.sql, query.params);
              // The file is public: small counts are hidden here, not only when drawn.
              results[aggregateKey(filters)] = protect(rows, chart.protect, SMALL_COUNT_THRESHOLD);
            }
          }
        }
      }
      charts[chart.id] = results;
    }
    return {
      version: 1,
      generated: new Date().toISOString(),
      bounds: { min, max },
      threshold: SMALL_COUNT_THRESHOLD,
      charts,
    };
  } finally {
    engine.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dataDir = resolve(process.argv[2] ?? DATA_DIR);
  const out = resolve(process.argv[3] ?? `${dataDir}/aggregates.json`);
  const aggregates = await buildAggregates(dataDir);
  writeFileSync(out, JSON.stringify(aggregates));
  console.log(`wrote ${out}`);
}
