/**
 * The bundled sample in data/ must reproduce the seed facts of DESIGN.md (from the college's own
 * introduction) and be internally consistent. Every check runs SQL on the real DuckDB engine over
 * the CSV files as they are on disk.
 */
import { csvParse } from 'd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine, readDataFile } from '../helpers/node-engine';
import {
  ACTIVITY_TYPES,
  AGREEMENTS,
  DIRECTIONS,
  EVENT_KINDS,
  EVENTS,
  EXCHANGES,
  FUNDING,
  PARTICIPANT_CATEGORIES,
  PARTNERS,
  PROGRAMS,
  STATUSES,
  TABLES,
} from '../../src/data/schema';

type Engine = Awaited<ReturnType<typeof openNodeEngine>>;
let engine: Engine;

const FILES = TABLES.map((t) => t.file);
/**
 * A bundled file as a relation: every column text, as staff files arrive. Strict RFC 4180 and
 * nothing sniffed (with auto_detect=false DuckDB needs escape='"' spelled out to read "" in a field).
 */
const csv = (file: string) =>
  `read_csv('${file}', header=true, auto_detect=false, delim=',', quote='"', escape='"', strict_mode=true, columns=${columnsOf(file)})`;
function columnsOf(file: string): string {
  const spec = TABLES.find((t) => t.file === file);
  if (!spec) throw new Error(`no spec for ${file}`);
  return `{${spec.columns.map((c) => `'${c.name}': 'VARCHAR'`).join(', ')}}`;
}
/** A date column, month-only values taken as the first of the month. */
const day = (col: string) => `(CASE WHEN length(${col}) = 7 THEN ${col} || '-01' ELSE ${col} END)::DATE`;

const strings = (rows: Record<string, unknown>[], key: string) => rows.map((r) => String(r[key]));

beforeAll(async () => {
  engine = await openNodeEngine();
  for (const file of FILES) await engine.registerText(file, readDataFile(file));
  await engine.exec(`CREATE TABLE ex AS SELECT * FROM ${csv('exchanges.csv')}`);
  await engine.exec(`CREATE TABLE programs AS SELECT * FROM ${csv('programs.csv')}`);
  await engine.exec(`CREATE TABLE partners AS SELECT * FROM ${csv('partners.csv')}`);
  await engine.exec(`CREATE TABLE agreements AS SELECT * FROM ${csv('agreements.csv')}`);
  await engine.exec(`CREATE TABLE events AS SELECT * FROM ${csv('events.csv')}`);
}, 60_000);

afterAll(() => engine?.close());

describe('file format', () => {
  it.each(TABLES.map((t) => [t.file, t] as const))(
    '%s: UTF-8 without BOM, header = schema.ts columns',
    (file, spec) => {
      const text = readDataFile(file);
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      const header = text.split('\n', 1)[0];
      expect(header).toBe(spec.columns.map((c) => c.name).join(','));
    },
  );

  it('DuckDB sniffs the same header and column count (quoting is well formed)', async () => {
    for (const spec of [EXCHANGES, PROGRAMS, PARTNERS, AGREEMENTS, EVENTS]) {
      const rows = await engine.query(
        `SELECT column_name FROM (DESCRIBE SELECT * FROM read_csv('${spec.file}', header=true, all_varchar=true))`,
      );
      expect(strings(rows, 'column_name')).toEqual(spec.columns.map((c) => c.name));
    }
    // A field with a comma and one with doubled quotes survive the round trip.
    const quoted = await engine.query(
      `SELECT count(*)::INTEGER AS n FROM ex WHERE outcomes LIKE '%Design prize, Kaohsiung%' OR outcomes LIKE '%"%'`,
    );
    expect(quoted[0]?.n).toBeGreaterThanOrEqual(2);
  });
});

