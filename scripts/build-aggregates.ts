/**
 * Computes the embed page's aggregates from the CSV files with the app's own
 * ingest and SQL on the same engine, so embeds and the app show the same numbers.
 * One file per chart, `aggregates/<chart>.json`, so an embed reads only its own.
 *
 *   npx tsx scripts/build-aggregates.ts [data folder] [output folder]
 *
 * writes `<output folder>/aggregates/*.json` (the output folder defaults to the
 * data folder). Run it after replacing the CSV files on a server; the build runs
 * it for data/.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultFilters, type Filters } from '../src/data/filters';
import { ingest } from '../src/data/ingest';
import { yearSpanQuery } from '../src/data/queries';
import { DIRECTIONS, REGION_TYPES } from '../src/data/schema';
import { aggregateKey, type Aggregates } from '../src/embed/aggregates';
import { EMBED_CHOICES } from '../src/embed/registry';
import { ROUNDING_BASE } from '../src/config/disclosure';
import { bundledTexts, DATA_DIR, openNodeEngine } from './node-engine';

/** Every chart's rows for every combination of the filters an embed carries, every count rounded. */
export async function buildAggregates(dataDir = DATA_DIR): Promise<Aggregates> {
  const engine = await openNodeEngine();
  try {
    await ingest(engine, bundledTexts(dataDir));
    const [span] = await engine.query(yearSpanQuery().sql);
    const min = Number(span?.min ?? new Date().getFullYear());
    const max = Number(span?.max ?? min);
    const charts: Aggregates['charts'] = {};
    for (const chart of EMBED_CHOICES) {
      const results: Aggregates['charts'][string] = {};
      for (let from = min; from <= max; from++) {
        for (let to = from; to <= max; to++) {
          for (const direction of ['all', ...DIRECTIONS] as const) {
            for (const region of ['all', ...REGION_TYPES] as const) {
              const filters: Filters = { ...defaultFilters(from, to), direction, region };
              const query = chart.query(filters);
              const rows = await engine.query(query.sql, query.params);
              // The file is public: counts are rounded here, not only when drawn (docs/disclosure.md).
              results[aggregateKey(filters)] = chart.publicRows(rows, ROUNDING_BASE);
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
      rounding: ROUNDING_BASE,
      charts,
    };
  } finally {
    engine.close();
  }
}

/** The files an embed reads: `aggregates/<chart>.json`, each holding its chart alone. */
export function aggregateFiles(aggregates: Aggregates): Map<string, string> {
  return new Map(
    Object.entries(aggregates.charts).map(([id, results]) => [
      `aggregates/${id}.json`,
      JSON.stringify({ ...aggregates, charts: { [id]: results } }),
    ]),
  );
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every file under a folder, sorted, for the cache key. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/**
 * The aggregates of a data folder, from a cache keyed by the CSV files and the
 * code that computes them (queries, charts, rounding, this script): a build
 * after a change to neither reuses them instead of running every query again.
 */
export async function cachedAggregateFiles(dataDir = DATA_DIR): Promise<Map<string, string>> {
  const hash = createHash('sha256');
  const sources = [
    ...readdirSync(dataDir)
      .filter((f) => f.endsWith('.csv'))
      .sort()
      .map((f) => join(dataDir, f)),
    ...['src/data', 'src/charts', 'src/disclosure', 'src/embed', 'src/config', 'src/reference'].flatMap((d) =>
      filesUnder(join(root, d)),
    ),
    join(root, 'scripts/build-aggregates.ts'),
    join(root, 'scripts/node-engine.ts'),
  ];
  for (const file of sources) hash.update(file.slice(root.length)).update(readFileSync(file));
  const cache = join(root, 'node_modules/.cache/aggregates', `${hash.digest('hex').slice(0, 24)}.json`);
  if (existsSync(cache)) {
    return new Map(Object.entries(JSON.parse(readFileSync(cache, 'utf8')) as Record<string, string>));
  }
  const files = aggregateFiles(await buildAggregates(dataDir));
  mkdirSync(dirname(cache), { recursive: true });
  writeFileSync(cache, JSON.stringify(Object.fromEntries(files)));
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dataDir = resolve(process.argv[2] ?? DATA_DIR);
  const out = resolve(process.argv[3] ?? dataDir);
  for (const [name, text] of aggregateFiles(await buildAggregates(dataDir))) {
    mkdirSync(dirname(join(out, name)), { recursive: true });
    writeFileSync(join(out, name), text);
    console.log(`wrote ${join(out, name)}`);
  }
}
