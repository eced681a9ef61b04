/**
 * The files beside the page in `data/` that the first screen asks for as it opens: the build-time
 * snapshot and the data files it is checked against (src/state/first-requests.ts). Named here,
 * with no import, so the Vite config can list them as preloads without loading the app's modules;
 * tests/unit/data-files.test.ts holds them to the tables' declaration (src/domain/tables.ts).
 */
export const SNAPSHOT_FILE = 'snapshot.json';

export const DATA_FILES: readonly string[] = [
  'exchanges.csv',
  'programs.csv',
  'partners.csv',
  'agreements.csv',
  'events.csv',
  'annual-counts.csv',
];