describe('sanity', () => {
  it('has at least 150 exchange rows', async () => {
    const [row] = await engine.query('SELECT count(*)::INTEGER AS n FROM ex');
    expect(row?.n).toBeGreaterThanOrEqual(150);
  });

  it('has unique record ids of the form EX-YYYY-NNN, the year being the start year', async () => {
    const [row] = await engine.query(`
      SELECT count(*)::INTEGER AS n, count(DISTINCT record_id)::INTEGER AS distinct_ids,
             count(*) FILTER (WHERE NOT regexp_full_match(record_id, 'EX-\\d{4}-\\d{3}'))::INTEGER AS bad_form,
             count(*) FILTER (WHERE substr(record_id, 4, 4) <> substr(start_date, 1, 4))::INTEGER AS bad_year
      FROM ex`);
    expect(row?.distinct_ids).toBe(row?.n);
    expect(row?.bad_form).toBe(0);
    expect(row?.bad_year).toBe(0);
  });

  it('starts every exchange in 2014–2019, with a date of the form YYYY-MM-DD or YYYY-MM', async () => {
    const [row] = await engine.query(`
      SELECT min(year(${day('start_date')}))::INTEGER AS lo, max(year(${day('start_date')}))::INTEGER AS hi,
             count(DISTINCT year(${day('start_date')}))::INTEGER AS years,
             count(*) FILTER (WHERE NOT regexp_full_match(start_date, '\\d{4}-\\d{2}(-\\d{2})?'))::INTEGER AS bad
      FROM ex`);
    expect(row).toEqual({ lo: 2014, hi: 2019, years: 6, bad: 0 });
  });

  it('has end_date ≥ start_date wherever there is an end date', async () => {
    const rows = await engine.query(`
      SELECT record_id FROM ex
      WHERE end_date IS NOT NULL AND (NOT regexp_full_match(end_date, '\\d{4}-\\d{2}-\\d{2}') OR ${day('end_date')} < ${day('start_date')})`);
    expect(strings(rows, 'record_id')).toEqual([]);
    const agreements = await engine.query(
      `SELECT id FROM agreements WHERE end_date IS NOT NULL AND end_date::DATE < signed_date::DATE`,
    );
    expect(agreements).toEqual([]);
    const events = await engine.query(
      `SELECT id FROM events WHERE end_date IS NOT NULL AND ${day('end_date')} < ${day('start_date')}`,
    );
    expect(events).toEqual([]);
  });

  it('resolves every program and partner reference', async () => {
    const programs = await engine.query(
      `SELECT DISTINCT e.program FROM ex e ANTI JOIN programs p ON e.program = p.id WHERE e.program IS NOT NULL`,
    );
    expect(programs).toEqual([]);
    const partners = await engine.query(
      `SELECT DISTINCT e.partner FROM ex e ANTI JOIN partners p ON e.partner = p.id WHERE e.partner IS NOT NULL`,
    );
    expect(partners).toEqual([]);
    const agreementPartners = await engine.query(
      `SELECT a.id FROM agreements a ANTI JOIN partners p ON a.partner = p.id`,
    );
    expect(agreementPartners).toEqual([]);
    // A partner's country is the country of the exchange that names it.
    const mismatched = await engine.query(
      `SELECT e.record_id FROM ex e JOIN partners p ON e.partner = p.id WHERE e.country <> p.country`,
    );
    expect(mismatched).toEqual([]);
    const [ids] = await engine.query(`
      SELECT (SELECT count(*) - count(DISTINCT id) FROM programs)::INTEGER AS programs,
             (SELECT count(*) - count(DISTINCT id) FROM partners)::INTEGER AS partners,
             (SELECT count(*) - count(DISTINCT id) FROM agreements)::INTEGER AS agreements,
             (SELECT count(*) - count(DISTINCT id) FROM events)::INTEGER AS events`);
    expect(ids).toEqual({ programs: 0, partners: 0, agreements: 0, events: 0 });
  });

  it('uses only the enum values of schema.ts, and integer headcounts ≥ 1', async () => {
    const distinct = async (table: string, col: string) =>
      strings(await engine.query(`SELECT DISTINCT ${col} AS v FROM ${table} WHERE ${col} IS NOT NULL`), 'v');
    const within = (values: string[], allowed: readonly string[]) =>
      expect(values.filter((v) => !allowed.includes(v))).toEqual([]);
    within(await distinct('ex', 'direction'), DIRECTIONS);
    within(await distinct('ex', 'participant_category'), PARTICIPANT_CATEGORIES);
    within(await distinct('ex', 'activity_type'), ACTIVITY_TYPES);
    within(await distinct('ex', 'funding'), FUNDING);
    within(await distinct('ex', 'status'), STATUSES);
    within(await distinct('programs', 'activity_type'), ACTIVITY_TYPES);
    within(await distinct('events', 'kind'), EVENT_KINDS);
    within(await distinct('agreements', 'agreement_type'), [
      'academic_exchange',
      'credit_exchange',
      'mou',
      'joint_training',
    ]);
    within(await distinct('agreements', 'status'), ['active', 'expired']);
    const [row] = await engine.query(`
      SELECT count(*) FILTER (WHERE TRY_CAST(headcount AS INTEGER) IS NULL OR headcount::INTEGER < 1)::INTEGER AS bad
      FROM ex`);
    expect(row?.bad).toBe(0);
  });

  it('uses ISO alpha-2 codes (never CN for an exchange) and plausible partner coordinates', async () => {
    const [row] = await engine.query(`
      SELECT count(*) FILTER (WHERE NOT regexp_full_match(country, '[A-Z]{2}') OR country = 'CN')::INTEGER AS bad
      FROM ex`);
    expect(row?.bad).toBe(0);
    const partners = await engine.query(`
      SELECT id FROM partners
      WHERE NOT regexp_full_match(country, '[A-Z]{2}')
         OR abs(latitude::DOUBLE) > 90 OR abs(longitude::DOUBLE) > 180 OR latitude IS NULL OR longitude IS NULL`);
    expect(partners).toEqual([]);
    // Taiwanese partners lie in Taiwan.
    const tw = await engine.query(`
      SELECT id FROM partners WHERE country = 'TW'
        AND NOT (latitude::DOUBLE BETWEEN 21.8 AND 25.4 AND longitude::DOUBLE BETWEEN 119.9 AND 122.1)`);
    expect(tw).toEqual([]);
  });

  it('marks the rows of 2019 Q4 provisional and all others final', async () => {
    const [row] = await engine.query(`
      SELECT count(*) FILTER (WHERE start_date >= '2019-10')::INTEGER AS q4,
             count(*) FILTER (WHERE start_date >= '2019-10' AND status <> 'provisional')::INTEGER AS q4_not_provisional,
             count(*) FILTER (WHERE start_date < '2019-10' AND status <> 'final')::INTEGER AS earlier_not_final
      FROM ex`);
    expect(row?.q4).toBeGreaterThan(0);
    expect(row?.q4_not_provisional).toBe(0);
    expect(row?.earlier_not_final).toBe(0);
  });

  it('grows: more person-trips in 2019 than in 2014', async () => {
    const rows = await engine.query(`
      SELECT year(${day('start_date')})::INTEGER AS y, sum(headcount::INTEGER)::INTEGER AS trips
      FROM ex GROUP BY 1 ORDER BY 1`);
    const trips = new Map(rows.map((r) => [r.y, r.trips as number]));
    expect(trips.get(2019)!).toBeGreaterThan(2 * trips.get(2014)!);
  });
});

