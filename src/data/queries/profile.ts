import type { BuiltQuery } from '../sql';
import { eventsSql, type EventRow } from './events-timeline';

/** The subject a profile is about: a partner institution or a country or region. */
export type ProfileKind = 'partner' | 'country';

export interface PartnerProfileRow {
  id: string;
  name_zh: string;
  name_en: string;
  country: string | null;
  city_zh: string | null;
  city_en: string | null;
  partner_type: string | null;
}

/** One partner's reference row (an appended import may repeat one: the first values are kept). */
export function partnerProfileQuery(id: string): BuiltQuery {
  return {
    sql: `SELECT id, any_value(name_zh) AS name_zh, any_value(name_en) AS name_en, any_value(country) AS country,
  any_value(city_zh) AS city_zh, any_value(city_en) AS city_en, any_value(partner_type) AS partner_type
FROM partners WHERE id = ? GROUP BY id`,
    params: [id],
  };
}

/**
 * The college's events with the subject: a partner's are those it organised (a visit it
 * sent: `organizer` is its Chinese name) and those held in its city; a country's, those
 * held there and those its partners organised. Events carry no partner id, hence names.
 */
export function profileEventsQuery(kind: ProfileKind, id: string): BuiltQuery {
  const where =
    kind === 'country'
      ? `(e.country = ? OR e.organizer IN (SELECT name_zh FROM partners WHERE country = ?))`
      : `EXISTS (SELECT 1 FROM partners AS p WHERE p.id = ?
    AND (p.name_zh = e.organizer OR (p.country = e.country AND p.city_zh = e.city)))`;
  return {
    sql: eventsSql(where),
    params: kind === 'country' ? [id, id] : [id],
  };
}

export type ProfileEventRow = EventRow;
