#!/usr/bin/env node
/**
 * Writes the bundled ILLUSTRATIVE sample data into data/: exchanges.csv, programs.csv,
 * partners.csv, agreements.csv, events.csv and annual-counts.csv (the annual report's counts kept
 * by hand, docs/annual-report.md).
 *
 * This is not the college's real record. It is made up to be consistent with the nine seed
 * facts of DESIGN.md (taken from the college's own introduction) and to give the charts some
 * texture over 2014–2019. Its weight is the introduction's: Taiwan, China (the credit exchange and
 * the visits of three universities) leads, then the countries teachers went to and visitors came
 * from (Nepal, the US, the UK, Germany, …); the ASEAN countries met at forums are present but
 * smaller. tests/unit/seed-facts.test.ts holds both. Apart from the three Taiwanese universities
 * named in that introduction, the partner institutions are invented for illustration.
 *
 * Deterministic: a fixed-seed PRNG (mulberry32), no clock, no dependencies. Run:
 *   node scripts/make-sample.mjs
 * Column names and order follow src/data/schema.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');

// ---------------------------------------------------------------------------
// Helpers

/** mulberry32: a tiny 32-bit seeded PRNG. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = mulberry32(20191231);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (list) => list[Math.floor(rand() * list.length)];
const chance = (p) => rand() < p;

const pad = (n) => String(n).padStart(2, '0');
const ymd = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;
const DAY = 86400000;
function addDays(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
function daysInMonth(y, m) {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** One CSV field: quoted when it holds a comma, a quote or a line break. */
function field(value) {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? String(value) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function writeCsv(file, columns, rows) {
  const lines = [columns.join(',')];
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!columns.includes(key)) throw new Error(`${file}: unknown column ${key}`);
    }
    lines.push(columns.map((c) => field(row[c])).join(','));
  }
  // UTF-8 without BOM, LF line ends, a final newline.
  writeFileSync(join(DATA_DIR, file), lines.join('\n') + '\n', 'utf8');
  return rows.length;
}

// Column order of src/data/schema.ts.
const COLUMNS = {
  exchanges: [
    'record_id',
    'direction',
    'participant_category',
    'headcount',
    'activity_type',
    'program',
    'country',
    'partner',
    'start_date',
    'end_date',
    'department',
    'funding',
    'outcomes',
    'status',
  ],
  programs: ['id', 'name_zh', 'name_en', 'activity_type'],
  partners: ['id', 'name_zh', 'name_en', 'country', 'city_zh', 'city_en', 'latitude', 'longitude', 'partner_type'],
  agreements: ['id', 'partner', 'agreement_type', 'signed_date', 'end_date', 'status'],
  events: [
    'id',
    'kind',
    'name_zh',
    'name_en',
    'organizer',
    'city',
    'country',
    'start_date',
    'end_date',
    'role',
    'delegates',
  ],
  annualCounts: ['id', 'year', 'indicator', 'value', 'note'],
};

// ---------------------------------------------------------------------------
// Reference files

// prettier-ignore
const PROGRAMS = [
  { id: 'confucius-nepal', name_zh: '省教育厅孔子学院项目', name_en: 'Provincial Confucius Institute Project', activity_type: 'teaching' },
  { id: 'cross-strait-credit', name_zh: '海峡两岸学分互认交换生项目', name_en: 'Cross-Strait Credit Exchange Program', activity_type: 'credit_exchange' },
  { id: 'cross-strait-visit', name_zh: '台湾地区师生来校交流项目', name_en: 'Cross-Strait Visiting Teachers and Students', activity_type: 'study_visit' },
  { id: 'teacher-training-abroad', name_zh: '教师境外研修项目', name_en: 'Teacher Training Abroad', activity_type: 'training' },
  { id: 'asean-short', name_zh: '东盟国家短期研学项目', name_en: 'ASEAN Short-Term Study Program', activity_type: 'short_program' },
  { id: 'ceec-exchange', name_zh: '中国—中东欧国家教育交流项目', name_en: 'China-CEEC Education Exchange', activity_type: 'study_visit' },
  { id: 'foreign-experts', name_zh: '外国专家来校讲学项目', name_en: 'Visiting Foreign Experts', activity_type: 'teaching' },
  { id: 'overseas-internship', name_zh: '境外实习项目', name_en: 'Overseas Internship Program', activity_type: 'internship' },
];

