import type { BuiltQuery } from '../sql';

export interface ReferenceNameRow {
  kind: 'program' | 'partner';
  id: string;
  name_zh: string;
  name_en: string;
}

/** The names of every program and partner, for chips and subtitles that name a selection. */
export function referenceNamesQuery(): BuiltQuery<ReferenceNameRow> {
  return {
    sql: `SELECT 'program' AS kind, id, any_value(name_zh) AS name_zh, any_value(name_en) AS name_en
FROM programs GROUP BY id
UNION ALL
SELECT 'partner' AS kind, id, any_value(name_zh) AS name_zh, any_value(name_en) AS name_en
FROM partners GROUP BY id
ORDER BY kind, id`,
    params: [],
    columns: [],
  };
}