describe('seed facts of DESIGN.md', () => {
  it('1. teachers went out to the US, Singapore, UK, Germany, Russia, Romania, Croatia, Bulgaria and Nepal', async () => {
    const rows = await engine.query(`
      SELECT country, sum(headcount::INTEGER)::INTEGER AS trips FROM ex
      WHERE direction = 'outbound' AND participant_category = 'teacher'
      GROUP BY country`);
    const countries = strings(rows, 'country');
    expect(countries).toEqual(expect.arrayContaining(['US', 'SG', 'GB', 'DE', 'RU', 'RO', 'HR', 'BG', 'NP']));
    for (const r of rows) expect(r.trips as number).toBeGreaterThanOrEqual(1);
  });

  it('2. academic exchange agreements with China University of Technology (Taipei) and HungKuang University (Taichung)', async () => {
    const rows = await engine.query(`
      SELECT p.name_en, p.name_zh, p.country, p.city_en, a.status FROM agreements a JOIN partners p ON a.partner = p.id
      WHERE a.agreement_type = 'academic_exchange'`);
    const byName = new Map(rows.map((r) => [r.name_en, r]));
    expect(byName.get('China University of Technology')).toMatchObject({
      name_zh: '中国科技大学',
      country: 'TW',
      city_en: 'Taipei',
    });
    expect(byName.get('HungKuang University')).toMatchObject({
      name_zh: '弘光科技大学',
      country: 'TW',
      city_en: 'Taichung',
    });
  });

  it('3. the provincial Confucius Institute Project sent teachers to Nepal to teach', async () => {
    const [program] = await engine.query(`SELECT name_zh, name_en FROM programs WHERE id = 'confucius-nepal'`);
    expect(program).toEqual({ name_zh: '省教育厅孔子学院项目', name_en: 'Provincial Confucius Institute Project' });
    const rows = await engine.query(`
      SELECT direction, participant_category, activity_type, country, sum(headcount::INTEGER)::INTEGER AS trips
      FROM ex WHERE program = 'confucius-nepal' GROUP BY ALL`);
    expect(rows).toEqual([
      {
        direction: 'outbound',
        participant_category: 'teacher',
        activity_type: 'teaching',
        country: 'NP',
        trips: expect.any(Number),
      },
    ]);
    expect(rows[0]?.trips as number).toBeGreaterThanOrEqual(1);
  });

  it('4. experts, leaders, teachers and students visited from the US, France, Germany, New Zealand, Korea, Japan and Taiwan', async () => {
    const seedCountries = ['US', 'FR', 'DE', 'NZ', 'KR', 'JP', 'TW'];
    const rows = await engine.query(
      `SELECT DISTINCT country, participant_category FROM ex
       WHERE direction = 'inbound' AND country IN (${seedCountries.map((c) => `'${c}'`).join(', ')})`,
    );
    expect(new Set(strings(rows, 'country'))).toEqual(new Set(seedCountries));
    expect(strings(rows, 'participant_category')).toEqual(
      expect.arrayContaining(['expert', 'leader', 'teacher', 'student']),
    );
  });

  it('5. more than 60 students on the credit exchange with the three Taiwanese universities over three consecutive years', async () => {
    const perYear = await engine.query(`
      SELECT year(${day('e.start_date')})::INTEGER AS y, sum(e.headcount::INTEGER)::INTEGER AS students
      FROM ex e JOIN partners p ON e.partner = p.id
      WHERE e.program = 'cross-strait-credit' AND e.direction = 'outbound' AND e.participant_category = 'student'
        AND e.activity_type = 'credit_exchange' AND p.country = 'TW'
      GROUP BY 1 ORDER BY 1`);
    const byYear = new Map(perYear.map((r) => [r.y as number, r.students as number]));
    const windows = [...byYear.keys()].map(
      (y) => (byYear.get(y) ?? 0) + (byYear.get(y + 1) ?? 0) + (byYear.get(y + 2) ?? 0),
    );
    expect(Math.max(...windows)).toBeGreaterThan(60);

    const partners = await engine.query(`
      SELECT DISTINCT p.name_en FROM ex e JOIN partners p ON e.partner = p.id
      WHERE e.program = 'cross-strait-credit' AND e.activity_type = 'credit_exchange'`);
    expect(new Set(strings(partners, 'name_en'))).toEqual(
      new Set(['China University of Technology', 'HungKuang University', 'Fooyin University']),
    );
    const [fooyin] = await engine.query(`SELECT name_zh, city_en FROM partners WHERE name_en = 'Fooyin University'`);
    expect(fooyin).toEqual({ name_zh: '辅英科技大学', city_en: 'Kaohsiung' });
  });

  it('6. outcomes: a design prize in Kaohsiung, an international photography certificate, a tourism certificate', async () => {
    const rows = await engine.query(`
      SELECT trim(o) AS outcome FROM (SELECT unnest(string_split(outcomes, ';')) AS o FROM ex
      WHERE program = 'cross-strait-credit' AND activity_type = 'credit_exchange' AND outcomes IS NOT NULL)`);
    const outcomes = strings(rows, 'outcome').map((o) => o.toLowerCase());
    expect(outcomes.some((o) => o.includes('design prize') && o.includes('kaohsiung'))).toBe(true);
    expect(outcomes.some((o) => o.includes('photography certificate') && o.includes('international'))).toBe(true);
    expect(outcomes.some((o) => o.includes('tourism certificate'))).toBe(true);
    const [award] = await engine.query(
      `SELECT count(*)::INTEGER AS n FROM events WHERE kind = 'award' AND country = 'TW' AND name_en ILIKE '%design prize%kaohsiung%'`,
    );
    expect(award?.n).toBeGreaterThanOrEqual(1);
  });

  it('7. dozens of teachers and students came from China University of Technology and Fooyin University', async () => {
    const rows = await engine.query(`
      SELECT p.name_en, sum(e.headcount::INTEGER)::INTEGER AS trips FROM ex e JOIN partners p ON e.partner = p.id
      WHERE e.direction = 'inbound' AND e.participant_category IN ('teacher', 'student')
        AND p.name_en IN ('China University of Technology', 'Fooyin University')
      GROUP BY 1`);
    expect(rows).toHaveLength(2);
    const total = rows.reduce((s, r) => s + (r.trips as number), 0);
    expect(total).toBeGreaterThanOrEqual(24);
  });

  it('8. forums: China-ASEAN week, Eco Forum Global, China-CEEC dialogue and university conference, vocational summit', async () => {
    const rows = await engine.query(`SELECT DISTINCT name_en FROM events WHERE kind = 'forum'`);
    expect(strings(rows, 'name_en')).toEqual(
      expect.arrayContaining([
        'China-ASEAN Vocational Education Week',
        'Eco Forum Global',
        'China-Central and Eastern European Education Policy (Ministerial) Dialogue',
        'China-CEE University Alliance Annual Conference',
        'China Vocational Education International Cooperation Summit',
      ]),
    );
    const [efg] = await engine.query(`SELECT DISTINCT name_zh FROM events WHERE name_en = 'Eco Forum Global'`);
    expect(efg?.name_zh).toBe('生态文明贵阳国际论坛');
  });

  it('9. memberships: Guizhou association (January 2018), China-CEE Union of Universities (May 2018)', async () => {
    const rows = await engine.query(`
      SELECT name_zh, name_en, strftime(${day('start_date')}, '%Y-%m') AS month FROM events WHERE kind = 'membership'`);
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          name_zh: '贵州省国际教育交流协会',
          name_en: 'Guizhou Educational Association for International Exchange',
          month: '2018-01',
        },
        {
          name_zh: '中国—中东欧国家高校联合会',
          name_en: 'China-Central and Eastern Europe Union of Universities',
          month: '2018-05',
        },
      ]),
    );
  });
});