// City coordinates (city centre, not the campus), rounded to 0.01°.
// prettier-ignore
const PARTNERS = [
  { id: 'cut', name_zh: '中国科技大学', name_en: 'China University of Technology', country: 'TW', city_zh: '台北', city_en: 'Taipei', latitude: 25.03, longitude: 121.57, partner_type: 'university' },
  { id: 'hungkuang', name_zh: '弘光科技大学', name_en: 'HungKuang University', country: 'TW', city_zh: '台中', city_en: 'Taichung', latitude: 24.15, longitude: 120.67, partner_type: 'university' },
  { id: 'fooyin', name_zh: '辅英科技大学', name_en: 'Fooyin University', country: 'TW', city_zh: '高雄', city_en: 'Kaohsiung', latitude: 22.63, longitude: 120.3, partner_type: 'university' },
  { id: 'us-portland-cc', name_zh: '波特兰社区技术学院', name_en: 'Portland Community Technical College', country: 'US', city_zh: '波特兰', city_en: 'Portland', latitude: 45.52, longitude: -122.68, partner_type: 'vocational_college' },
  { id: 'de-munich-vet', name_zh: '慕尼黑职业教育中心', name_en: 'Munich Centre for Vocational Education', country: 'DE', city_zh: '慕尼黑', city_en: 'Munich', latitude: 48.14, longitude: 11.58, partner_type: 'vocational_college' },
  { id: 'gb-birmingham-tc', name_zh: '伯明翰技术学院', name_en: 'Birmingham Technical College', country: 'GB', city_zh: '伯明翰', city_en: 'Birmingham', latitude: 52.49, longitude: -1.89, partner_type: 'vocational_college' },
  { id: 'sg-applied', name_zh: '新加坡应用技术学院', name_en: 'Singapore Institute of Applied Technology', country: 'SG', city_zh: '新加坡', city_en: 'Singapore', latitude: 1.29, longitude: 103.85, partner_type: 'vocational_college' },
  { id: 'ru-kazan-tu', name_zh: '喀山技术学院', name_en: 'Kazan Technical College', country: 'RU', city_zh: '喀山', city_en: 'Kazan', latitude: 55.79, longitude: 49.12, partner_type: 'vocational_college' },
  { id: 'ro-cluj', name_zh: '克卢日-纳波卡理工学院', name_en: 'Cluj-Napoca Polytechnic College', country: 'RO', city_zh: '克卢日-纳波卡', city_en: 'Cluj-Napoca', latitude: 46.77, longitude: 23.6, partner_type: 'university' },
  { id: 'np-kathmandu', name_zh: '加德满都职业技术学院', name_en: 'Kathmandu Technical College', country: 'NP', city_zh: '加德满都', city_en: 'Kathmandu', latitude: 27.72, longitude: 85.32, partner_type: 'vocational_college' },
  { id: 'kr-jeonju', name_zh: '全州职业学院', name_en: 'Jeonju Vocational College', country: 'KR', city_zh: '全州', city_en: 'Jeonju', latitude: 35.82, longitude: 127.15, partner_type: 'vocational_college' },
  { id: 'th-chiangmai', name_zh: '清迈职业技术学院', name_en: 'Chiang Mai Vocational and Technical College', country: 'TH', city_zh: '清迈', city_en: 'Chiang Mai', latitude: 18.79, longitude: 98.98, partner_type: 'vocational_college' },
  { id: 'my-kl-tourism', name_zh: '吉隆坡旅游酒店学院', name_en: 'Kuala Lumpur College of Tourism and Hospitality', country: 'MY', city_zh: '吉隆坡', city_en: 'Kuala Lumpur', latitude: 3.14, longitude: 101.69, partner_type: 'vocational_college' },
  { id: 'jp-osaka-hotel', name_zh: '大阪酒店管理株式会社', name_en: 'Osaka Hotel Management Co., Ltd.', country: 'JP', city_zh: '大阪', city_en: 'Osaka', latitude: 34.69, longitude: 135.5, partner_type: 'enterprise' },
  // Chinese enterprises abroad ("走出去" enterprises) that take interns: the annual report counts their internships.
  { id: 'la-cn-construction', name_zh: '中资建设企业老挝项目部', name_en: 'Chinese Construction Enterprise, Laos Project Office', country: 'LA', city_zh: '万象', city_en: 'Vientiane', latitude: 17.97, longitude: 102.63, partner_type: 'going_global_enterprise' },
  { id: 'my-cn-hotel', name_zh: '中资酒店集团新山酒店', name_en: 'Chinese Hotel Group, Johor Bahru Hotel', country: 'MY', city_zh: '新山', city_en: 'Johor Bahru', latitude: 1.46, longitude: 103.76, partner_type: 'going_global_enterprise' },
];

// prettier-ignore
const AGREEMENTS = [
  { id: 'AG-2014-01', partner: 'us-portland-cc', agreement_type: 'mou', signed_date: '2014-05-20', end_date: '2017-05-19', status: 'expired' },
  { id: 'AG-2015-01', partner: 'cut', agreement_type: 'academic_exchange', signed_date: '2015-06-18', end_date: '', status: 'active' },
  { id: 'AG-2015-02', partner: 'hungkuang', agreement_type: 'academic_exchange', signed_date: '2015-12-08', end_date: '', status: 'active' },
  { id: 'AG-2016-01', partner: 'cut', agreement_type: 'credit_exchange', signed_date: '2016-10-25', end_date: '2021-10-24', status: 'active' },
  { id: 'AG-2016-02', partner: 'hungkuang', agreement_type: 'credit_exchange', signed_date: '2016-11-15', end_date: '2021-11-14', status: 'active' },
  { id: 'AG-2016-03', partner: 'fooyin', agreement_type: 'credit_exchange', signed_date: '2016-10-12', end_date: '2021-10-11', status: 'active' },
  { id: 'AG-2017-01', partner: 'th-chiangmai', agreement_type: 'mou', signed_date: '2017-03-16', end_date: '', status: 'active' },
  { id: 'AG-2018-01', partner: 'de-munich-vet', agreement_type: 'joint_training', signed_date: '2018-06-27', end_date: '2023-06-26', status: 'active' },
  { id: 'AG-2018-02', partner: 'ro-cluj', agreement_type: 'mou', signed_date: '2018-09-12', end_date: '', status: 'active' },
  { id: 'AG-2019-01', partner: 'my-kl-tourism', agreement_type: 'joint_training', signed_date: '2019-04-09', end_date: '', status: 'active' },
];

// ---------------------------------------------------------------------------
// Events (forums, memberships, hosted visits, awards)

