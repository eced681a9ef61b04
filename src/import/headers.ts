/**
 * Column headers as staff write them (English, Chinese, with units or brackets) mapped to the data
 * model of schema.ts; and the headers that hold personal data, which are dropped.
 */
import type { TableSpec } from '../domain/columns';
import { AGREEMENTS, EVENTS, EXCHANGES, PARTNERS, PROGRAMS, TABLES } from '../domain/tables';

/** A header reduced to what tells columns apart: no case, width, spaces, punctuation or units. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/[\s_\-./\\:：,，、'"“”*#№]+/g, '');
}

/** Besides each column's own name and schema.ts's Chinese header. */
const VARIANTS: Record<string, Record<string, readonly string[]>> = {
  [EXCHANGES.table]: {
    record_id: ['id', 'record id', 'record no', '记录编号', '序号编码', '交流编号', 'no'],
    direction: ['出访来访', '交流方向', '派出来访', '类型方向', 'type of exchange'],
    participant_category: ['类别', '人员类型', '身份', '人员身份', 'category', 'participant', 'participants type'],
    headcount: [
      '人次',
      '人数人次',
      '数量',
      '参加人数',
      'number',
      'number of people',
      'participants',
      'count',
      'persons',
    ],
    activity_type: ['交流类型', '活动类别', '项目类型', 'activity', 'type of activity', 'activity type'],
    program: ['项目名称', '所属项目', 'programme', 'program id', 'project'],
    country: ['国家', '国家地区', '国家/地区', '国别', '国家或地区', '地区', 'country', 'country/region', 'region'],
    partner: ['合作单位', '合作学校', '合作机构', '对方院校', '对方单位', '院校', 'partner institution', 'institution'],
    start_date: [
      '开始时间',
      '出发日期',
      '出发时间',
      '起始日期',
      '来访日期',
      '出访日期',
      '日期',
      'start',
      'from',
      'date',
    ],
    end_date: ['结束时间', '返回日期', '回国日期', '截止日期', '离校日期', 'end', 'to', 'until'],
    department: ['部门', '学院', '院系', '所在单位', '所在部门', '派出单位', 'college', 'school', 'dept'],
    funding: ['经费', '资金来源', '经费类型', 'funding source', 'funded by'],
    outcomes: ['交流成果', '主要成果', 'results', 'outcome'],
    status: ['数据状态', '审核状态'],
  },
  [PROGRAMS.table]: {
    id: ['项目编号', 'program id'],
    name_zh: ['项目名称', '名称', '中文名', 'name', 'chinese name'],
    name_en: ['英文名', 'english name'],
  },
  [PARTNERS.table]: {
    id: ['院校编号', 'partner id'],
    name_zh: ['院校名称', '名称', '中文名', '学校名称', 'name', 'chinese name'],
    name_en: ['英文名', 'english name'],
    country: ['国家', '国家地区', '国别', '地区', 'country/region'],
    city_zh: ['所在城市', 'city'],
    latitude: ['lat'],
    longitude: ['lon', 'lng'],
    partner_type: ['类型', '院校类别', 'type'],
  },
  [AGREEMENTS.table]: {
    partner: ['合作单位', '对方院校', '院校'],
    agreement_type: ['类型', '协议类别', 'type'],
    signed_date: ['签订日期', '签约日期', '签署时间', 'signed', 'date'],
    end_date: ['有效期至', '截止日期', 'expires', 'expiry'],
  },
  [EVENTS.table]: {
    kind: ['活动类型', 'type'],
    name_zh: ['活动名称', '名称', 'name'],
    start_date: ['日期', '开始时间', 'date'],
    delegates: ['人数', '参会人数'],
  },
};

/** Headers that name a person or identify one (PIPL): the column is dropped, never read. */
const PERSONAL = [
  '姓名',
  '名字',
  '人员姓名',
  '教师姓名',
  '学生姓名',
  '联系人',
  'name',
  'fullname',
  'surname',
  'firstname',
  'lastname',
  '身份证',
  '身份证号',
  '身份证号码',
  '证件号',
  '证件号码',
  'idcard',
  'idnumber',
  '护照',
  '护照号',
  '护照号码',
  'passport',
  'passportno',
  'passportnumber',
  '电话',
  '手机',
  '手机号',
  '联系电话',
  '联系方式',
  'phone',
  'mobile',
  'email',
  '邮箱',
  '电子邮箱',
  '学号',
  '工号',
  'studentid',
  'studentno',
  'staffid',
  '出生日期',
  '生日',
  'birthday',
  'dateofbirth',
  '家庭住址',
  '住址',
  'address',
].map(headerKey);

