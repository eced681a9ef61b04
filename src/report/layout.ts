/**
 * The annual report's table as the province's form lays it out, in one language: a title row,
 * the reporting college, the header (No., indicator, unit, value), one row per indicator and a note
 * row with the rules and the date. Pure: the Excel writer (xlsx.ts) and the tests read the same rows.
 */
import { ANNUAL_REPORT, type AnnualReportConfig } from '../config/annual-report';
import { translate } from '../i18n/translate';
import type { Locale } from '../i18n/messages';
import type { ReportLine } from './compute';

export type LayoutCell = string | number | null;

export interface ReportSheet {
  name: string;
  rows: LayoutCell[][];
  /** Cell ranges merged across the table's width (0-based rows). */
  mergedRows: number[];
  width: number;
}

const lang = (locale: Locale) => (locale === 'zh-CN' ? 'zh' : 'en');

export function reportSheet(
  lines: readonly ReportLine[],
  year: number,
  date: string,
  locale: Locale,
  config: AnnualReportConfig = ANNUAL_REPORT,
): ReportSheet {
  const l = lang(locale);
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const rows: LayoutCell[][] = [
    [t('report.xlsx.title', { title: config.title[l], year: String(year) }), null, null, null],
    [t('report.xlsx.college'), null, null, null],
    [t('report.xlsx.no'), t('report.indicator'), t('report.unit'), t('report.value')],
    ...lines.map((line, i) => [i + 1, line.indicator[l], line.indicator.unit[l], line.value]),
    [t('report.xlsx.note', { date }), null, null, null],
  ];
  return { name: config.title[l], rows, mergedRows: [0, 1, rows.length - 1], width: 4 };
}

/** The records behind each figure, one row each, in the page's language. */
export function recordsSheet(lines: readonly ReportLine[], locale: Locale): ReportSheet {
  const l = lang(locale);
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const rows: LayoutCell[][] = [
    [
      t('report.indicator'),
      t('report.record'),
      t('report.headcount'),
      t('report.days'),
      t('report.contribution'),
      t('report.detail'),
    ],
  ];
  for (const line of lines) {
    for (const c of line.contributions) {
      const notes = [c.detail, c.noEnd ? t('report.noEnd') : '', c.provisional ? t('report.provisional') : ''];
      rows.push([line.indicator[l], c.id, c.headcount, c.days, c.value, notes.filter(Boolean).join('; ') || null]);
    }
  }
  return { name: t('report.sheet.records'), rows, mergedRows: [], width: 6 };
}
