/**
 * Per-view pre-aggregates of `facts` for large data, as Mosaic builds its indexes: a table keyed
 * by the columns a query declares it reads (src/data/sql.ts), holding sum(headcount) and the count
 * of records (`rows`) per combination of them. A query whose declared columns a pre-aggregate
 * holds, and whose measures it can answer (sum(headcount), and count(*) of records, read as the
 * sum of `rows`), reads that table instead of `facts`: a click reads hundreds or thousands of rows,
 * not a million. Routing follows the declaration, never the words of the SQL.
 *
 * A pre-aggregate is built when a query first asks for its columns, and in idle time for what a
 * click is likely to ask next: each view's columns with the filter bar's and one selection's
 * (`#plan`), the likeliest click's first (a country's). The first table read from `facts` after a
 * load is a base holding the columns of most views and selections (BASE_COLUMNS): the first query
 * its columns answer builds it; a new table is built from the smallest table already holding its
 * columns, and a query answered only by a table of more than SMALL_ROWS rows gets its own. So
 * idle time reads the base's tens of thousands of rows, not facts, for all but the views and
 * selections the base leaves out. Tables are kept while they pay (facts of PREAGG_MIN_ROWS rows
 * or more; a pre-aggregate no larger than half of what it is built from), at most
 * PREAGG_MAX_TABLES, least recently used dropped first; all are dropped when the data changes
 * (`reset`).
 *
 * A query over the published cells (`facts` declared as their SQL, src/disclosure/public-cells.ts)
 * reads them materialised once as a table, and its pre-aggregates are built from that table.
 */
import { FILTER_DEFS } from '../domain/filters';
import type { Engine } from './engine';
import { QueryStopped } from './pending';
import { RECORD_COUNT, RECORD_COUNT_OVER_PREAGG, RECORDS_COLUMN, type FactsMeasure, type QueryWire } from './sql';

/** A table's key: its source ('' for facts, else the SQL read as facts) and its sorted columns. */
function keyOf(source: string, keys: Iterable<string>): string {
  return `${source}\u0000${[...keys].sort().join(',')}`;
}

/** Below this many rows of `facts` every query reads `facts` itself: it is quick enough. */
export const PREAGG_MIN_ROWS = 50_000;
/** How many tables are kept (the published cells' tables included). */
export const PREAGG_MAX_TABLES = 64;
const DEFS = Object.values(FILTER_DEFS);
/** The filter bar's columns (src/domain/filters.ts): every view is filtered by them. */
export const FILTER_COLUMNS: readonly string[] = DEFS.filter((d) => d.kind !== 'selection').map((d) => d.column);
/** The columns a click on a chart selects, funding and department included. */
export const SELECTION_COLUMNS: readonly string[] = DEFS.filter((d) => d.kind === 'selection').map((d) => d.column);
/**
 * The selections the base leaves out: with funding and department it holds about as many rows as
 * facts and does not pay (510,385 of the bench's 1,000,000 generated records; 79,635 without).
 */
const NOT_IN_BASE: ReadonlySet<string> = new Set(['funding', 'department']);
/**
 * The base, the first table read from `facts` after a load (by the first query that needs a table
 * of its columns, else in idle time): the filter bar's columns, the selections but NOT_IN_BASE,
 * and the columns of the views they answer. The per-view tables are built from it, reading far
 * fewer rows than facts.
 */
export const BASE_COLUMNS: readonly string[] = [
  ...FILTER_COLUMNS,
  ...SELECTION_COLUMNS.filter((c) => !NOT_IN_BASE.has(c)),
  'continent',
  'record_status',
];
const BASE_KEY = keyOf('', BASE_COLUMNS);
/** A table of more rows than this answering a query is a base: the query's own table is built from it. */
export const SMALL_ROWS = 10_000;
/** The measure a pre-aggregate sums; the other declared columns are its keys. */
const MEASURE = 'headcount';
/** What a pre-aggregate answers: the sum of headcount, and the count of records (its RECORDS_COLUMN). */
const ANSWERABLE: ReadonlySet<FactsMeasure> = new Set(['sum(headcount)', 'count(*)']);

