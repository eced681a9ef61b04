/**
 * The dashboard's default view, computed from the data files with the app's own ingest and SQL on
 * the same engine (see src/state/snapshot.ts): the page draws its first charts from it while
 * DuckDB starts. The build writes it for data/ as data/snapshot.json; after replacing the CSV
 * files on a server without a rebuild, the old snapshot no longer matches them and is not used
 * (run this again to have one):
 *
 *   npx tsx scripts/build-snapshot.ts [data folder] [output file]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/data/ingest';
import { TABLES } from '../src/data/schema';
import { defaultViewQueries, fingerprint, snapshotKey, SNAPSHOT_FILE, type Snapshot } from '../src/state/snapshot';
import { bundledTexts, DATA_DIR, openNodeEngine } from './node-engine';

export async function buildSnapshot(dataDir = DATA_DIR): Promise<Snapshot> {
  const files: Snapshot['files'] = {};
  for (const spec of TABLES) {
    const path = join(dataDir, spec.file);
    files[spec.file] = existsSync(path) ? fingerprint(readFileSync(path)) : null;
  }
  const engine = await openNodeEngine();
  try {
    await ingest(engine, bundledTexts(dataDir));
    const [span] = await engine.query('SELECT min(year)::INTEGER AS min, max(year)::INTEGER AS max FROM facts');
    const min = Number(span?.min ?? new Date().getFullYear());
    const max = Number(span?.max ?? min);
    const results: Snapshot['results'] = {};
    for (const query of defaultViewQueries(min, max)) {
      results[snapshotKey(query)] = await engine.query(query.sql, query.params);
    }
    return { version: 1, files, bounds: { min, max }, results };
  } finally {
    engine.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dataDir = resolve(process.argv[2] ?? DATA_DIR);
  const out = resolve(process.argv[3] ?? join(dataDir, SNAPSHOT_FILE));
  writeFileSync(out, JSON.stringify(await buildSnapshot(dataDir)));
  console.log(`wrote ${out}`);
}
