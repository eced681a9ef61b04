/**
 * The user's mappings of coded values (src/import/value-mapping.ts) as the table the checks read,
 * `imp_user_map (kind, key, code)`: one row per value list and value key. Every value goes in as a
 * bound parameter, never as SQL text. The enum check (validate-sql.ts) reads a built-in word first
 * and a user mapping only for a value the app does not know.
 */
import { mergeMappings, type ValueMapping } from '../import/value-mapping';
import type { Engine } from './engine';

/** Rows per INSERT: four parameters each. */
const CHUNK = 250;

export const USER_MAP_TABLE = `CREATE OR REPLACE TEMP TABLE imp_user_map (kind VARCHAR, key VARCHAR, code VARCHAR)`;

/** Replaces the mappings the next checks use (none: `[]`). Invalid ones are left out. */
export async function setUserMappings(engine: Engine, mappings: readonly ValueMapping[]): Promise<void> {
  await engine.exec(USER_MAP_TABLE);
  const valid = mergeMappings(mappings);
  if (!valid.length) return;
  await engine.exec('CREATE OR REPLACE TEMP TABLE imp_user_raw (i INTEGER, kind VARCHAR, value VARCHAR, code VARCHAR)');
  for (let start = 0; start < valid.length; start += CHUNK) {
    const chunk = valid.slice(start, start + CHUNK);
    await engine.query(
      `INSERT INTO imp_user_raw VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`,
      chunk.flatMap((m, i) => [start + i, m.column, m.value, m.code]),
    );
  }
  // Two values of one key (培训 / 培 训): the later mapping wins, as in mergeMappings.
  await engine.exec(
    `INSERT INTO imp_user_map SELECT kind, imp_key(value) AS key, arg_max(code, i) FROM imp_user_raw
     WHERE imp_key(value) <> '' GROUP BY kind, imp_key(value)`,
  );
  await engine.exec('DROP TABLE imp_user_raw');
}
