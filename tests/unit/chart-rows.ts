/** Fixed rows for the chart snapshot tests: small, hand-made, covering each chart's cases. */
import type {
  BreakdownRow,
  AgreementSpanRow,
  CategoryRow,
  CountryRow,
  DurationRow,
  EventRow,
  NetFlowRow,
  RankedRow,
  RollupRow,
  TrendRow,
  TrendStackRow,
} from '../../src/data/queries';

export const trend: TrendRow[] = [
  { year: 2016, direction: 'inbound', headcount: 4, provisional: false },
  { year: 2016, direction: 'outbound', headcount: 10, provisional: false },
  { year: 2017, direction: 'inbound', headcount: 25, provisional: false },
  { year: 2017, direction: 'outbound', headcount: 18, provisional: false },
  { year: 2018, direction: 'inbound', headcount: 12, provisional: true },
  { year: 2018, direction: 'outbound', headcount: 30, provisional: false },
];

export const trendActivity: TrendStackRow[] = [
  { year: 2016, key: 'credit_exchange', headcount: 8, provisional: false },
  { year: 2016, key: 'training', headcount: 6, provisional: false },
  { year: 2017, key: 'credit_exchange', headcount: 20, provisional: false },
  { year: 2017, key: 'study_visit', headcount: 23, provisional: false },
  { year: 2018, key: 'teaching', headcount: 5, provisional: true },
  { year: 2018, key: 'training', headcount: 37, provisional: false },
];

export const trendCategory: TrendStackRow[] = [
  { year: 2016, key: 'student', headcount: 9, provisional: false },
  { year: 2016, key: 'teacher', headcount: 5, provisional: false },
  { year: 2017, key: 'expert', headcount: 3, provisional: false },
  { year: 2017, key: 'student', headcount: 40, provisional: false },
  { year: 2018, key: 'leader', headcount: 2, provisional: true },
];

export const countries: CountryRow[] = [
  { country: 'TW', region_type: 'hk_macao_tw', direction: 'inbound', headcount: 30, total: 90 },
  { country: 'TW', region_type: 'hk_macao_tw', direction: 'outbound', headcount: 60, total: 90 },
  { country: 'DE', region_type: 'foreign', direction: 'outbound', headcount: 20, total: 24 },
  { country: 'DE', region_type: 'foreign', direction: 'inbound', headcount: 4, total: 24 },
  { country: 'NP', region_type: 'foreign', direction: 'outbound', headcount: 9, total: 9 },
];

const program = (id: string, zh: string, en: string, out: number, inn: number): RankedRow[] => [
  { id, name_zh: zh, name_en: en, country: null, direction: 'outbound', headcount: out, total: out + inn },
  { id, name_zh: zh, name_en: en, country: null, direction: 'inbound', headcount: inn, total: out + inn },
];
export const programs: RankedRow[] = [
  ...program('cross-strait-credit', '海峡两岸学分互认交换生项目', 'Cross-Strait Credit Exchange Program', 40, 12),
  ...program('confucius-nepal', '省教育厅孔子学院项目', 'Provincial Confucius Institute Project', 9, 0),
];

export const partners: RankedRow[] = [
  {
    id: 'fooyin',
    name_zh: '辅英科技大学',
    name_en: 'Fooyin University',
    country: 'TW',
    direction: 'outbound',
    headcount: 20,
    total: 31,
  },
  {
    id: 'fooyin',
    name_zh: '辅英科技大学',
    name_en: 'Fooyin University',
    country: 'TW',
    direction: 'inbound',
    headcount: 11,
    total: 31,
  },
  {
    id: 'de-munich-vet',
    name_zh: '慕尼黑职业教育中心',
    name_en: 'Munich Centre for Vocational Education',
    country: 'DE',
    direction: 'outbound',
    headcount: 6,
    total: 6,
  },
];

export const categories: CategoryRow[] = [
  { category: 'student', direction: 'outbound', headcount: 60 },
  { category: 'student', direction: 'inbound', headcount: 20 },
  { category: 'teacher', direction: 'outbound', headcount: 25 },
  { category: 'expert', direction: 'inbound', headcount: 7 },
];