const ASEAN_WEEK = {
  zh: '中国—东盟教育交流周',
  en: 'China-ASEAN Vocational Education Week',
  org: '教育部、外交部、贵州省人民政府',
};
// prettier-ignore
const EVENTS = [
  // Seed fact 8: forums.
  ...[
    [2015, '2015-08-03', '2015-08-07', 'participant', 2],
    [2016, '2016-08-01', '2016-08-05', 'participant', 3],
    [2017, '2017-07-31', '2017-08-04', 'participant', 3],
    [2018, '2018-07-23', '2018-07-27', 'speaker', 4],
    [2019, '2019-07-22', '2019-07-26', 'speaker', 5],
  ].map(([y, s, e, role, n]) => ({
    id: `EV-${y}-ASEAN`,
    kind: 'forum',
    name_zh: ASEAN_WEEK.zh,
    name_en: ASEAN_WEEK.en,
    organizer: ASEAN_WEEK.org,
    city: '贵阳',
    country: 'CN',
    start_date: s,
    end_date: e,
    role,
    delegates: n,
  })),
  { id: 'EV-2018-EFG', kind: 'forum', name_zh: '生态文明贵阳国际论坛', name_en: 'Eco Forum Global', organizer: '生态文明贵阳国际论坛秘书处', city: '贵阳', country: 'CN', start_date: '2018-07-06', end_date: '2018-07-08', role: 'participant', delegates: 3 },
  { id: 'EV-2018-CEEC-DIALOGUE', kind: 'forum', name_zh: '中国—中东欧国家教育政策对话', name_en: 'China-Central and Eastern European Education Policy (Ministerial) Dialogue', organizer: '教育部', city: '深圳', country: 'CN', start_date: '2018-05-28', end_date: '2018-05-28', role: 'participant', delegates: 2 },
  { id: 'EV-2018-CEEC-UNI', kind: 'forum', name_zh: '中国—中东欧国家高校联合会年会', name_en: 'China-CEE University Alliance Annual Conference', organizer: '中国—中东欧国家高校联合会', city: '深圳', country: 'CN', start_date: '2018-05-29', end_date: '2018-05-29', role: 'participant', delegates: 2 },
  { id: 'EV-2019-VEICS', kind: 'forum', name_zh: '中国职业教育国际合作峰会', name_en: 'China Vocational Education International Cooperation Summit', organizer: '中国教育国际交流协会', city: '天津', country: 'CN', start_date: '2019-05-16', end_date: '2019-05-17', role: 'participant', delegates: 2 },
  // Seed fact 9: memberships (month precision, as in the college's text).
  { id: 'EV-2018-GEAIE', kind: 'membership', name_zh: '贵州省国际教育交流协会', name_en: 'Guizhou Educational Association for International Exchange', organizer: '', city: '贵阳', country: 'CN', start_date: '2018-01', end_date: '', role: 'member', delegates: '' },
  { id: 'EV-2018-CEEUU', kind: 'membership', name_zh: '中国—中东欧国家高校联合会', name_en: 'China-Central and Eastern Europe Union of Universities', organizer: '', city: '', country: '', start_date: '2018-05', end_date: '', role: 'member', delegates: '' },
  // Awards: the design prize in Kaohsiung (seed fact 6).
  { id: 'EV-2017-AWARD-KHH', kind: 'award', name_zh: '高雄设计竞赛奖（交换生获奖）', name_en: 'Design prize, Kaohsiung (exchange students)', organizer: '', city: '高雄', country: 'TW', start_date: '2017-12-15', end_date: '', role: 'awardee', delegates: 2 },
  { id: 'EV-2018-AWARD-KHH', kind: 'award', name_zh: '高雄设计竞赛奖（交换生获奖）', name_en: 'Design prize, Kaohsiung (exchange students)', organizer: '', city: '高雄', country: 'TW', start_date: '2018-05-25', end_date: '', role: 'awardee', delegates: 3 },
  // Hosted visits (mirrors of some inbound rows).
  { id: 'EV-2015-VISIT-HK', kind: 'hosted_visit', name_zh: '弘光科技大学代表团来访', name_en: 'Delegation of HungKuang University', organizer: '弘光科技大学', city: '安顺', country: 'CN', start_date: '2015-12-07', end_date: '2015-12-09', role: 'host', delegates: 3 },
  { id: 'EV-2016-VISIT-FY', kind: 'hosted_visit', name_zh: '辅英科技大学师生来校交流', name_en: 'Teachers and students of Fooyin University', organizer: '辅英科技大学', city: '安顺', country: 'CN', start_date: '2016-10-17', end_date: '2016-10-23', role: 'host', delegates: 8 },
  { id: 'EV-2017-VISIT-CUT', kind: 'hosted_visit', name_zh: '中国科技大学师生来校交流', name_en: 'Teachers and students of China University of Technology', organizer: '中国科技大学', city: '安顺', country: 'CN', start_date: '2017-05-08', end_date: '2017-05-14', role: 'host', delegates: 11 },
  { id: 'EV-2018-VISIT-NZ', kind: 'hosted_visit', name_zh: '新西兰职业教育代表团来访', name_en: 'New Zealand vocational education delegation', organizer: '', city: '安顺', country: 'CN', start_date: '2018-04-16', end_date: '2018-04-18', role: 'host', delegates: 4 },
  { id: 'EV-2019-VISIT-TH', kind: 'hosted_visit', name_zh: '清迈职业技术学院代表团来访', name_en: 'Delegation of Chiang Mai Vocational and Technical College', organizer: '清迈职业技术学院', city: '安顺', country: 'CN', start_date: '2019-11-05', end_date: '2019-11-07', role: 'host', delegates: 5 },
];

// ---------------------------------------------------------------------------
// Exchanges

const DEPARTMENTS = {
  tourism: '旅游学院',
  econ: '经济管理学院',
  it: '信息工程学院',
  mech: '机电工程学院',
  build: '建筑工程学院',
  med: '医学院',
  art: '艺术设计学院',
  agri: '农林工程学院',
  hum: '人文学院',
  office: '国际交流与合作处',
};
const TEACHING_DEPTS = [
  DEPARTMENTS.tourism,
  DEPARTMENTS.econ,
  DEPARTMENTS.it,
  DEPARTMENTS.mech,
  DEPARTMENTS.build,
  DEPARTMENTS.med,
  DEPARTMENTS.art,
  DEPARTMENTS.agri,
  DEPARTMENTS.hum,
];
const PARTNER_TYPE = Object.fromEntries(PARTNERS.map((p) => [p.id, p.partner_type]));
// The texture's partner in each country; the enterprises abroad take only the annual report's fixed rows below.
const PARTNER_OF = Object.fromEntries(
  PARTNERS.filter((p) => p.country !== 'TW' && p.partner_type !== 'going_global_enterprise').map((p) => [
    p.country,
    p.id,
  ]),
);

/** Fixed rows that carry the seed facts. */
const seedRows = [];
function seed(r) {
  seedRows.push({ program: '', partner: '', end_date: '', department: '', funding: '', outcomes: '', ...r });
}

