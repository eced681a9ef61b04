import { declare, type BuiltQuery } from '../sql';

export interface YearSpan {
  min: number | null;
  max: number | null;
}

export function yearSpanQuery(): BuiltQuery<YearSpan> {
  return declare({ sql: 'SELECT min(year)::INTEGER AS min, max(year)::INTEGER AS max FROM facts', params: [] }, ['year'], []);
}