export const duration: DurationRow[] = [
  { band: 'unknown', direction: 'inbound', headcount: 3, records: 1 },
  { band: 'd1_7', direction: 'inbound', headcount: 30, records: 6 },
  { band: 'd1_7', direction: 'outbound', headcount: 12, records: 4 },
  { band: 'd8_30', direction: 'outbound', headcount: 20, records: 5 },
  { band: 'd91_180', direction: 'outbound', headcount: 40, records: 3 },
];

export const continents: RollupRow[] = [
  { key: 'asia', direction: 'outbound', headcount: 120, countries: 6 },
  { key: 'asia', direction: 'inbound', headcount: 60, countries: 5 },
  { key: 'europe', direction: 'outbound', headcount: 40, countries: 6 },
  { key: 'oceania', direction: 'inbound', headcount: 4, countries: 1 },
];

export const groups: RollupRow[] = [
  { key: 'ceec', direction: 'outbound', headcount: 9, countries: 3 },
  { key: 'asean', direction: 'outbound', headcount: 50, countries: 3 },
  { key: 'asean', direction: 'inbound', headcount: 22, countries: 2 },
];

export const netFlow: NetFlowRow[] = [
  { country: 'US', region_type: 'foreign', inbound: 20, outbound: 5, net: 15 },
  { country: 'TW', region_type: 'hk_macao_tw', inbound: 30, outbound: 60, net: -30 },
  { country: 'NP', region_type: 'foreign', inbound: 0, outbound: 9, net: -9 },
];

const agreement = (
  id: string,
  partner: string,
  name_zh: string,
  name_en: string,
  country: string,
  agreement_type: string,
  signed: string,
  end: string | null,
  status: string,
): AgreementSpanRow => ({ id, partner, name_zh, name_en, country, agreement_type, signed, end, status });
export const agreements: AgreementSpanRow[] = [
  agreement(
    'AG-1',
    'us-portland-cc',
    '波特兰社区技术学院',
    'Portland Community Technical College',
    'US',
    'mou',
    '2014-05-20',
    '2017-05-19',
    'expired',
  ),
  agreement(
    'AG-2',
    'cut',
    '中国科技大学',
    'China University of Technology',
    'TW',
    'academic_exchange',
    '2015-06-18',
    null,
    'active',
  ),
  agreement(
    'AG-3',
    'fooyin',
    '辅英科技大学',
    'Fooyin University',
    'TW',
    'credit_exchange',
    '2016-10-12',
    '2021-10-11',
    'active',
  ),
];

const event = (
  id: string,
  kind: string,
  name_zh: string,
  name_en: string,
  city: string,
  country: string,
  start: string,
  end: string,
  role: string,
  delegates: number | null,
): EventRow => ({ id, kind, name_zh, name_en, city, country, start, end, role, delegates });
export const events: EventRow[] = [
  event(
    'E1',
    'forum',
    '中国—东盟教育交流周',
    'China-ASEAN Vocational Education Week',
    '贵阳',
    'CN',
    '2015-08-03',
    '2015-08-07',
    'participant',
    2,
  ),
  event(
    'E2',
    'membership',
    '中国—中东欧国家高校联合会',
    'China-Central and Eastern Europe Union of Universities',
    '',
    '',
    '2018-05-01',
    '2018-05-01',
    'member',
    null,
  ),
  event(
    'E3',
    'award',
    '高雄设计竞赛奖',
    'Design prize, Kaohsiung',
    '高雄',
    'TW',
    '2017-12-15',
    '2017-12-15',
    'awardee',
    2,
  ),
  event(
    'E4',
    'hosted_visit',
    '新西兰职业教育代表团来访',
    'New Zealand vocational education delegation',
    '安顺',
    'CN',
    '2018-04-16',
    '2018-04-18',
    'host',
    4,
  ),
];

export const funding: BreakdownRow[] = [
  { key: 'college', direction: 'outbound', headcount: 48, total: 60 },
  { key: 'college', direction: 'inbound', headcount: 12, total: 60 },
  { key: 'partner', direction: 'inbound', headcount: 35, total: 35 },
  { key: 'government', direction: 'outbound', headcount: 9, total: 9 },
];

export const departments: BreakdownRow[] = [
  { key: '旅游学院', direction: 'outbound', headcount: 30, total: 41 },
  { key: '旅游学院', direction: 'inbound', headcount: 11, total: 41 },
  { key: '国际交流与合作处', direction: 'inbound', headcount: 25, total: 25 },
  { key: '新设学院', direction: 'outbound', headcount: 4, total: 4 },
];
