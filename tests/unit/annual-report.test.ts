/**
 * The annual report (docs/annual-report.md): the figures the app computes — its SQL on the real
 * engine over the bundled data/, then src/report/compute.ts — equal an independent computation over
 * the CSV files (tests/helpers/expected-report.ts), for every indicator of every year the sample
 * reaches; and the day counting's edge cases.
 */
import { describe, expect, it } from 'vitest';
import { annualReport, daysInYear, type HandCount, type ReportRecord } from '../../src/report/compute';
import { handCountsQuery, reportRecordsQuery, reportYearsQuery, type ReportYears } from '../../src/report/query';
import { ANNUAL_REPORT, indicatorsOf } from '../../src/config/annual-report';
import { ANNUAL_HAND_INDICATORS } from '../../src/domain/enums';
import { useBundledEngine } from '../helpers/bundled-engine';
import { ingest } from '../../src/data/ingest';
import { bundledTexts, openNodeEngine } from '../helpers/node-engine';
import { expectedReport, expectedYears, walkDays } from '../helpers/expected-report';

describe('days within a year (inclusive)', () => {
  it.each([
    ['same-day trip', '2019-05-01', '2019-05-01', 2019, 1],
    ['three days', '2019-03-01', '2019-03-03', 2019, 3],
    ['crossing 31 December: the old year', '2018-12-30', '2019-01-02', 2018, 2],
    ['crossing 31 December: the new year', '2018-12-30', '2019-01-02', 2019, 2],
    ['a whole year inside a long stay', '2017-09-04', '2020-06-30', 2019, 365],
    ['a leap year inside a long stay', '2019-09-02', '2022-06-30', 2020, 366],
    ['a year the stay does not touch', '2019-03-01', '2019-03-03', 2020, 0],
    ['no end date: the start day only', '2019-11-06', null, 2019, 1],
    ['no end date, another year', '2019-11-06', null, 2020, 0],
    ['month-only start, no end: the first of the month', '2019-11', null, 2019, 1],
    ['1 January to 31 December', '2019-01-01', '2019-12-31', 2019, 365],
  ])('%s', (_name, start, end, year, days) => {
    expect(daysInYear(start, end, year)).toBe(days);
    expect(walkDays(start, end ?? '', year)).toBe(days);
  });
});

describe('configuration', () => {
  it('every hand-kept code of data/annual-counts.csv has one indicator, every indicator one source', () => {
    const hand = ANNUAL_REPORT.indicators.flatMap((i) => (i.hand ? [i.hand] : []));
    expect([...hand].sort()).toEqual([...ANNUAL_HAND_INDICATORS].sort());
    for (const i of ANNUAL_REPORT.indicators) expect(Boolean(i.rule) !== Boolean(i.hand)).toBe(true);
    expect(new Set(ANNUAL_REPORT.indicators.map((i) => i.id)).size).toBe(ANNUAL_REPORT.indicators.length);
  });

  it("a row limited to some years' templates is left out of the others", () => {
    const config = {
      ...ANNUAL_REPORT,
      indicators: ANNUAL_REPORT.indicators.map((i) =>
        i.id === 'overseas_branches' ? { ...i, years: { from: 2019 } } : i,
      ),
    };
    expect(indicatorsOf(2018, config).map((i) => i.id)).not.toContain('overseas_branches');
    expect(indicatorsOf(2019, config).map((i) => i.id)).toContain('overseas_branches');
  });
});

