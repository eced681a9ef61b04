import type { Row } from '../data/engine';
import type { Filters } from '../data/filters';
import { flowsQuery, type FlowRow } from '../data/queries/flows';
import type { BuiltQuery } from '../data/sql';
import { publicFlows } from '../disclosure/public-view';
import type { MessageKey } from '../i18n/messages';

/**
 * The flow map as an embed: arcs from Anshun, drawn from the app's flows query
 * made public (each arc's count rounded; an arc rounded to 0 is not drawn). It
 * is not a Plot chart, so the embed page draws it with the map's own renderer.
 */
export const EMBED_MAP = {
  id: 'map',
  title: 'map.title' as MessageKey,
  query: (filters: Filters): BuiltQuery => flowsQuery(filters),
  publicRows: (rows: Row[], base: number): Row[] => publicFlows(rows as unknown as FlowRow[], base) as unknown as Row[],
};