// Seed fact 1: teachers out to study or exchange (Nepal is the Confucius project below).
seed({
  direction: 'outbound',
  participant_category: 'teacher',
  headcount: 2,
  activity_type: 'training',
  program: 'teacher-training-abroad',
  country: 'US',
  partner: 'us-portland-cc',
  start_date: '2014-07-07',
  end_date: '2014-08-01',
  department: DEPARTMENTS.mech,
  funding: 'provincial',
});
seed({
  direction: 'outbound',
  participant_category: 'teacher',
  headcount: 3,
  activity_type: 'training',
  program: 'teacher-training-abroad',
  country: 'SG',
  partner: 'sg-applied',
  start_date: '2015-07-13',
  end_date: '2015-08-07',
  department: DEPARTMENTS.econ,
  funding: 'provincial',
});
seed({
  direction: 'outbound',
  participant_category: 'teacher',
  headcount: 2,
  activity_type: 'training',
  program: 'teacher-training-abroad',
  country: 'GB',
  partner: 'gb-birmingham-tc',
  start_date: '2015-10-12',
  end_date: '2015-11-06',
  department: DEPARTMENTS.build,
  funding: 'government',
});
seed({
  direction: 'outbound',
  participant_category: 'teacher',
  headcount: 4,
  activity_type: 'training',
  program: 'teacher-training-abroad',
  country: 'DE',
  partner: 'de-munich-vet',
  start_date: '2016-07-04',
  end_date: '2016-07-29',
  department: DEPARTMENTS.mech,
  funding: 'provincial',
});
seed({
  direction: 'outbound',
  participant_category: 'teacher',
  headcount: 2,
  activity_type: 'study_visit',
  country: 'RU',
  partner: 'ru-kazan-tu',
  start_date: '2016-09-19',
  end_date: '2016-09-30',
  department: DEPARTMENTS.it,
  funding: 'college',
});
seed({
  direction: 'outbound',
  participant_category: 'teacher',
  headcount: 2,
  activity_type: 'study_visit',
  program: 'ceec-exchange',
  country: 'RO',
  partner: 'ro-cluj',
  start_date: '2017-06-05',
  end_date: '2017-06-10',
  department: DEPARTMENTS.econ,
  funding: 'college',
});
seed({
  direction: 'outbound',
  participant_category: 'teacher',
  headcount: 2,
  activity_type: 'study_visit',
  program: 'ceec-exchange',
  country: 'HR',
  start_date: '2017-06-11',
  end_date: '2017-06-15',
  department: DEPARTMENTS.tourism,
  funding: 'college',
});
seed({
  direction: 'outbound',
  participant_category: 'teacher',
  headcount: 3,
  activity_type: 'study_visit',
  program: 'ceec-exchange',
  country: 'BG',
  start_date: '2018-06-18',
  end_date: '2018-06-23',
  department: DEPARTMENTS.agri,
  funding: 'college',
});
seed({
  direction: 'outbound',
  participant_category: 'teacher',
  headcount: 2,
  activity_type: 'training',
  program: 'teacher-training-abroad',
  country: 'DE',
  partner: 'de-munich-vet',
  start_date: '2019-10-14',
  end_date: '2019-11-22',
  department: DEPARTMENTS.mech,
  funding: 'mixed',
});

// Seed fact 3: the provincial Confucius Institute Project, teachers teaching Chinese in Nepal.
for (const [y, n] of [
  [2016, 2],
  [2017, 3],
  [2018, 4],
  [2019, 3],
]) {
  seed({
    direction: 'outbound',
    participant_category: 'teacher',
    headcount: n,
    activity_type: 'teaching',
    program: 'confucius-nepal',
    country: 'NP',
    partner: 'np-kathmandu',
    start_date: ymd(y, 9, 2),
    end_date: ymd(y + 1, 7, 15),
    department: DEPARTMENTS.hum,
    funding: 'provincial',
    outcomes: 'Chinese language courses taught',
  });
}

// Seed fact 4: experts, leaders, teachers and students visited from US, FR, DE, NZ, KR, JP, TW.
seed({
  direction: 'inbound',
  participant_category: 'expert',
  headcount: 1,
  activity_type: 'teaching',
  program: 'foreign-experts',
  country: 'US',
  partner: 'us-portland-cc',
  start_date: '2015-04-13',
  end_date: '2015-04-24',
  department: DEPARTMENTS.mech,
  funding: 'government',
  outcomes: 'Lecture series on automotive maintenance',
});
seed({
  direction: 'inbound',
  participant_category: 'leader',
  headcount: 3,
  activity_type: 'official_visit',
  country: 'DE',
  partner: 'de-munich-vet',
  start_date: '2016-11-21',
  end_date: '2016-11-23',
  department: DEPARTMENTS.office,
  funding: 'partner',
});
seed({
  direction: 'inbound',
  participant_category: 'leader',
  headcount: 2,
  activity_type: 'official_visit',
  country: 'NZ',
  start_date: '2016-05-09',
  end_date: '2016-05-10',
  department: DEPARTMENTS.office,
  funding: 'partner',
});
seed({
  direction: 'inbound',
  participant_category: 'expert',
  headcount: 2,
  activity_type: 'teaching',
  program: 'foreign-experts',
  country: 'FR',
  start_date: '2017-05-15',
  end_date: '2017-05-26',
  department: DEPARTMENTS.tourism,
  funding: 'government',
  outcomes: 'Workshop on hotel service standards',
});
seed({
  direction: 'inbound',
  participant_category: 'leader',
  headcount: 3,
  activity_type: 'official_visit',
  country: 'JP',
  partner: 'jp-osaka-hotel',
  start_date: '2017-10-23',
  end_date: '2017-10-25',
  department: DEPARTMENTS.tourism,
  funding: 'partner',
  outcomes: 'Internship placements discussed',
});
seed({
  direction: 'inbound',
  participant_category: 'teacher',
  headcount: 4,
  activity_type: 'study_visit',
  country: 'NZ',
  start_date: '2018-04-16',
  end_date: '2018-04-18',
  department: DEPARTMENTS.agri,
  funding: 'partner',
});
seed({
  direction: 'inbound',
  participant_category: 'student',
  headcount: 12,
  activity_type: 'short_program',
  country: 'KR',
  partner: 'kr-jeonju',
  start_date: '2018-07-09',
  end_date: '2018-07-20',
  department: DEPARTMENTS.hum,
  funding: 'partner',
  outcomes: 'Chinese language and culture course',
});
seed({
  direction: 'inbound',
  participant_category: 'teacher',
  headcount: 2,
  activity_type: 'study_visit',
  country: 'KR',
  partner: 'kr-jeonju',
  start_date: '2018-07-09',
  end_date: '2018-07-13',
  department: DEPARTMENTS.hum,
  funding: 'partner',
});
seed({
  direction: 'inbound',
  participant_category: 'expert',
  headcount: 1,
  activity_type: 'teaching',
  program: 'foreign-experts',
  country: 'JP',
  partner: 'jp-osaka-hotel',
  start_date: '2019-03-11',
  end_date: '2019-03-29',
  department: DEPARTMENTS.tourism,
  funding: 'college',
});
seed({
  direction: 'inbound',
  participant_category: 'expert',
  headcount: 2,
  activity_type: 'teaching',
  program: 'foreign-experts',
  country: 'DE',
  partner: 'de-munich-vet',
  start_date: '2018-10-08',
  end_date: '2018-10-26',
  department: DEPARTMENTS.mech,
  funding: 'government',
  outcomes: 'Dual-system curriculum workshop',
});
seed({
  direction: 'inbound',
  participant_category: 'leader',
  headcount: 3,
  activity_type: 'official_visit',
  country: 'TW',
  partner: 'hungkuang',
  start_date: '2015-12-07',
  end_date: '2015-12-09',
  department: DEPARTMENTS.office,
  funding: 'partner',
  outcomes: 'Academic exchange agreement signed',
});

