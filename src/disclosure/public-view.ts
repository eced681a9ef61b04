/**
 * The rows of a chart as a public view (an embed, a public export, a slide) shows them: the
 * chart's query over the published cells (src/disclosure/public-cells.ts), so every count is a sum
 * of rounded base cells and every rank, total and label follows from them; here only what the
 * cells cannot carry: fields that count records or places are left out, and an event's delegates
 * (an event is a cell of its own) are rounded. See docs/disclosure.md.
 */
import type { ChartContext } from '../charts/context';
import type { EventRow } from '../data/queries/events-timeline';
import { ROUNDING_BASE } from '../config/disclosure';
import { publish } from './round';

/** Fields of some queries that count records or places (not people), not drawn: left out of public rows. */
const UNPUBLISHED = ['records', 'countries'];

/** Public rows of a chart over the published cells: the counted fields only. */
export function publishedFields<R extends object>(rows: readonly R[]): R[] {
  return rows.map((row) => {
    const out = { ...row } as Record<string, unknown>;
    for (const field of UNPUBLISHED) delete out[field];
    return out as R;
  });
}

/** Events are the college's, not people: each stays, with its number of delegates rounded. */
export function publicEvents(rows: readonly EventRow[], base = ROUNDING_BASE): EventRow[] {
  return rows.map((row) => ({ ...row, delegates: row.delegates === null ? null : publish(row.delegates, base) }));
}

/** The context a public view draws with: it knows its counts are rounded; no scale held from true values. */
export function publicContext(ctx: ChartContext): ChartContext {
  const out: ChartContext = { ...ctx, published: true };
  delete out.fixed;
  return out;
}
