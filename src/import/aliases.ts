/**
 * The words staff use for the model's coded values: enums in English or Chinese, countries and
 * regions by Chinese or English name, ISO codes and common aliases. DuckDB matches cell values
 * against these after the same normalisation (case, width, spaces and punctuation ignored).
 */
import { COUNTRIES } from '../reference/countries';
import { valueSetOf } from '../domain/columns';
import { TABLES } from '../domain/tables';

/** Extra words per enum value, beside the code itself. Keyed by the kind of enum. */
const ENUM_WORDS: Record<string, Record<string, readonly string[]>> = {
  direction: {
    outbound: ['出访', '派出', '出国', '出境', '出国（境）', '赴外', '外出', 'out', 'outgoing', 'sent'],
    inbound: ['来访', '来校', '来华', '入境', '接待', '接待来访', 'in', 'incoming', 'visiting', 'received'],
  },
  participant_category: {
    student: ['学生', '学员', '交换生', 'students'],
    teacher: ['教师', '老师', '教职工', '专任教师', 'teachers', 'faculty', 'lecturer'],
    staff: ['职工', '行政人员', '管理人员', '工作人员', 'administrative staff'],
    leader: ['领导', '校领导', '院领导', '学院领导', 'leaders', 'president'],
    expert: ['专家', '学者', 'experts', 'scholar'],
    other: ['其他', '其它'],
  },
  activity_type: {
    credit_exchange: [
      '学分互认交换',
      '学分互认',
      '交换生',
      '交换学习',
      '学分互认交换（交换生）',
      'credit exchange',
      'exchange',
    ],
    short_program: ['短期项目', '短期研学', '研学', '游学', '夏令营', '冬令营', 'short program'],
    training: ['培训', '研修', '进修', '培训研修', 'training'],
    study_visit: ['考察交流', '访学', '考察', '交流访问', 'study visit', 'visit'],
    teaching: ['任教', '讲学', '授课', '汉语教学', 'teaching', 'lecturing'],
    internship: ['实习', '海外实习', 'internship'],
    degree_study: ['学历学位教育', '学历教育', '学位教育', '留学', 'degree study', 'degree'],
    language_training: ['语言培训', '语言学习', 'language training', 'language course'],
    official_visit: ['公务访问', '公务出访', '出访', '接待来访', '官方访问', 'official visit', 'delegation'],
    conference: ['会议', '论坛', '会议论坛', '国际会议', 'conference', 'forum'],
    competition: ['竞赛', '比赛', '技能大赛', 'competition', 'contest'],
    other: ['其他', '其它'],
  },
  funding: {
    government: ['国家资助', '政府资助', '国家', '政府', '国家留学基金', 'csc'],
    provincial: ['省级资助', '省级', '省教育厅', '省财政'],
    college: ['学院经费', '学校经费', '学院', '学校', '自筹'],
    partner: ['合作方资助', '对方资助', '合作方', '对方承担'],
    self: ['自费', '个人', '个人自费', 'self-funded', 'self funded'],
    mixed: ['混合经费', '混合', '多方'],
  },
  status: {
    final: ['正式', '已核定', '已审核', '确认', 'confirmed'],
    provisional: ['暂定', '待核定', '待审核', '未核定', 'draft'],
  },
  agreement_status: { active: ['有效', '生效', '执行中', 'valid'], expired: ['已到期', '到期', '失效', '过期'] },
  event_kind: {
    forum: ['论坛', '会议', 'conference'],
    membership: ['加入组织', '成员单位', '会员', 'member'],
    hosted_visit: ['接待来访', '接待', 'hosted visit'],
    award: ['获奖', '奖项', '荣誉', 'prize'],
  },
};

/** The enum kind a model column is checked against: its declared value set. */
export function enumKind(table: string, column: string): string {
  const declared = TABLES.find((t) => t.table === table)?.columns.find((c) => c.name === column);
  return declared ? valueSetOf(declared) : column;
}

