import type { Row } from '../data/engine';
import type { Filters } from '../data/filters';
import { flowsQuery } from '../data/queries/flows';
import type { BuiltQuery } from '../data/sql';
import { publicQueryOf } from '../disclosure/public-cells';
import type { MessageKey } from '../i18n/messages';

/**
 * The flow map as an embed: arcs from Anshun, drawn from the app's flows query
 * run over the published cells (each arc a sum of rounded cells; none for 0). It
 * is not a Plot chart, so the embed page draws it with the map's own renderer.
 */
export const EMBED_MAP = {
  id: 'map',
  title: 'map.title' as MessageKey,
  query: (filters: Filters): BuiltQuery => publicQueryOf(flowsQuery(filters)),
  publicRows: (rows: Row[]): Row[] => rows,
};
