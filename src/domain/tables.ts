/**
 * The data files of DESIGN.md and each column's rules, declared once (see columns.ts for what each
 * rule means). Bounds are the importer's as it enforced them before this declaration existed.
 */
import type { Column, TableSpec } from './columns';
import {
  ACTIVITY_TYPES,
  AGREEMENT_STATUSES,
  ANNUAL_HAND_INDICATORS,
  DIRECTIONS,
  EVENT_KINDS,
  FUNDING,
  PARTICIPANT_CATEGORIES,
  STATUSES,
} from './enums';

/** The most person-trips one row may hold: a larger figure is a typing error, not a trip. */
export const HEADCOUNT_MAX = 10_000;

const text = (name: string, zh: string, rules: Partial<Column> = {}): Column => ({
  name,
  zh,
  type: 'text',
  required: false,
  ...rules,
});
const id = (zh = '编号'): Column => text('id', zh, { required: true, unique: true });
/** A trip may end early next year; nothing starts in a year that has not come. */
const startDate = (name: string, zh: string): Column => ({ name, zh, type: 'date', required: true, latestYear: 0 });
const endDate = (zh: string, after: string, latestYear: number | null = 1): Column => ({
  name: 'end_date',
  zh,
  type: 'date',
  required: false,
  notBefore: after,
  ...(latestYear === null ? {} : { latestYear }),
});
const PARTNER_REF = { table: 'partners', column: 'id', names: ['name_zh', 'name_en'] } as const;
const PROGRAM_REF = { table: 'programs', column: 'id', names: ['name_zh', 'name_en'] } as const;

export const EXCHANGES: TableSpec = {
  table: 'exchanges',
  file: 'exchanges.csv',
  columns: [
    text('record_id', '编号', { required: true, unique: true }),
    text('direction', '方向', { required: true, values: DIRECTIONS }),
    text('participant_category', '人员类别', { required: true, values: PARTICIPANT_CATEGORIES }),
    {
      name: 'headcount',
      zh: '人数',
      type: 'integer',
      required: true,
      range: { min: 1, max: HEADCOUNT_MAX, below: 'headcount-min', above: 'headcount-max' },
    },
    text('activity_type', '活动类型', { required: true, values: ACTIVITY_TYPES }),
    text('program', '项目', { references: PROGRAM_REF }),
    text('country', '国家和地区', { required: true, country: { mainland: false } }),
    text('partner', '合作院校', { references: PARTNER_REF }),
    startDate('start_date', '开始日期'),
    endDate('结束日期', 'start_date'),
    text('department', '二级学院'),
    text('funding', '经费来源', { values: FUNDING }),
    text('outcomes', '成果'),
    text('status', '状态', { values: STATUSES }),
  ],
};

export const PROGRAMS: TableSpec = {
  table: 'programs',
  file: 'programs.csv',
  columns: [
    id(),
    text('name_zh', '中文名称', { required: true }),
    text('name_en', '英文名称', { required: true }),
    text('activity_type', '活动类型'),
  ],
};

export const PARTNERS: TableSpec = {
  table: 'partners',
  file: 'partners.csv',
  columns: [
    id(),
    text('name_zh', '中文名称', { required: true }),
    text('name_en', '英文名称', { required: true }),
    text('country', '国家和地区', { required: true, country: { mainland: true } }),
    text('city_zh', '城市'),
    text('city_en', '城市（英文）'),
    { name: 'latitude', zh: '纬度', type: 'double', required: false, range: { min: -90, max: 90 } },
    { name: 'longitude', zh: '经度', type: 'double', required: false, range: { min: -180, max: 180 } },
    text('partner_type', '院校类型'),
  ],
};

export const AGREEMENTS: TableSpec = {
  table: 'agreements',
  file: 'agreements.csv',
  columns: [
    id(),
    text('partner', '合作院校', { required: true, references: PARTNER_REF }),
    text('agreement_type', '协议类型', { required: true }),
    startDate('signed_date', '签署日期'),
    // An agreement is signed for years ahead: its expiry has no upper bound.
    endDate('到期日期', 'signed_date', null),
    text('status', '状态', { values: AGREEMENT_STATUSES, valueSet: 'agreement_status' }),
  ],
};

export const EVENTS: TableSpec = {
  table: 'events',
  file: 'events.csv',
  columns: [
    id(),
    text('kind', '类型', { required: true, values: EVENT_KINDS, valueSet: 'event_kind' }),
    text('name_zh', '中文名称', { required: true }),
    text('name_en', '英文名称', { required: true }),
    text('organizer', '主办方'),
    text('city', '城市'),
    text('country', '国家和地区', { country: { mainland: true } }),
    startDate('start_date', '开始日期'),
    endDate('结束日期', 'start_date'),
    text('role', '角色'),
    { name: 'delegates', zh: '参加人数', type: 'integer', required: false, range: { min: 0 } },
  ],
};

/**
 * The annual report's counts kept by hand (docs/annual-report.md): one row per figure or per item
 * (an overseas branch, an adopted standard), summed by year and indicator.
 */
export const ANNUAL_COUNTS: TableSpec = {
  table: 'annual_counts',
  file: 'annual-counts.csv',
  columns: [
    id(),
    { name: 'year', zh: '年度', type: 'integer', required: true, range: { min: 2000, max: 2100 } },
    text('indicator', '指标', { required: true, values: ANNUAL_HAND_INDICATORS, valueSet: 'annual_indicator' }),
    { name: 'value', zh: '数值', type: 'integer', required: true, range: { min: 0, max: 100_000 } },
    text('note', '说明'),
  ],
};

export const TABLES: readonly TableSpec[] = [EXCHANGES, PROGRAMS, PARTNERS, AGREEMENTS, EVENTS, ANNUAL_COUNTS];

/** The tables in the order they load: every table after the tables its columns reference. */
export function loadOrder(tables: readonly TableSpec[] = TABLES): TableSpec[] {
  const order: TableSpec[] = [];
  const visit = (table: TableSpec) => {
    if (order.includes(table)) return;
    for (const column of table.columns) {
      const referenced = tables.find((t) => t.table === column.references?.table);
      if (referenced && referenced !== table) visit(referenced);
    }
    order.push(table);
  };
  tables.forEach(visit);
  return order;
}
