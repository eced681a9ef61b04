import type { Engine } from '../engine';

/**
 * Programs and partners one row per id (an appended import may repeat an id: the first values
 * are kept, as `any_value` keeps them), materialised once instead of grouped on every click by
 * the ranked bars and the agreements. Temporary tables: not in the data page's catalog. They are
 * rebuilt with `facts` (src/data/ingest.ts), whenever the reference tables change.
 */
export const PROGRAM_NAMES = 'program_names';
export const PARTNER_NAMES = 'partner_names';
/** The partners of PARTNER_NAMES whose country is listed, with its region type: what agreements join. */
export const AGREEMENT_PARTNERS = 'agreement_partners';
/** Each country's groups (asean, ceec), one row per country and group, from `countries.groups`. */
export const COUNTRY_GROUP_MEMBERS = 'country_group_members';

const NAME_TABLES_SQL = [
  `CREATE OR REPLACE TEMP TABLE ${PROGRAM_NAMES} AS
SELECT id, any_value(name_zh) AS name_zh, any_value(name_en) AS name_en, NULL::VARCHAR AS country
FROM programs GROUP BY id`,
  `CREATE OR REPLACE TEMP TABLE ${PARTNER_NAMES} AS
SELECT id, any_value(name_zh) AS name_zh, any_value(name_en) AS name_en, any_value(country) AS country
FROM partners GROUP BY id`,
  `CREATE OR REPLACE TEMP TABLE ${AGREEMENT_PARTNERS} AS
SELECT p.*, c.region_type FROM ${PARTNER_NAMES} AS p JOIN countries AS c ON c.iso2 = p.country`,
  `CREATE OR REPLACE TEMP TABLE ${COUNTRY_GROUP_MEMBERS} AS
SELECT DISTINCT iso2, unnest(string_split(groups, ';')) AS key FROM countries WHERE groups <> ''`,
];

/** (Re)builds the name tables from `programs`, `partners` and `countries`. */
export async function buildNameTables(engine: Engine): Promise<void> {
  for (const sql of NAME_TABLES_SQL) await engine.exec(sql);
}