describe('the bundled sample: the app equals the independent computation', () => {
  const engine = useBundledEngine();

  async function appReport(year: number) {
    const { sql, params } = reportRecordsQuery(year);
    const records = (await engine().query(sql, params)) as unknown as ReportRecord[];
    const hand = handCountsQuery(year);
    const counts = (await engine().query(hand.sql, hand.params)) as unknown as HandCount[];
    return annualReport(year, records, counts);
  }

  it('the years the view offers are the years the data reaches', async () => {
    const [span] = (await engine().query(reportYearsQuery().sql)) as unknown as ReportYears[];
    const years = expectedYears();
    expect([span?.min, span?.max]).toEqual([years[0], years.at(-1)]);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => years[0]! + i));
  });

  it.each(expectedYears())('%i: every indicator, its value and the records behind it', async (year) => {
    const app = await appReport(year);
    const expected = expectedReport(year);
    expect(
      app.map((l) => ({ id: l.indicator.id, value: l.value, ids: l.contributions.map((c) => c.id).sort() })),
    ).toEqual(expected);
    for (const line of app) {
      expect(line.value).toBe(line.contributions.reduce((s, c) => s + c.value, 0));
      for (const c of line.contributions) {
        if (line.indicator.unit.zh === '人日') expect(c.value).toBe(c.headcount! * c.days!);
      }
    }
  });

  it('the sample gives every indicator a figure in 2019 (worked by hand for the internships)', async () => {
    const app = await appReport(2019);
    for (const line of app) expect(line.value, line.indicator.id).toBeGreaterThan(0);
    // EX-2018-057: 1 Jan – 22 Feb 2019 = 53 days × 3; EX-2019-061: 4 Mar – 30 Aug = 180 × 5; EX-2019-062: 2 Sep – 31 Dec
    // = 121 × 4 (the rest falls in 2020).
    const internships = app.find((l) => l.indicator.id === 'going_global_internships')!;
    expect(internships.value).toBe(53 * 3 + 180 * 5 + 121 * 4);
    expect(internships.contributions.map((c) => [c.id, c.days])).toEqual([
      ['EX-2018-057', 53],
      ['EX-2019-061', 180],
      ['EX-2019-062', 121],
    ]);
    // Full-time students enrolled during 2019: the cohorts of 2017 (3), 2018 (4 + 2) and 2019 (5 + 3).
    expect(app.find((l) => l.indicator.id === 'full_time_students')!.value).toBe(17);
  });
});

describe('data/annual-counts.csv is checked on load like the other files', () => {
  it('refuses an unknown indicator, a negative or fractional value, a year out of range and a repeated id; sums the rest', async () => {
    const engine = await openNodeEngine();
    try {
      const texts = bundledTexts();
      texts.set(
        'annual-counts.csv',
        [
          'id,year,indicator,value,note',
          'A1,2019,overseas_branches,1,Kathmandu',
          'A2,2019,overseas_branches,2,',
          'A3,2019,branch_campuses,1,unknown code',
          'A4,2019,teacher_posts_abroad,-1,',
          'A5,1999,teacher_posts_abroad,1,',
          'A6,2019,teacher_posts_abroad,1.5,',
          'A1,2019,teacher_posts_abroad,4,repeated id',
          '',
        ].join('\n'),
      );
      const files = await ingest(engine, texts);
      const report = files.find((f) => f.file === 'annual-counts.csv')!;
      expect([report.loaded, report.rejected]).toEqual([2, 5]);
      expect(report.problems.map((p) => [p.line, p.column, p.code])).toEqual([
        [4, 'indicator', 'unknown-value'],
        [5, 'value', 'out-of-range'],
        [6, 'year', 'out-of-range'],
        [7, 'value', 'not-integer'],
        [8, 'id', 'duplicate-id'],
      ]);
      const { sql, params } = handCountsQuery(2019);
      const hand = (await engine.query(sql, params)) as unknown as HandCount[];
      const line = annualReport(2019, [], hand).find((l) => l.indicator.id === 'overseas_branches')!;
      expect([line.value, line.contributions.map((c) => c.id)]).toEqual([3, ['A1', 'A2']]);
    } finally {
      engine.close();
    }
  }, 60_000);

  it('an absent file gives zeros, not an error', async () => {
    const engine = await openNodeEngine();
    try {
      const texts = bundledTexts();
      texts.set('annual-counts.csv', null);
      const files = await ingest(engine, texts);
      expect(files.find((f) => f.file === 'annual-counts.csv')?.present).toBe(false);
      const { sql, params } = handCountsQuery(2019);
      const hand = (await engine.query(sql, params)) as unknown as HandCount[];
      for (const line of annualReport(2019, [], hand)) expect(line.value).toBe(0);
    } finally {
      engine.close();
    }
  }, 60_000);
});
