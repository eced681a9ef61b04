import type { Row } from '../data/engine';
import type { Filters } from '../data/filters';
import { flowsQuery, type FlowRow } from '../data/queries/flows';
import type { BuiltQuery } from '../data/sql';
import { publicCounts } from '../disclosure/public-view';
import type { MessageKey } from '../i18n/messages';

/**
 * The flow map as an embed: arcs from Anshun, drawn from the app's flows query
 * made public (a small flow's count is hidden: the arc is drawn thinnest). It
 * is not a Plot chart, so the embed page draws it with the map's own renderer.
 */
export const EMBED_MAP = {
  id: 'map',
  title: 'map.title' as MessageKey,
  query: (filters: Filters): BuiltQuery => flowsQuery(filters),
  publicRows: (rows: Row[], threshold: number): Row[] =>
    publicCounts(rows as unknown as FlowRow[], threshold) as unknown as Row[],
};