/** Names beside the reference table's own (its zh and en names, ISO2 and ISO3). */
const COUNTRY_WORDS: Record<string, readonly string[]> = {
  TW: [
    '台湾',
    '台湾地区',
    '中国台湾地区',
    '台湾省',
    '中国台湾省',
    'Taiwan',
    'Taiwan, Province of China',
    'Chinese Taipei',
    '臺灣',
    '中國臺灣',
  ],
  HK: ['香港', '香港特别行政区', '中国香港特别行政区', 'Hong Kong', 'Hong Kong SAR', 'Hong Kong SAR, China', 'HKSAR'],
  MO: ['澳门', '澳门特别行政区', '中国澳门特别行政区', 'Macau', 'Macao', 'Macao SAR', 'Macau, China'],
  KR: [
    '韩国',
    '南韩',
    '大韩民国',
    'Korea',
    'Korea, Republic of',
    'Republic of Korea',
    'Korea (South)',
    'Korea, South',
    'S. Korea',
    'ROK',
  ],
  KP: ['朝鲜', '北韩', "Korea, Democratic People's Republic of", 'North Korea', 'DPRK'],
  VN: ['越南', 'Viet Nam', 'Vietnam', 'Socialist Republic of Viet Nam'],
  US: ['美国', '美利坚合众国', 'USA', 'U.S.', 'U.S.A.', 'United States of America', 'America', 'the United States'],
  GB: ['英国', '大不列颠', 'UK', 'U.K.', 'United Kingdom', 'Great Britain', 'Britain', 'England', '英格兰'],
  RU: ['俄罗斯', '俄罗斯联邦', '俄国', 'Russian Federation'],
  LA: ['老挝', 'Lao PDR', "Lao People's Democratic Republic"],
  CZ: ['捷克', '捷克共和国', 'Czech Republic'],
  IR: ['伊朗', 'Iran, Islamic Republic of'],
  SY: ['叙利亚', 'Syrian Arab Republic'],
  TZ: ['坦桑尼亚', 'Tanzania, United Republic of'],
  MD: ['摩尔多瓦', 'Moldova, Republic of'],
  BO: ['玻利维亚', 'Bolivia, Plurinational State of'],
  VE: ['委内瑞拉', 'Venezuela, Bolivarian Republic of'],
  DE: ['德国', '德意志联邦共和国', 'Federal Republic of Germany'],
  FR: ['法国', '法兰西'],
  JP: ['日本', '日本国'],
  NZ: ['新西兰', '纽西兰'],
  SG: ['新加坡', '新加坡共和国'],
  MY: ['马来西亚', '大马'],
  TH: ['泰国', '泰王国'],
  NP: ['尼泊尔'],
  AU: ['澳大利亚', '澳洲'],
  NL: ['荷兰', 'Holland', 'The Netherlands'],
  CN: ['中国大陆', '中国内地', '大陆', '内地', 'Mainland China', "People's Republic of China", 'PRC'],
  MK: ['北马其顿', '马其顿', 'Macedonia'],
  CI: ['科特迪瓦', 'Ivory Coast'],
  TR: ['土耳其', 'Türkiye', 'Turkiye'],
  MM: ['缅甸', 'Burma'],
  KH: ['柬埔寨', 'Kampuchea'],
  PH: ['菲律宾'],
  ID: ['印尼', '印度尼西亚'],
};

export type AliasRow = readonly [kind: string, alias: string, code: string];

/** Every alias as (kind, alias, code): enum kinds as above, `country` for countries and regions. */
export function aliasRows(): AliasRow[] {
  const rows: AliasRow[] = [];
  for (const spec of TABLES) {
    for (const column of spec.columns) {
      if (!column.values) continue;
      const kind = enumKind(spec.table, column.name);
      for (const value of column.values) rows.push([kind, value, value], [kind, value.replaceAll('_', ' '), value]);
    }
  }
  for (const [kind, words] of Object.entries(ENUM_WORDS)) {
    for (const [code, list] of Object.entries(words)) for (const word of list) rows.push([kind, word, code]);
  }
  for (const c of COUNTRIES) {
    rows.push(
      ['country', c.iso2, c.iso2],
      ['country', c.iso3, c.iso2],
      ['country', c.nameZh, c.iso2],
      ['country', c.nameEn, c.iso2],
    );
  }
  for (const [iso2, words] of Object.entries(COUNTRY_WORDS))
    for (const word of words) rows.push(['country', word, iso2]);
  return rows;
}

const field = (v: string) => `"${v.replaceAll('"', '""')}"`;

/** The aliases as CSV, for DuckDB. */
export function aliasesCsv(): string {
  return ['kind,alias,code', ...aliasRows().map((r) => r.map(field).join(','))].join('\n') + '\n';
}