/**
 * The SQL of a pre-aggregate keyed by `keys` over `from`: sum(headcount) and the count of records
 * per combination of them. Over `facts` (or a relation read as facts) the count is count(*); over
 * another pre-aggregate (`summed`), the sum of its counts.
 */
export function preAggregateSql(keys: readonly string[], from: string, summed: boolean): string {
  const dims = [...keys].sort().join(', ');
  const records = summed ? `sum(${RECORDS_COLUMN})` : 'count(*)';
  return `SELECT ${dims ? `${dims}, ` : ''}sum(${MEASURE})::BIGINT AS ${MEASURE}, ${records}::BIGINT AS ${RECORDS_COLUMN}
FROM ${from}${dims ? ` GROUP BY ${dims}` : ''}`;
}

/**
 * A query's SQL over a pre-aggregate of its declared columns (built by preAggregateSql), given
 * the SQL with `facts` already read as that table: each count of records it declares
 * (measure 'count(*)', written RECORD_COUNT) becomes the sum of the table's counts.
 */
export function countsOverPreAggregate(query: Pick<QueryWire, 'measures'>, sql: string): string {
  return query.measures?.includes('count(*)') ? sql.replaceAll(RECORD_COUNT, RECORD_COUNT_OVER_PREAGG) : sql;
}

/** A table to build in idle time: `rank` orders them (the base, then a click on a country, a program …). */
interface Plan {
  source: string;
  keys: string[];
  rank: number;
}

interface Table {
  name: string;
  /** The source it sums: '' for `facts`, else the SQL of the relation read as facts. */
  source: string;
  /** Its key columns; null for a materialised source (the relation itself, every column). */
  keys: ReadonlySet<string> | null;
  rows: number;
}

/** What the router did with a query: the SQL to run, and the table it reads (null: as written). */
export interface Routed {
  sql: string;
  table: string | null;
}


export class PreAggregates {
  #engine: Engine | null = null;
  #factsRows = 0;
  /** Built tables by key (source and sorted columns), least recently used first; null: does not pay. */
  #tables = new Map<string, Table | null>();
  /** Column sets to build in idle time, by key, in the order they were planned. */
  #plans = new Map<string, Plan>();
  #next = 0;
  /** Called with a table's name when it is dropped (the worker forgets statements reading it). */
  onDrop: (table: string) => void = () => {};

  /** Drops every table and plan, and counts the rows of `facts` as they are now (after a load or an import). */
  async reset(engine: Engine, minRows = PREAGG_MIN_ROWS): Promise<void> {
    await this.clear();
    this.#engine = engine;
    const [facts] = await engine.query('SELECT count(*)::INTEGER AS n FROM facts');
    const rows = Number(facts?.n ?? 0);
    this.#factsRows = rows >= minRows ? rows : 0;
    if (this.#factsRows > 0) {
      this.#plans.set(BASE_KEY, { source: '', keys: [...BASE_COLUMNS].sort(), rank: -1 });
    }
  }

