/**
 * Seeded synthetic exchange data for the benchmarks: `exchanges.csv` with N rows in the app's
 * format, beside copies of the bundled reference files (programs, partners, agreements, events),
 * so the app reads the folder as it reads data/. The same seed and N give the same bytes.
 *
 *   npx tsx scripts/bench/generate.ts <rows> <out folder> [seed]
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { csvParse } from 'd3';
import { ACTIVITY_TYPES, FUNDING, PARTICIPANT_CATEGORIES } from '../../src/data/schema';
import { DATA_DIR } from '../node-engine';

/** mulberry32: a small, fast, seeded generator (uniform in [0, 1)). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Countries and regions the college deals with, heaviest first (a rough Zipf weight by rank). */
const COUNTRIES = [
  'TW',
  'US',
  'SG',
  'GB',
  'DE',
  'TH',
  'MY',
  'KR',
  'JP',
  'NP',
  'RU',
  'RO',
  'HR',
  'BG',
  'FR',
  'NZ',
  'HK',
  'MO',
  'VN',
  'LA',
  'KH',
  'ID',
  'PH',
  'MM',
  'AU',
  'CA',
  'IT',
  'ES',
  'PL',
  'HU',
  'CZ',
  'RS',
  'PK',
  'LK',
  'IN',
  'KZ',
];
const DEPARTMENTS = ['经济管理学院', '旅游学院', '工程学院', '信息学院', '医学院', '国际交流与合作处'];
const YEARS = Array.from({ length: 12 }, (_, i) => 2014 + i);

function pickWeighted<T>(items: readonly T[], r: number, skew = 1): T {
  // Index by a power law: small indices are picked far more often.
  return items[Math.min(items.length - 1, Math.floor(items.length * r ** (1 + skew)))]!;
}

/** The ids (and countries) of a bundled reference file, read by d3's CSV parser: names hold quoted commas. */
function ids(file: string): { id: string; country: string }[] {
  return csvParse(readFileSync(join(DATA_DIR, file), 'utf8')).map((row) => ({
    id: row.id ?? '',
    country: row.country ?? '',
  }));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The CSV text of `rows` synthetic exchanges. */
export function exchangesCsv(rows: number, seed = 8): string {
  const rnd = random(seed);
  const partners = ids('partners.csv');
  const programs = ids('programs.csv').map((p) => p.id);
  const out: string[] = [
    'record_id,direction,participant_category,headcount,activity_type,program,country,partner,start_date,end_date,department,funding,outcomes,status',
  ];
  for (let i = 0; i < rows; i++) {
    const year = pickWeighted(YEARS, rnd(), -0.3);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const days = Math.floor(rnd() ** 3 * 300);
    const start = new Date(Date.UTC(year, month - 1, day));
    const end = new Date(start.getTime() + days * 86_400_000);
    const partnerRow = rnd() < 0.6 ? partners[Math.floor(rnd() * partners.length)] : undefined;
    const country = partnerRow?.country || pickWeighted(COUNTRIES, rnd());
    const program = rnd() < 0.5 ? pickWeighted(programs, rnd(), 0.5) : '';
    out.push(
      [
        `BX-${year}-${i}`,
        rnd() < 0.6 ? 'outbound' : 'inbound',
        pickWeighted(PARTICIPANT_CATEGORIES, rnd(), 0.5),
        1 + Math.floor(rnd() ** 2 * 30),
        pickWeighted(ACTIVITY_TYPES, rnd(), 0.3),
        program,
        country,
        partnerRow?.id ?? '',
        `${year}-${pad(month)}-${pad(day)}`,
        rnd() < 0.9 ? `${end.getUTCFullYear()}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}` : '',
        rnd() < 0.4 ? DEPARTMENTS[Math.floor(rnd() * DEPARTMENTS.length)] : '',
        rnd() < 0.8 ? pickWeighted(FUNDING, rnd()) : '',
        '',
        rnd() < 0.03 ? 'provisional' : 'final',
      ].join(','),
    );
  }
  return out.join('\n') + '\n';
}

/** Writes the folder (once: an existing one with the same row count and seed is kept). */
export function generateDataDir(rows: number, dir: string, seed = 8): string {
  const marker = join(dir, `.generated-${rows}-${seed}-v2`);
  if (existsSync(marker)) return dir;
  mkdirSync(dir, { recursive: true });
  for (const file of ['programs.csv', 'partners.csv', 'agreements.csv', 'events.csv']) {
    copyFileSync(join(DATA_DIR, file), join(dir, file));
  }
  writeFileSync(join(dir, 'exchanges.csv'), exchangesCsv(rows, seed));
  writeFileSync(marker, '');
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] ?? 100_000);
  const dir = resolve(process.argv[3] ?? `/tmp/bench-data-${rows}`);
  generateDataDir(rows, dir, Number(process.argv[4] ?? 8));
  console.log(`wrote ${rows} rows to ${dir}`);
}