// Seed fact 7: teachers and students from China University of Technology and Fooyin University.
for (const [partner, start, teachers, students] of [
  ['fooyin', '2016-10-17', 2, 6],
  ['cut', '2017-05-08', 3, 8],
  ['fooyin', '2018-10-15', 2, 7],
  ['cut', '2019-05-13', 2, 6],
]) {
  const end = addDays(start, 6);
  seed({
    direction: 'inbound',
    participant_category: 'teacher',
    headcount: teachers,
    activity_type: 'study_visit',
    program: 'cross-strait-visit',
    country: 'TW',
    partner,
    start_date: start,
    end_date: end,
    department: DEPARTMENTS.office,
    funding: 'partner',
  });
  seed({
    direction: 'inbound',
    participant_category: 'student',
    headcount: students,
    activity_type: 'study_visit',
    program: 'cross-strait-visit',
    country: 'TW',
    partner,
    start_date: start,
    end_date: end,
    department: DEPARTMENTS.tourism,
    funding: 'partner',
    outcomes: 'Cultural exchange;Field visit to Huangguoshu',
  });
}

// Seed facts 5 and 6: the cross-Strait credit exchange, 2017–2019, > 60 students, three partners.
const SPRING = (y) => [ymd(y, 2, 20), ymd(y, 6, 30)];
const FALL = (y) => [ymd(y, 9, 11), ymd(y + 1, 1, 19)];
for (const [term, partner, n, department, outcomes] of [
  [SPRING(2017), 'cut', 4, DEPARTMENTS.it, 'Credits recognised'],
  [SPRING(2017), 'hungkuang', 3, DEPARTMENTS.med, 'Credits recognised'],
  [FALL(2017), 'cut', 5, DEPARTMENTS.it, 'Credits recognised'],
  [FALL(2017), 'hungkuang', 4, DEPARTMENTS.tourism, 'Credits recognised'],
  [FALL(2017), 'fooyin', 4, DEPARTMENTS.art, 'Design prize, Kaohsiung;Credits recognised'],
  [SPRING(2018), 'cut', 4, DEPARTMENTS.econ, 'Credits recognised'],
  [SPRING(2018), 'fooyin', 5, DEPARTMENTS.art, 'Design prize, Kaohsiung;Credits recognised'],
  [FALL(2018), 'cut', 5, DEPARTMENTS.art, 'International photography certificate;Credits recognised'],
  [FALL(2018), 'hungkuang', 5, DEPARTMENTS.tourism, 'Tourism certificate;Credits recognised'],
  [FALL(2018), 'fooyin', 4, DEPARTMENTS.med, 'Credits recognised'],
  [SPRING(2019), 'hungkuang', 5, DEPARTMENTS.tourism, 'Tourism certificate;Credits recognised'],
  [SPRING(2019), 'fooyin', 6, DEPARTMENTS.art, 'International photography certificate;Credits recognised'],
  [FALL(2019), 'cut', 6, DEPARTMENTS.it, ''],
  [FALL(2019), 'hungkuang', 4, DEPARTMENTS.tourism, ''],
  [FALL(2019), 'fooyin', 5, DEPARTMENTS.art, ''],
]) {
  seed({
    direction: 'outbound',
    participant_category: 'student',
    headcount: n,
    activity_type: 'credit_exchange',
    program: 'cross-strait-credit',
    country: 'TW',
    partner,
    start_date: term[0],
    end_date: term[1],
    department,
    funding: 'mixed',
    outcomes,
  });
}

// A few visits to Hong Kong and Macao (港澳台, counted apart from foreign exchange).
seed({
  direction: 'outbound',
  participant_category: 'staff',
  headcount: 3,
  activity_type: 'study_visit',
  country: 'HK',
  start_date: '2018-11-19',
  end_date: '2018-11-23',
  department: DEPARTMENTS.office,
  funding: 'college',
  outcomes: 'Visit to the "Vocational Training Council";Apprenticeship model studied',
});
seed({
  direction: 'outbound',
  participant_category: 'leader',
  headcount: 2,
  activity_type: 'study_visit',
  country: 'MO',
  start_date: '2019-04-22',
  end_date: '2019-04-25',
  department: DEPARTMENTS.office,
  funding: 'college',
});
// 2019 Q4 (provisional): a hosted delegation and an ASEAN program late in the year.
seed({
  direction: 'inbound',
  participant_category: 'leader',
  headcount: 5,
  activity_type: 'official_visit',
  country: 'TH',
  partner: 'th-chiangmai',
  start_date: '2019-11-05',
  end_date: '2019-11-07',
  department: DEPARTMENTS.office,
  funding: 'partner',
  outcomes: 'Student exchange plan for 2020',
});
seed({
  direction: 'outbound',
  participant_category: 'student',
  headcount: 8,
  activity_type: 'short_program',
  program: 'asean-short',
  country: 'MY',
  partner: 'my-kl-tourism',
  start_date: '2019-12',
  end_date: '',
  department: DEPARTMENTS.tourism,
  funding: 'mixed',
});

