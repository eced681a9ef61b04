import { whereFacts, type Filters } from '../filters';
import type { Direction } from '../schema';
import { declare, type BuiltQuery } from '../sql';
import { PARTNER_NAMES, PROGRAM_NAMES } from './names';

export interface RankedRow {
  /** The program's or partner's id. */
  id: string;
  name_zh: string;
  name_en: string;
  /** The partner's country or region; null for programs. */
  country: string | null;
  direction: Direction;
  headcount: number;
  total: number;
}

/** The columns of `facts` that can be ranked, with the table of names (one row per id) that names them. */
const RANKABLE = {
  program: { names: PROGRAM_NAMES },
  partner: { names: PARTNER_NAMES },
} as const;
export type Rankable = keyof typeof RANKABLE;

/**
 * The top `limit` programs or partners by person-trips, split by direction,
 * named from their reference table (the id stands in for a missing name).
 * The selection of the same kind is left out, so the alternatives stay visible.
 */
export function rankedQuery(filters: Filters, column: Rankable, limit: number): BuiltQuery<RankedRow> {
  const ref = RANKABLE[column];
  if (!ref) throw new Error(`invalid ranked column: ${String(column)}`);
  const w = whereFacts(filters, column);
  return declare(
    {
    sql: `WITH by_dir AS (
  SELECT ${column} AS id, direction, sum(headcount)::INTEGER AS headcount
  FROM facts ${w.sql} AND ${column} IS NOT NULL
  GROUP BY id, direction
), ranked AS (
  SELECT id, sum(headcount)::INTEGER AS total FROM by_dir GROUP BY id
  ORDER BY total DESC, id LIMIT ?
)
SELECT b.id, coalesce(n.name_zh, b.id) AS name_zh, coalesce(n.name_en, b.id) AS name_en, n.country,
  b.direction, b.headcount, r.total
FROM by_dir AS b JOIN ranked AS r USING (id) LEFT JOIN ${ref.names} AS n USING (id)
ORDER BY r.total DESC, b.id, b.direction`,
    params: [...w.params, limit],
    },
    [...w.columns, column, 'direction', 'headcount'],
    ['sum(headcount)'],
  );
}

export const programsRankedQuery = (filters: Filters, limit = 12): BuiltQuery<RankedRow> => rankedQuery(filters, 'program', limit);
export const partnersRankedQuery = (filters: Filters, limit = 12): BuiltQuery<RankedRow> => rankedQuery(filters, 'partner', limit);
