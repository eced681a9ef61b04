import type { Filters } from '../data/filters';
import type { Row } from '../data/engine';

/**
 * What the embed page reads instead of a database: each embeddable chart's
 * query results, computed at build time by the app's own SQL, for every
 * combination of the filters an embed can carry.
 */
export interface Aggregates {
  version: 1;
  generated: string;
  bounds: { min: number; max: number };
  /** Every count was rounded to a multiple of this when the file was made (src/config/disclosure.ts); 1: exact. */
  rounding: number;
  /** chart id → filter key → rows. */
  charts: Record<string, Record<string, Row[]>>;
}

/** The filters an embed can carry: years, direction and scope; chart selections stay in the app. */
export type EmbedFilters = Pick<Filters, 'yearFrom' | 'yearTo' | 'direction' | 'region'>;

export function aggregateKey(f: EmbedFilters): string {
  return `${f.yearFrom}-${f.yearTo}-${f.direction}-${f.region}`;
}