// Texture: generated rows from templates, more each year (the growing trend). The weight follows the seed: Taiwan
// (the three partner universities) first, then the countries teachers went to and visitors came from, Nepal (the
// Confucius Institute project); the ASEAN countries met at the China-ASEAN week are contacts, present but smaller.
// A country listed twice in a template is drawn twice as often.
const TW_PARTNERS = ['cut', 'hungkuang', 'fooyin'];
const T = (o) => o;
// prettier-ignore
const TEMPLATES = [
  // Cross-Strait: students on summer study, teachers on training, leaders visiting, and the partners' people coming.
  T({ w: 2, from: 2015, dir: 'outbound', cat: 'student', act: 'short_program', countries: ['TW'], partners: TW_PARTNERS, n: [3, 10], days: [10, 21], months: [7, 8], depts: [DEPARTMENTS.tourism, DEPARTMENTS.art, DEPARTMENTS.it, DEPARTMENTS.med], funding: ['mixed', 'self'], outcomes: ['Summer study certificate', 'Cultural immersion', ''] }),
  T({ w: 1.5, from: 2014, dir: 'outbound', cat: 'teacher', act: 'training', countries: ['TW'], partners: TW_PARTNERS, n: [1, 5], days: [14, 45], months: [3, 7, 10, 11], depts: TEACHING_DEPTS, funding: ['provincial', 'college'], outcomes: ['Training certificate', 'Curriculum standards introduced', ''] }),
  T({ w: 1, from: 2014, dir: 'outbound', cat: 'leader', act: 'official_visit', countries: ['TW'], partners: TW_PARTNERS, n: [2, 4], days: [5, 8], months: [4, 6, 11], depts: [DEPARTMENTS.office], funding: ['college'], outcomes: ['Cooperation talks', ''] }),
  T({ w: 1.2, from: 2015, dir: 'inbound', cat: 'student', act: 'study_visit', program: 'cross-strait-visit', countries: ['TW'], partners: TW_PARTNERS, n: [3, 9], days: [5, 10], months: [4, 5, 10, 11], depts: [DEPARTMENTS.tourism, DEPARTMENTS.art, DEPARTMENTS.agri], funding: ['partner'], outcomes: ['Cultural exchange', 'Field visit to Huangguoshu', ''] }),
  T({ w: 1.2, from: 2014, dir: 'inbound', cat: 'teacher', act: 'study_visit', program: 'cross-strait-visit', countries: ['TW'], partners: TW_PARTNERS, n: [1, 4], days: [3, 8], months: [4, 5, 10, 11], depts: TEACHING_DEPTS, funding: ['partner'], outcomes: [''] }),
  T({ w: 1, from: 2015, dir: 'inbound', cat: 'expert', act: 'teaching', countries: ['TW'], partners: TW_PARTNERS, n: [1, 2], days: [7, 21], months: [3, 9, 10], depts: TEACHING_DEPTS, funding: ['partner', 'college'], outcomes: ['Lecture series', ''] }),
  // Teachers out to study and exchange (seed fact 1), students on internships and competitions.
  T({ w: 4, from: 2014, dir: 'outbound', cat: 'teacher', act: 'training', program: 'teacher-training-abroad', countries: ['US', 'GB', 'DE', 'US', 'GB', 'DE', 'SG'], n: [1, 5], days: [14, 60], months: [4, 7, 10, 11], depts: TEACHING_DEPTS, funding: ['provincial', 'government', 'college', 'mixed'], outcomes: ['Training certificate', 'Curriculum standards introduced', ''] }),
  T({ w: 2, from: 2014, dir: 'outbound', cat: 'teacher', act: 'study_visit', countries: ['RU', 'RO', 'HR', 'BG', 'SG', 'US', 'GB', 'DE', 'NP'], n: [1, 4], days: [5, 12], months: [3, 5, 6, 10, 11], depts: TEACHING_DEPTS, funding: ['college'], outcomes: [''] }),
  T({ w: 1, from: 2016, dir: 'outbound', cat: 'teacher', act: 'conference', countries: ['GB', 'SG', 'RO', 'KR', 'VN'], n: [1, 2], days: [3, 6], months: [5, 10, 11], depts: TEACHING_DEPTS, funding: ['college'], outcomes: ['Paper presented', ''] }),
  T({ w: 2, from: 2014, dir: 'outbound', cat: 'leader', act: 'official_visit', countries: ['DE', 'RO', 'HR', 'BG', 'US', 'NP', 'GB', 'RU', 'KR', 'TH', 'MY', 'VN', 'LA'], n: [2, 5], days: [5, 10], months: [3, 5, 6, 9, 11], depts: [DEPARTMENTS.office], funding: ['college'], outcomes: ['Cooperation talks', 'Memorandum of understanding signed', ''] }),
  T({ w: 1, from: 2015, dir: 'outbound', cat: 'staff', act: 'training', countries: ['GB', 'DE', 'SG'], n: [1, 4], days: [10, 21], months: [5, 8, 11], depts: [DEPARTMENTS.office, ''], funding: ['college', 'government'], outcomes: ['Training certificate', ''] }),
  T({ w: 1, from: 2017, dir: 'outbound', cat: 'student', act: 'internship', program: 'overseas-internship', countries: ['DE', 'JP', 'SG', 'GB'], n: [2, 6], days: [90, 180], months: [3, 7, 9], depts: [DEPARTMENTS.tourism, DEPARTMENTS.econ, DEPARTMENTS.mech], funding: ['partner', 'self'], outcomes: ['Internship certificate', ''] }),
  T({ w: 1, from: 2017, dir: 'outbound', cat: 'student', act: 'competition', countries: ['TW', 'SG', 'RU', 'DE'], n: [2, 5], days: [3, 7], months: [4, 5, 11], depts: [DEPARTMENTS.it, DEPARTMENTS.mech, DEPARTMENTS.art], funding: ['college'], outcomes: ['Skills competition award', 'Second prize', ''] }),
  T({ w: 1, from: 2018, dir: 'outbound', cat: 'student', act: 'language_training', countries: ['KR', 'JP'], n: [3, 8], days: [21, 45], months: [7, 8], depts: [DEPARTMENTS.hum, DEPARTMENTS.tourism], funding: ['self', 'mixed'], outcomes: ['Language certificate', ''] }),
  T({ w: 1, from: 2016, dir: 'outbound', cat: 'student', act: 'short_program', program: 'asean-short', countries: ['TH', 'MY', 'VN', 'SG'], n: [3, 8], days: [10, 21], months: [1, 7, 8], depts: [DEPARTMENTS.tourism, DEPARTMENTS.econ, DEPARTMENTS.agri], funding: ['mixed', 'self'], outcomes: ['Short-course certificate', 'Cultural immersion;Short-course certificate', ''] }),
  T({ w: 0.5, from: 2018, dir: 'outbound', cat: 'student', act: 'degree_study', countries: ['GB', 'TH', 'MY'], n: [1, 2], days: [600, 720], months: [9], depts: [DEPARTMENTS.tourism, DEPARTMENTS.econ], funding: ['self'], outcomes: [''] }),
  T({ w: 1.5, from: 2016, dir: 'outbound', cat: 'student', act: 'short_program', countries: ['US', 'GB', 'DE', 'GB'], n: [3, 9], days: [12, 21], months: [7, 8], depts: [DEPARTMENTS.mech, DEPARTMENTS.it, DEPARTMENTS.tourism, DEPARTMENTS.build], funding: ['mixed', 'self'], outcomes: ['Study tour certificate', ''] }),
  // Visitors (seed fact 4), Nepalese students and staff (the Confucius Institute link), a few ASEAN contacts.
  T({ w: 3, from: 2014, dir: 'inbound', cat: 'expert', act: 'teaching', program: 'foreign-experts', countries: ['US', 'DE', 'GB', 'NZ', 'FR', 'RU', 'KR', 'JP', 'US', 'DE'], n: [1, 3], days: [5, 30], months: [3, 4, 5, 9, 10, 11], depts: TEACHING_DEPTS, funding: ['government', 'college'], outcomes: ['Lecture series', 'Teaching workshop', ''] }),
  T({ w: 2, from: 2014, dir: 'inbound', cat: 'leader', act: 'official_visit', countries: ['US', 'DE', 'FR', 'NZ', 'KR', 'JP', 'GB', 'NP', 'RO', 'TH', 'MY', 'VN'], n: [2, 6], days: [1, 3], months: [3, 4, 5, 6, 9, 10, 11], depts: [DEPARTMENTS.office], funding: ['partner'], outcomes: ['Cooperation talks', ''] }),
  T({ w: 1.5, from: 2015, dir: 'inbound', cat: 'teacher', act: 'study_visit', countries: ['KR', 'JP', 'US', 'NZ', 'FR', 'DE', 'NP'], n: [1, 5], days: [2, 8], months: [4, 5, 10, 11], depts: TEACHING_DEPTS, funding: ['partner'], outcomes: [''] }),
  T({ w: 1, from: 2016, dir: 'inbound', cat: 'student', act: 'short_program', countries: ['KR', 'JP', 'US', 'NP', 'NZ', 'GB', 'NP', 'US'], n: [4, 12], days: [7, 21], months: [7, 8], depts: [DEPARTMENTS.hum, DEPARTMENTS.tourism, DEPARTMENTS.agri], funding: ['partner', 'self'], outcomes: ['Chinese language and culture course', 'Batik and Tunpu culture workshop', ''] }),
  T({ w: 1.3, from: 2016, dir: 'inbound', cat: 'student', act: 'language_training', countries: ['NP', 'NP', 'NP', 'NP', 'LA'], n: [2, 8], days: [120, 170], months: [3, 9], depts: [DEPARTMENTS.hum], funding: ['government', 'partner'], outcomes: ['HSK level 3', ''] }),
  T({ w: 1, from: 2015, dir: 'inbound', cat: 'other', act: 'other', countries: ['JP', 'SG', 'DE', 'US'], n: [1, 4], days: [1, 3], months: [4, 6, 10], depts: [DEPARTMENTS.office, DEPARTMENTS.econ], funding: ['partner'], outcomes: ['Enterprise cooperation talks', ''] }),
  T({ w: 1, from: 2016, dir: 'inbound', cat: 'staff', act: 'training', countries: ['NP', 'NP', 'NP', 'LA', 'KH', 'VN'], n: [2, 8], days: [14, 28], months: [6, 10, 11], depts: [DEPARTMENTS.agri, DEPARTMENTS.tourism], funding: ['government'], outcomes: ['Training certificate', ''] }),
];
const ROWS_PER_YEAR = { 2014: 14, 2015: 20, 2016: 27, 2017: 33, 2018: 39, 2019: 45 };

