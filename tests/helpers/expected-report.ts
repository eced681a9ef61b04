/**
 * The annual report's figures computed independently of the app (no SQL, no src/report code): the
 * CSV text of data/ parsed with d3, days counted by walking the calendar one day at a time, the
 * rules of the configuration read as data and applied here by their documented meaning
 * (docs/annual-report.md).
 */
import { csvParse } from 'd3';
import { ANNUAL_REPORT, type Indicator } from '../../src/config/annual-report';
import { readDataFile } from './node-engine';

/** Days of [start, end] that fall in `year`, by walking the calendar: both ends count; no end = the start day. */
export function walkDays(start: string, end: string, year: number): number {
  const parse = (s: string) => {
    const [y, m, d] = (s.length === 7 ? `${s}-01` : s).split('-').map(Number);
    return new Date(y!, m! - 1, d!, 12); // local noon: no DST edge can skip or repeat a date
  };
  const day = parse(start);
  const last = parse(end === '' ? start : end);
  let n = 0;
  while (day <= last) {
    if (day.getFullYear() === year) n++;
    day.setDate(day.getDate() + 1);
  }
  return n;
}

export interface ExpectedLine {
  id: string;
  value: number;
  /** The ids behind the figure, sorted. */
  ids: string[];
}

export function expectedReport(year: number, dataDir?: string): ExpectedLine[] {
  const exchanges = csvParse(readDataFile('exchanges.csv', dataDir));
  const partnerType = new Map(
    csvParse(readDataFile('partners.csv', dataDir)).map((p) => [p.id!, p.partner_type ?? '']),
  );
  const hand = csvParse(readDataFile('annual-counts.csv', dataDir));
  const inTemplate = (i: Indicator) =>
    (i.years?.from === undefined || year >= i.years.from) && (i.years?.to === undefined || year <= i.years.to);
  return ANNUAL_REPORT.indicators.filter(inTemplate).map((indicator) => {
    let value = 0;
    const ids: string[] = [];
    if (indicator.hand) {
      for (const h of hand) {
        if (Number(h.year) === year && h.indicator === indicator.hand) {
          value += Number(h.value);
          ids.push(h.id!);
        }
      }
    }
    const rule = indicator.rule;
    if (rule) {
      for (const r of exchanges) {
        if (!rule.directions.some((d) => d === r.direction)) continue;
        if (!rule.categories.some((c) => c === r.participant_category)) continue;
        if (!rule.activities.some((a) => a === r.activity_type)) continue;
        if (rule.partnerTypes && !rule.partnerTypes.includes(partnerType.get(r.partner ?? '') ?? '')) continue;
        const days = walkDays(r.start_date!, r.end_date ?? '', year);
        if (days === 0) continue;
        const headcount = Number(r.headcount);
        if (rule.measure === 'persons') value += headcount;
        else if (rule.measure === 'person_days') value += headcount * days;
        else {
          if (Number(r.start_date!.slice(0, 4)) !== year) continue;
          const words = (rule.awardWords ?? []).map((w) => w.toLowerCase());
          const awards = (r.outcomes ?? '')
            .split(';')
            .filter((o) => o.trim() !== '' && words.some((w) => o.toLowerCase().includes(w))).length;
          if (awards === 0) continue;
          value += awards;
        }
        ids.push(r.record_id!);
      }
    }
    return { id: indicator.id, value, ids: ids.sort() };
  });
}

/** Every year a record's stay or a hand-kept count reaches. */
export function expectedYears(dataDir?: string): number[] {
  const years = new Set<number>();
  for (const r of csvParse(readDataFile('exchanges.csv', dataDir))) {
    const from = Number(r.start_date!.slice(0, 4));
    const to = Number((r.end_date || r.start_date!).slice(0, 4));
    for (let y = from; y <= to; y++) years.add(y);
  }
  for (const h of csvParse(readDataFile('annual-counts.csv', dataDir))) years.add(Number(h.year));
  return [...years].sort((a, b) => a - b);
}