  /** Drops every table and plan; queries read as written until the next reset. */
  async clear(): Promise<void> {
    const engine = this.#engine;
    const tables = [...this.#tables.values()].filter((t): t is Table => t !== null);
    this.#tables.clear();
    this.#plans.clear();
    this.#factsRows = 0;
    for (const table of tables) {
      this.onDrop(table.name);
      await engine?.exec(`DROP TABLE IF EXISTS ${table.name}`);
    }
  }

  /** Whether queries may be routed (facts large enough). */
  get active(): boolean {
    return this.#factsRows > 0 && this.#engine !== null;
  }

  /** The tables built, for tests and the console: name, source ('' for facts), key columns, rows. */
  get tables(): Array<{ name: string; facts: boolean; keys: string[] | null; rows: number }> {
    return [...this.#tables.values()]
      .filter((t): t is Table => t !== null)
      .map((t) => ({ name: t.name, facts: t.source === '', keys: t.keys && [...t.keys].sort(), rows: t.rows }));
  }

  /** Whether idle time has pre-aggregates left to build. */
  get idleWork(): boolean {
    return this.active && this.#plans.size > 0;
  }

  /**
   * The SQL to run for a query: over the smallest pre-aggregate holding its declared columns when
   * its measures allow (built now when none does), over the materialised published cells when it
   * reads them, else as written. Plans the pre-aggregates a click on its view would ask next.
   */
  async route(query: QueryWire): Promise<Routed> {
    const asWritten = { sql: query.sql, table: null };
    const columns = query.columns;
    if (!this.active || !columns || columns.length === 0) return asWritten;
    const source = query.facts ?? '';
    const from = source === '' ? /\bFROM facts\b/g : `FROM (${source}) AS facts`;
    if (typeof from === 'string' ? !query.sql.includes(from) : !/\bFROM facts\b/.test(query.sql)) return asWritten;
    const over = (table: Table): Routed => {
      const sql = query.sql.replaceAll(from, `FROM ${table.name} AS facts`);
      // A keyed pre-aggregate holds counts of records; the materialised cells are rows themselves.
      return { sql: table.keys ? countsOverPreAggregate(query, sql) : sql, table: table.name };
    };
    const summable = (query.measures ?? ['rows']).every((m) => ANSWERABLE.has(m));
    try {
      if (summable) {
        const keys = columns.filter((c) => c !== MEASURE);
        let table = this.#covering(source, keys);
        if (!table || table.rows > SMALL_ROWS) {
          // A shape no small table foresaw (a view's first ask, a second selection): its own is
          // built now (from the base when there is one), and what a click on it would ask next
          // is planned for idle time.
          this.#plan(source, keys);
          table = (await this.#build(source, keys)) ?? table;
        }
        if (table) return over(table);
      }
      if (source === '') return asWritten;
      const cells = await this.#source(source);
      return cells ? over(cells) : asWritten;
    } catch (error) {
      // A declared column the source lacks: the query as written gives the engine's own error.
      console.warn('pre-aggregate not built', error);
      return asWritten;
    }
  }

  /**
   * Builds the next planned pre-aggregate not yet covered; returns whether any remain. When
   * `signal` aborts (a request arrived), the build stops at the engine's next poll and stays planned.
   */
  async buildIdle(signal?: AbortSignal): Promise<boolean> {
    for (let next = this.#nextPlan(); next; next = this.#nextPlan()) {
      const [key, plan] = next;
      this.#plans.delete(key);
      if (!this.active) return false;
      if ((this.#covering(plan.source, plan.keys, false)?.rows ?? Infinity) <= SMALL_ROWS) continue;
      try {
        await this.#build(plan.source, plan.keys, signal);
      } catch (error) {
        // Stopped for a request: built again at the next idle moment.
        if (error instanceof QueryStopped) this.#plans.set(key, plan);
        else console.warn('pre-aggregate not built', error);
      }
      break;
    }
    return this.idleWork;
  }

  /** The columns a click on this view would ask with: the view's own, the filter bar's, one selection. */
  #plan(source: string, keys: readonly string[]): void {
    for (const [rank, selection] of SELECTION_COLUMNS.entries()) {
      const planned = [...new Set([...keys, ...FILTER_COLUMNS, selection])].sort();
      const key = keyOf(source, planned);
      if (!this.#tables.has(key) && !this.#plans.has(key)) this.#plans.set(key, { source, keys: planned, rank });
    }
  }

  /**
   * The planned table to build next: the likeliest click's first (the selections in the filter
   * bar's order: country, program, category, partner, funding, department), and of those, one
   * read from a table already built before one read from `facts`.
   */
  #nextPlan(): [string, Plan] | null {
    let best: [string, Plan] | null = null;
    let bestOrder = Infinity;
    for (const entry of this.#plans) {
      const [, plan] = entry;
      const order = plan.rank * 2 + (this.#covering(plan.source, plan.keys, false) ? 0 : 1);
      if (order < bestOrder) [best, bestOrder] = [entry, order];
    }
    return best;
  }

  /** The smallest pre-aggregate built over `source` holding every one of `keys`; marked as used. */
  #covering(source: string, keys: readonly string[], touch = true): Table | null {
    let best: Table | null = null;
    for (const table of this.#tables.values()) {
      if (!table || table.source !== source || !table.keys) continue;
      if (!keys.every((k) => table.keys!.has(k))) continue;
      if (!best || table.rows < best.rows) best = table;
    }
    if (best && touch) this.#touch(best);
    return best;
  }

  #touch(table: Table): void {
    const key = keyOf(table.source, table.keys ?? ['*']);
    this.#tables.delete(key);
    this.#tables.set(key, table);
  }

  /** The published cells (or another relation read as facts) as a table of their own. */
  async #source(source: string): Promise<Table | null> {
    const key = keyOf(source, ['*']);
    const known = this.#tables.get(key);
    if (known !== undefined) {
      if (known) this.#touch(known);
      return known;
    }
    const name = `preagg_${this.#next++}`;
    const engine = this.#engine!;
    await engine.exec(`CREATE TABLE ${name} AS ${source}`);
    const [{ n } = { n: 0 }] = await engine.query(`SELECT count(*)::INTEGER AS n FROM ${name}`);
    return this.#keep(key, { name, source, keys: null, rows: Number(n) });
  }

  /** Builds the pre-aggregate of `keys` over `source`, from the smallest table holding them; null when it does not pay. */
  async #build(source: string, keys: readonly string[], signal?: AbortSignal): Promise<Table | null> {
    const key = keyOf(source, keys);
    if (this.#tables.has(key)) return null; // built and found not to pay
    if (source === '' && key !== BASE_KEY && !this.#tables.has(BASE_KEY) && keys.every((k) => BASE_COLUMNS.includes(k))) {
      // The first table read from facts is the base: this one and the next are read from it.
      const plan = this.#plans.get(BASE_KEY);
      this.#plans.delete(BASE_KEY);
      try {
        await this.#build('', BASE_COLUMNS, signal);
      } catch (error) {
        if (plan) this.#plans.set(BASE_KEY, plan);
        throw error;
      }
    }
    const base = this.#covering(source, keys) ?? (source === '' ? null : await this.#source(source));
    if (source !== '' && !base) return null;
    const from = base ? base.name : 'facts';
    const fromRows = base ? base.rows : this.#factsRows;
    const name = `preagg_${this.#next++}`;
    const engine = this.#engine!;
    const create = `CREATE TABLE ${name} AS ${preAggregateSql(keys, from, base?.keys != null)}`;
    // In idle time, stoppable between the engine's polls (src/data/pending.ts): a request arriving
    // waits for one poll, not the whole build; a stopped statement leaves no table.
    await (signal ? engine.interruptible(create, signal) : engine.exec(create));
    const [{ n } = { n: 0 }] = await engine.query(`SELECT count(*)::INTEGER AS n FROM ${name}`);
    const rows = Number(n);
    if (rows * 2 > fromRows) {
      await engine.exec(`DROP TABLE ${name}`);
      this.#tables.set(key, null);
      return null;
    }
    return this.#keep(key, { name, source, keys: new Set(keys), rows });
  }

  async #keep(key: string, table: Table): Promise<Table> {
    this.#tables.set(key, table);
    const built = [...this.#tables.entries()].filter((e): e is [string, Table] => e[1] !== null);
    for (const [oldKey, old] of built.slice(0, Math.max(0, built.length - PREAGG_MAX_TABLES))) {
      this.#tables.delete(oldKey);
      this.onDrop(old.name);
      await this.#engine!.exec(`DROP TABLE IF EXISTS ${old.name}`);
    }
    return table;
  }
}