export function isPersonalHeader(header: string): boolean {
  const key = headerKey(header);
  return (
    key !== '' && PERSONAL.some((p) => key === p || (p.length >= 2 && /[\u4e00-\u9fff]/.test(p) && key.includes(p)))
  );
}

function aliasesOf(spec: TableSpec): Map<string, string> {
  const map = new Map<string, string>();
  const add = (alias: string, column: string) => {
    const key = headerKey(alias);
    if (key && !map.has(key)) map.set(key, column);
  };
  for (const column of spec.columns) add(column.name, column.name);
  for (const column of spec.columns) add(column.zh, column.name);
  for (const [column, variants] of Object.entries(VARIANTS[spec.table] ?? {})) {
    for (const alias of variants) add(alias, column);
  }
  return map;
}

const ALIASES = new Map(TABLES.map((spec) => [spec.table, aliasesOf(spec)]));

/** The model column a header names in this table, or null. */
export function columnFor(spec: TableSpec, header: string): string | null {
  return ALIASES.get(spec.table)?.get(headerKey(header)) ?? null;
}

export interface MappedColumn {
  /** Position in the record. */
  index: number;
  header: string;
  /** The model column it fills, or null when it is ignored. */
  target: string | null;
  personal: boolean;
}

/**
 * Each header's column in the model. The first header that names a column wins; a later one for
 * the same column is left unmapped (and shown), never merged. `overrides` are the user's choices
 * by header name: a column name, or null to ignore.
 */
export function mapHeaders(
  spec: TableSpec,
  headers: readonly string[],
  overrides: Readonly<Record<string, string | null>> = {},
): MappedColumn[] {
  const taken = new Set<string>();
  const names = new Set(spec.columns.map((c) => c.name));
  return headers.map((header, index) => {
    const personal = columnFor(spec, header) === null && isPersonalHeader(header);
    let target: string | null = null;
    if (!personal) {
      target = header in overrides ? (overrides[header] ?? null) : columnFor(spec, header);
      if (target !== null && (!names.has(target) || taken.has(target))) target = null;
      if (target !== null) taken.add(target);
    }
    return { index, header, target, personal };
  });
}

/** The table a file is for: by its name when it says, else by how many headers its columns match. */
export function guessTable(fileName: string, headers: readonly string[]): TableSpec {
  const base = fileName.toLowerCase().replace(/\.[^.]*$/, '');
  const byName = TABLES.find((spec) => base === spec.table || base.startsWith(`${spec.table}`));
  if (byName) return byName;
  if (/合作院校|院校|partner/.test(base)) return PARTNERS;
  if (/协议|agreement/.test(base)) return AGREEMENTS;
  if (/项目|program/.test(base)) return PROGRAMS;
  if (/活动|论坛|event/.test(base)) return EVENTS;
  let best = EXCHANGES;
  let bestScore = 0;
  for (const spec of TABLES) {
    const found = new Set(headers.map((h) => columnFor(spec, h)).filter((c) => c !== null));
    const required = spec.columns.filter((c) => c.required && found.has(c.name)).length;
    const score = required * 2 + found.size - (spec.columns.length - found.size) * 0.1;
    if (score > bestScore + 0.5) {
      best = spec;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Headers made unique and non-blank, predictably: a blank header becomes `column_N` (its
 * 1-based position), a repeated one gets `_2`, `_3`, … in order of appearance.
 */
export function cleanHeaders(raw: readonly string[]): { names: string[]; renamed: { from: string; to: string }[] } {
  const seen = new Set<string>();
  const renamed: { from: string; to: string }[] = [];
  const names = raw.map((value, i) => {
    const trimmed = value
      .replace(/^\uFEFF/, '')
      .replace(/[\s\u00a0\u3000]+/g, ' ')
      .trim();
    let name = trimmed === '' ? `column_${i + 1}` : trimmed;
    if (seen.has(name)) {
      let k = 2;
      while (seen.has(`${name}_${k}`)) k++;
      name = `${name}_${k}`;
    }
    seen.add(name);
    if (name !== trimmed) renamed.push({ from: trimmed, to: name });
    return name;
  });
  return { names, renamed };
}