/**
 * The next template by smooth weighted round robin: over any run of draws each open template gets its
 * share of rows by weight, so the story holds whatever the seed; headcounts, dates and partners vary.
 */
function weighted(list) {
  const total = list.reduce((s, t) => s + t.w, 0);
  let best = list[0];
  for (const t of list) {
    t.credit = (t.credit ?? 0) + t.w;
    if (t.credit > best.credit) best = t;
  }
  best.credit -= total;
  return best;
}

const textureRows = [];
for (const [yearText, count] of Object.entries(ROWS_PER_YEAR)) {
  const year = Number(yearText);
  const open = TEMPLATES.filter((t) => t.from <= year);
  for (let i = 0; i < count; i++) {
    const t = weighted(open);
    // Each template deals its countries in turn (a listed country's share holds in any seed), from a random start.
    t.turn = (t.turn ?? int(0, t.countries.length - 1)) + 1;
    const country = t.countries[t.turn % t.countries.length];
    const month = pick(t.months);
    const start = ymd(year, month, int(1, daysInMonth(year, month)));
    const days = int(t.days[0], t.days[1]);
    // Taiwan's partners: the three universities (the credit exchange and the academic agreements); no partner before
    // the first agreement of 2015.
    const candidate =
      country === 'TW' ? (year >= 2015 ? pick(t.partners ?? TW_PARTNERS) : undefined) : PARTNER_OF[country];
    // An enterprise partner takes interns and sends managers, not students.
    const fits =
      candidate && !(t.cat === 'student' && t.act !== 'internship' && PARTNER_TYPE[candidate] === 'enterprise');
    const partner = fits && (country === 'TW' || chance(0.6)) ? candidate : '';
    textureRows.push({
      direction: t.dir,
      participant_category: t.cat,
      headcount: int(t.n[0], t.n[1]) + Math.floor((year - 2014) / 3),
      activity_type: t.act,
      program: t.program ?? '',
      country,
      partner,
      start_date: start,
      end_date: chance(0.06) ? '' : addDays(start, days - 1),
      department: pick(t.depts),
      funding: chance(0.05) ? '' : pick(t.funding),
      outcomes: pick(t.outcomes),
    });
  }
}
// A few rows kept with month precision only, as staff sometimes record them.
for (let i = 3; i < textureRows.length; i += 31) {
  textureRows[i].start_date = textureRows[i].start_date.slice(0, 7);
  textureRows[i].end_date = '';
}

