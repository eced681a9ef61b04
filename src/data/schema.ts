/**
 * The data model of DESIGN.md: the CSV files the dashboard reads, their
 * columns and enums. Ingest, validation and docs all start from here.
 */
export const DIRECTIONS = ['outbound', 'inbound'] as const;
export const PARTICIPANT_CATEGORIES = ['student', 'teacher', 'staff', 'leader', 'expert', 'other'] as const;
export const ACTIVITY_TYPES = [
  'credit_exchange',
  'short_program',
  'training',
  'study_visit',
  'teaching',
  'internship',
  'degree_study',
  'language_training',
  'official_visit',
  'conference',
  'competition',
  'other',
] as const;
export const FUNDING = ['government', 'provincial', 'college', 'partner', 'self', 'mixed'] as const;
export const STATUSES = ['final', 'provisional'] as const;
export const REGION_TYPES = ['foreign', 'hk_macao_tw'] as const;
export const DURATION_BANDS = ['d1_7', 'd8_30', 'd31_90', 'd91_180', 'd181_plus'] as const;
export const AGREEMENT_STATUSES = ['active', 'expired'] as const;
export const EVENT_KINDS = ['forum', 'membership', 'hosted_visit', 'award'] as const;

export type Direction = (typeof DIRECTIONS)[number];
export type RegionType = (typeof REGION_TYPES)[number];

export type ColumnType = 'text' | 'integer' | 'date' | 'double';

export interface Column {
  name: string;
  /** The Chinese header staff use in their exports. */
  zh: string;
  type: ColumnType;
  required: boolean;
  /** The allowed values of an enum column. */
  values?: readonly string[];
}

export interface TableSpec {
  table: string;
  file: string;
  columns: readonly Column[];
}

const c = (name: string, zh: string, type: ColumnType, required = false, values?: readonly string[]): Column =>
  values ? { name, zh, type, required, values } : { name, zh, type, required };

export const EXCHANGES: TableSpec = {
  table: 'exchanges',
  file: 'exchanges.csv',
  columns: [
    c('record_id', '编号', 'text', true),
    c('direction', '方向', 'text', true, DIRECTIONS),
    c('participant_category', '人员类别', 'text', true, PARTICIPANT_CATEGORIES),
    c('headcount', '人数', 'integer', true),
    c('activity_type', '活动类型', 'text', true, ACTIVITY_TYPES),
    c('program', '项目', 'text'),
    c('country', '国家和地区', 'text', true),
    c('partner', '合作院校', 'text'),
    c('start_date', '开始日期', 'date', true),
    c('end_date', '结束日期', 'date'),
    c('department', '二级学院', 'text'),
    c('funding', '经费来源', 'text', false, FUNDING),
    c('outcomes', '成果', 'text'),
    c('status', '状态', 'text', false, STATUSES),
  ],
};

export const PROGRAMS: TableSpec = {
  table: 'programs',
  file: 'programs.csv',
  columns: [
    c('id', '编号', 'text', true),
    c('name_zh', '中文名称', 'text', true),
    c('name_en', '英文名称', 'text', true),
    c('activity_type', '活动类型', 'text'),
  ],
};

export const PARTNERS: TableSpec = {
  table: 'partners',
  file: 'partners.csv',
  columns: [
    c('id', '编号', 'text', true),
    c('name_zh', '中文名称', 'text', true),
    c('name_en', '英文名称', 'text', true),
    c('country', '国家和地区', 'text', true),
    c('city_zh', '城市', 'text'),
    c('city_en', '城市（英文）', 'text'),
    c('latitude', '纬度', 'double'),
    c('longitude', '经度', 'double'),
    c('partner_type', '院校类型', 'text'),
  ],
};

export const AGREEMENTS: TableSpec = {
  table: 'agreements',
  file: 'agreements.csv',
  columns: [
    c('id', '编号', 'text', true),
    c('partner', '合作院校', 'text', true),
    c('agreement_type', '协议类型', 'text', true),
    c('signed_date', '签署日期', 'date', true),
    c('end_date', '到期日期', 'date'),
    c('status', '状态', 'text', false, AGREEMENT_STATUSES),
  ],
};

export const EVENTS: TableSpec = {
  table: 'events',
  file: 'events.csv',
  columns: [
    c('id', '编号', 'text', true),
    c('kind', '类型', 'text', true, EVENT_KINDS),
    c('name_zh', '中文名称', 'text', true),
    c('name_en', '英文名称', 'text', true),
    c('organizer', '主办方', 'text'),
    c('city', '城市', 'text'),
    c('country', '国家和地区', 'text'),
    c('start_date', '开始日期', 'date', true),
    c('end_date', '结束日期', 'date'),
    c('role', '角色', 'text'),
    c('delegates', '参加人数', 'integer'),
  ],
};

export const TABLES: readonly TableSpec[] = [EXCHANGES, PROGRAMS, PARTNERS, AGREEMENTS, EVENTS];
