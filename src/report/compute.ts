/**
 * The annual report's figures from the records of a year and the counts kept by hand: pure, no
 * database (src/report/query.ts fetches the rows). Each figure keeps the records behind it, so the
 * view can list them and a reader can check the sum.
 *
 * Days are counted inclusively: a stay from 1 to 3 March is 3 days, a one-day visit (start = end)
 * is 1 day. A stay that crosses 31 December counts, in each year, only its days in that year. A
 * record without an end date counts its start day only (1 day), and is marked so that the office
 * can complete it. A month-only start date (`2019-11`) stands for the first of the month.
 */
import {
  indicatorsOf,
  ANNUAL_REPORT,
  type AnnualReportConfig,
  type Indicator,
  type RecordRule,
} from '../config/annual-report';

/** A record as the report reads it (dates ISO yyyy-mm-dd). */
export interface ReportRecord {
  record_id: string;
  direction: string;
  participant_category: string;
  activity_type: string;
  headcount: number;
  partner: string;
  partner_type: string;
  country: string;
  start_date: string;
  end_date: string | null;
  outcomes: string;
  status: string;
}

/** A row of data/annual-counts.csv. */
export interface HandCount {
  id: string;
  year: number;
  indicator: string;
  value: number;
  note: string;
}

/** What one record (or hand-kept row) adds to a figure. */
export interface Contribution {
  id: string;
  /** Records: headcount and the days counted in the year (null for `persons` and `awards`). */
  headcount: number | null;
  days: number | null;
  value: number;
  /** The record had no end date: its start day only was counted. */
  noEnd: boolean;
  provisional: boolean;
  /** Awards: the outcomes counted; hand-kept rows: the note. */
  detail: string;
}

export interface ReportLine {
  indicator: Indicator;
  value: number;
  contributions: Contribution[];
}

const DAY_MS = 86_400_000;

/** Days since the epoch of an ISO date or a month (`yyyy-mm` = its first day). */
export function dayNumber(iso: string): number {
  const [y, m, d] = (iso.length === 7 ? `${iso}-01` : iso).split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / DAY_MS;
}

/** The days of a stay within `year`, both ends counted; a stay without an end lasts its start day. */
export function daysInYear(start: string, end: string | null, year: number): number {
  const first = Math.max(dayNumber(start), Date.UTC(year, 0, 1) / DAY_MS);
  const last = Math.min(dayNumber(end || start), Date.UTC(year, 11, 31) / DAY_MS);
  return Math.max(0, last - first + 1);
}

/** The first and last report year the records and counts reach (a stay counts in each year it touches). */
export function yearsOf(records: readonly { start_date: string; end_date: string | null }[]): number[] {
  const years = new Set<number>();
  for (const r of records) {
    const from = Number(r.start_date.slice(0, 4));
    const to = Number((r.end_date || r.start_date).slice(0, 4));
    for (let y = from; y <= to; y++) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

function matches(rule: RecordRule, r: ReportRecord): boolean {
  return (
    (rule.directions as readonly string[]).includes(r.direction) &&
    (rule.categories as readonly string[]).includes(r.participant_category) &&
    (rule.activities as readonly string[]).includes(r.activity_type) &&
    (rule.partnerTypes === undefined || rule.partnerTypes.includes(r.partner_type))
  );
}

/** The outcomes of a record that name an award. */
export function awardsOf(outcomes: string, words: readonly string[]): string[] {
  const lower = words.map((w) => w.toLowerCase());
  return outcomes
    .split(';')
    .map((o) => o.trim())
    .filter((o) => o !== '' && lower.some((w) => o.toLowerCase().includes(w)));
}

function recordContribution(rule: RecordRule, r: ReportRecord, year: number): Contribution | null {
  const days = daysInYear(r.start_date, r.end_date, year);
  if (days === 0) return null;
  const base = { id: r.record_id, noEnd: !r.end_date, provisional: r.status === 'provisional' };
  switch (rule.measure) {
    case 'persons':
      return { ...base, headcount: r.headcount, days: null, value: r.headcount, detail: '' };
    case 'person_days':
      return { ...base, headcount: r.headcount, days, value: r.headcount * days, detail: '' };
    case 'awards': {
      if (dayNumber(r.start_date) < Date.UTC(year, 0, 1) / DAY_MS) return null;
      const awards = awardsOf(r.outcomes, rule.awardWords ?? []);
      if (awards.length === 0) return null;
      return { ...base, headcount: null, days: null, value: awards.length, detail: awards.join('; ') };
    }
  }
}

/** The year's table: each indicator of its template with its figure and what makes it up. */
export function annualReport(
  year: number,
  records: readonly ReportRecord[],
  hand: readonly HandCount[],
  config: AnnualReportConfig = ANNUAL_REPORT,
): ReportLine[] {
  return indicatorsOf(year, config).map((indicator) => {
    const contributions: Contribution[] = [];
    if (indicator.rule) {
      for (const r of records) {
        if (!matches(indicator.rule, r)) continue;
        const c = recordContribution(indicator.rule, r, year);
        if (c) contributions.push(c);
      }
    } else if (indicator.hand) {
      for (const h of hand) {
        if (h.year !== year || h.indicator !== indicator.hand) continue;
        contributions.push({
          id: h.id,
          headcount: null,
          days: null,
          value: h.value,
          noEnd: false,
          provisional: false,
          detail: h.note,
        });
      }
    }
    return { indicator, value: contributions.reduce((s, c) => s + c.value, 0), contributions };
  });
}