// Sort by start date (stable on ties), then number by start year: EX-2017-014.
const exchanges = [...seedRows, ...textureRows]
  .map((r, i) => ({ r, i }))
  .sort((a, b) => (a.r.start_date < b.r.start_date ? -1 : a.r.start_date > b.r.start_date ? 1 : a.i - b.i))
  .map(({ r }) => r);
const seq = {};
for (const r of exchanges) {
  const y = r.start_date.slice(0, 4);
  seq[y] = (seq[y] ?? 0) + 1;
  r.record_id = `EX-${y}-${String(seq[y]).padStart(3, '0')}`;
  // The last quarter of 2019 is not yet confirmed.
  r.status = r.start_date >= '2019-10' ? 'provisional' : 'final';
}

// The annual report's rows (docs/annual-report.md), added after the numbering above so that no earlier record
// changes its id: full-time international students (three-year diploma cohorts from Nepal and Laos) and student
// internships with Chinese enterprises abroad, two of them running over the new year. Fixed, no random draws.
const reportRows = [];
for (const [start, end, country, n] of [
  ['2017-09-04', '2020-06-30', 'NP', 3],
  ['2018-09-03', '2021-06-30', 'NP', 4],
  ['2018-09-03', '2021-06-30', 'LA', 2],
  ['2019-09-02', '2022-06-30', 'NP', 5],
  ['2019-09-02', '2022-06-30', 'LA', 3],
]) {
  reportRows.push({
    direction: 'inbound',
    participant_category: 'student',
    headcount: n,
    activity_type: 'degree_study',
    program: '',
    country,
    partner: country === 'NP' ? 'np-kathmandu' : '',
    start_date: start,
    end_date: end,
    department: DEPARTMENTS.tourism,
    funding: 'government',
    outcomes: 'Full-time diploma programme',
  });
}
for (const [start, end, partner, n, department] of [
  ['2018-07-02', '2018-12-28', 'la-cn-construction', 4, DEPARTMENTS.build],
  ['2018-11-05', '2019-02-22', 'my-cn-hotel', 3, DEPARTMENTS.tourism],
  ['2019-03-04', '2019-08-30', 'la-cn-construction', 5, DEPARTMENTS.build],
  ['2019-09-02', '2020-01-17', 'my-cn-hotel', 4, DEPARTMENTS.tourism],
]) {
  reportRows.push({
    direction: 'outbound',
    participant_category: 'student',
    headcount: n,
    activity_type: 'internship',
    program: 'overseas-internship',
    country: partner.slice(0, 2).toUpperCase(),
    partner,
    start_date: start,
    end_date: end,
    department,
    funding: 'partner',
    outcomes: 'Internship certificate',
  });
}
for (const r of reportRows) {
  const y = r.start_date.slice(0, 4);
  seq[y] = (seq[y] ?? 0) + 1;
  r.record_id = `EX-${y}-${String(seq[y]).padStart(3, '0')}`;
  r.status = r.start_date >= '2019-10' ? 'provisional' : 'final';
}
for (const r of reportRows) {
  const at = exchanges.findIndex((e) => e.start_date > r.start_date);
  exchanges.splice(at === -1 ? exchanges.length : at, 0, r);
}

// The counts the records cannot give, as the office keeps them: one row per figure or per item.
// prettier-ignore
const ANNUAL_COUNTS = [
  { id: 'AC-2017-01', year: 2017, indicator: 'teacher_posts_abroad', value: 1, note: '中国—东盟职业教育联盟理事（示例）' },
  { id: 'AC-2018-01', year: 2018, indicator: 'teacher_posts_abroad', value: 2, note: '中国—中东欧国家高校联合会工作组成员（示例）' },
  { id: 'AC-2018-02', year: 2018, indicator: 'adopted_program_standards', value: 1, note: '旅游管理专业教学标准，尼泊尔合作院校采用（示例）' },
  { id: 'AC-2018-03', year: 2018, indicator: 'adopted_course_standards', value: 2, note: '中文、茶艺课程标准（示例）' },
  { id: 'AC-2019-01', year: 2019, indicator: 'teacher_posts_abroad', value: 3, note: '' },
  { id: 'AC-2019-02', year: 2019, indicator: 'adopted_program_standards', value: 1, note: '建筑工程技术专业教学标准，老挝（示例）' },
  { id: 'AC-2019-03', year: 2019, indicator: 'adopted_course_standards', value: 3, note: '' },
  { id: 'AC-2019-04', year: 2019, indicator: 'overseas_branches', value: 1, note: '尼泊尔加德满都办学点（示例）' },
];

// ---------------------------------------------------------------------------
// Self-checks, then write

const programIds = new Set(PROGRAMS.map((p) => p.id));
const partnerIds = new Set(PARTNERS.map((p) => p.id));
for (const r of exchanges) {
  if (r.program && !programIds.has(r.program)) throw new Error(`unknown program ${r.program}`);
  if (r.partner && !partnerIds.has(r.partner)) throw new Error(`unknown partner ${r.partner}`);
  if (r.end_date && r.end_date < r.start_date) throw new Error(`${r.record_id}: end before start`);
  if (!(r.headcount >= 1)) throw new Error(`${r.record_id}: headcount`);
}
for (const a of AGREEMENTS) if (!partnerIds.has(a.partner)) throw new Error(`agreement ${a.id}: unknown partner`);

mkdirSync(DATA_DIR, { recursive: true });
const counts = {
  'exchanges.csv': writeCsv('exchanges.csv', COLUMNS.exchanges, exchanges),
  'programs.csv': writeCsv('programs.csv', COLUMNS.programs, PROGRAMS),
  'partners.csv': writeCsv('partners.csv', COLUMNS.partners, PARTNERS),
  'agreements.csv': writeCsv('agreements.csv', COLUMNS.agreements, AGREEMENTS),
  'events.csv': writeCsv('events.csv', COLUMNS.events, EVENTS),
  'annual-counts.csv': writeCsv('annual-counts.csv', COLUMNS.annualCounts, ANNUAL_COUNTS),
};
for (const [file, n] of Object.entries(counts)) console.log(`data/${file}: ${n} rows`);