/**
 * The seed's weight: the countries and partners the college's introduction names lead every ranking; forum contacts
 * such as the ASEAN countries are present but smaller. Computed here in plain TypeScript over the parsed CSV files,
 * not with SQL, and with the lists written out here rather than taken from the app's reference data.
 */
describe("rankings tell the seed's story", () => {
  /** Named by the introduction: teachers went to (fact 1), visitors came from (fact 4), Nepal (fact 3), Taiwan. */
  const SEED_COUNTRIES = ['TW', 'US', 'SG', 'GB', 'DE', 'RU', 'RO', 'HR', 'BG', 'NP', 'FR', 'NZ', 'KR', 'JP'];
  /** ASEAN's members (Timor-Leste included). */
  const ASEAN = ['BN', 'KH', 'ID', 'LA', 'MM', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN'];
  const SEED_PARTNERS = ['cut', 'hungkuang', 'fooyin'];

  const rows = csvParse(readDataFile('exchanges.csv')).map((r) => ({
    year: Number(r.start_date!.slice(0, 4)),
    direction: r.direction!,
    country: r.country!,
    partner: r.partner ?? '',
    program: r.program ?? '',
    headcount: Number(r.headcount),
  }));
  type Row = (typeof rows)[number];
  /** [key, person-trips] from the largest down (ties by key, so the order is fixed). */
  const ranking = (of: Row[], key: (r: Row) => string): [string, number][] => {
    const sums = new Map<string, number>();
    for (const r of of) if (key(r)) sums.set(key(r), (sums.get(key(r)) ?? 0) + r.headcount);
    return [...sums].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const total = (of: Row[]) => of.reduce((s, r) => s + r.headcount, 0);
  const byCountry = ranking(rows, (r) => r.country);
  const trips = new Map(byCountry);

  it('Taiwan, China leads by person-trips, clearly (at least 1.5× the second)', () => {
    expect(byCountry[0]?.[0]).toBe('TW');
    expect(byCountry[0]![1]).toBeGreaterThanOrEqual(1.5 * byCountry[1]![1]);
  });

  it('the countries and regions the seed names fill the top eight ranks', () => {
    const top = byCountry.slice(0, 8).map(([c]) => c);
    expect(top.filter((c) => !SEED_COUNTRIES.includes(c))).toEqual([]);
    // Nepal (the Confucius Institute teachers) and the first countries teachers went to come next to Taiwan.
    expect(top.slice(1, 6)).toEqual(expect.arrayContaining(['NP', 'US', 'GB', 'DE']));
  });

  it('no ASEAN country in the top 3, overall, in each direction and among foreign countries', () => {
    const views: Row[][] = [
      rows,
      rows.filter((r) => r.direction === 'outbound'),
      rows.filter((r) => r.direction === 'inbound'),
      rows.filter((r) => !['TW', 'HK', 'MO'].includes(r.country)),
    ];
    for (const view of views) {
      const top3 = ranking(view, (r) => r.country).slice(0, 3);
      expect(top3.filter(([c]) => ASEAN.includes(c))).toEqual([]);
    }
    // Taiwan leads each direction too.
    expect(ranking(views[1]!, (r) => r.country)[0]?.[0]).toBe('TW');
    expect(ranking(views[2]!, (r) => r.country)[0]?.[0]).toBe('TW');
  });

  it('ASEAN forum contacts are present but a minority: under 25% of all trips, each well under Taiwan', () => {
    const asean = total(rows.filter((r) => ASEAN.includes(r.country)));
    expect(asean / total(rows)).toBeLessThan(0.25);
    for (const c of ['MY', 'TH', 'VN']) expect(trips.get(c) ?? 0).toBeGreaterThan(0);
    for (const [c, n] of byCountry) if (!SEED_COUNTRIES.includes(c)) expect(n, c).toBeLessThan(trips.get('TW')! / 4);
  });

  it('Taiwan, China leads every year from the credit exchange agreements on (2016–2019)', () => {
    for (const year of [2016, 2017, 2018, 2019]) {
      const top = ranking(
        rows.filter((r) => r.year === year),
        (r) => r.country,
      );
      expect(top[0]?.[0], String(year)).toBe('TW');
    }
  });

  it('the three Taiwanese universities lead the partners; the cross-Strait programmes are among the top three', () => {
    const partners = ranking(rows, (r) => r.partner)
      .slice(0, 3)
      .map(([p]) => p);
    expect(new Set(partners)).toEqual(new Set(SEED_PARTNERS));
    const programs = ranking(rows, (r) => r.program).map(([p]) => p);
    expect(programs.slice(0, 3)).toEqual(expect.arrayContaining(['cross-strait-credit', 'cross-strait-visit']));
    expect(programs.indexOf('asean-short')).toBeGreaterThanOrEqual(3);
  });

  it('keeps small cells and large ones: country × year counts of 1–4 and of 20 or more', () => {
    const cells = ranking(rows, (r) => `${r.country} ${r.year}`).map(([, n]) => n);
    expect(cells.filter((n) => n <= 4).length).toBeGreaterThanOrEqual(15);
    expect(cells.filter((n) => n >= 20).length).toBeGreaterThanOrEqual(5);
  });
});
