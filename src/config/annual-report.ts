/**
 * The annual quality report's international influence table (国际影响表): which indicators it has,
 * what each is called in the year's template (Chinese and English), its unit, and which records
 * count towards it. The one place to edit when the province's template changes: rename an
 * indicator, change its rule, or limit it to the years whose template has it (docs/annual-report.md).
 *
 * An indicator is either computed from the exchange records (`rule`) or kept by hand in
 * data/annual-counts.csv (`hand`: the `indicator` column's code there).
 */
import type { ActivityType, AnnualHandIndicator, Direction, ParticipantCategory } from '../domain/enums';

/** What a record adds to a computed indicator. */
export type Measure =
  /** The headcount of each record whose stay overlaps the year (people enrolled during the year). */
  | 'persons'
  /** Headcount × the days of the stay that fall within the year (人日). */
  | 'person_days'
  /** One for each of the record's outcomes that names an award (项), in the year the record starts. */
  | 'awards';

export interface RecordRule {
  measure: Measure;
  directions: readonly Direction[];
  categories: readonly ParticipantCategory[];
  activities: readonly ActivityType[];
  /** Only records whose partner is of one of these types (partners.csv partner_type); absent: any record. */
  partnerTypes?: readonly string[];
  /**
   * For `awards`: an outcome (one of the `;`-separated entries) counts when it holds one of these
   * words, compared without regard to case.
   */
  awardWords?: readonly string[];
}

export interface Indicator {
  /** A stable id: the link's and the tests' name for the row. */
  id: string;
  zh: string;
  en: string;
  unit: { zh: string; en: string };
  /** Computed from the records by this rule … */
  rule?: RecordRule;
  /** … or summed from data/annual-counts.csv rows with this code. */
  hand?: AnnualHandIndicator;
  /** The report years whose template has the row (inclusive); absent: every year. */
  years?: { from?: number; to?: number };
}

export interface AnnualReportConfig {
  title: { zh: string; en: string };
  indicators: readonly Indicator[];
}

const PERSON = { zh: '人', en: 'persons' };
const PERSON_DAYS = { zh: '人日', en: 'person-days' };
const ITEMS = { zh: '项', en: 'items' };
const COUNT = { zh: '个', en: 'number' };

export const ANNUAL_REPORT: AnnualReportConfig = {
  title: { zh: '国际影响表', en: 'International influence' },
  indicators: [
    {
      id: 'full_time_students',
      zh: '全日制国（境）外留学生人数',
      en: 'Full-time international students (incl. Hong Kong, Macao and Taiwan)',
      unit: PERSON,
      rule: { measure: 'persons', directions: ['inbound'], categories: ['student'], activities: ['degree_study'] },
    },
    {
      id: 'non_degree_training',
      zh: '非全日制国（境）外人员培训量',
      en: 'Non-degree training of people from abroad',
      unit: PERSON_DAYS,
      rule: {
        measure: 'person_days',
        directions: ['inbound'],
        categories: ['student', 'teacher', 'staff', 'leader', 'expert', 'other'],
        activities: ['training', 'language_training', 'short_program'],
      },
    },
    {
      id: 'going_global_internships',
      zh: '在校生服务"走出去"企业国（境）外实习时间',
      en: 'Student internships abroad with Chinese enterprises going global',
      unit: PERSON_DAYS,
      rule: {
        measure: 'person_days',
        directions: ['outbound'],
        categories: ['student'],
        activities: ['internship'],
        partnerTypes: ['going_global_enterprise'],
      },
    },
    {
      id: 'teacher_training_abroad',
      zh: '专任教师赴国（境）外指导和开展培训时间',
      en: 'Full-time teachers abroad guiding and delivering training',
      unit: PERSON_DAYS,
      rule: { measure: 'person_days', directions: ['outbound'], categories: ['teacher'], activities: ['teaching'] },
    },
    {
      id: 'teacher_posts',
      zh: '在国（境）外组织担任职务的专任教师人数',
      en: 'Full-time teachers holding posts in organisations abroad',
      unit: PERSON,
      hand: 'teacher_posts_abroad',
    },
    {
      id: 'program_standards',
      zh: '开发并被国（境）外采用的专业教学标准数',
      en: 'Programme teaching standards developed and adopted abroad',
      unit: COUNT,
      hand: 'adopted_program_standards',
    },
    {
      id: 'course_standards',
      zh: '开发并被国（境）外采用的课程标准数',
      en: 'Course standards developed and adopted abroad',
      unit: COUNT,
      hand: 'adopted_course_standards',
    },
    {
      id: 'competition_awards',
      zh: '国（境）外技能大赛获奖数量',
      en: 'Awards at skills competitions abroad',
      unit: ITEMS,
      rule: {
        measure: 'awards',
        directions: ['outbound'],
        categories: ['student', 'teacher'],
        activities: ['competition'],
        awardWords: ['award', 'prize', '奖'],
      },
    },
    {
      id: 'overseas_branches',
      zh: '国（境）外办学点数量',
      en: 'Branch campuses and teaching sites abroad',
      unit: COUNT,
      hand: 'overseas_branches',
    },
  ],
};

/** The indicators of the year's template, in its order. */
export function indicatorsOf(year: number, config: AnnualReportConfig = ANNUAL_REPORT): Indicator[] {
  return config.indicators.filter(
    (i) => (i.years?.from === undefined || year >= i.years.from) && (i.years?.to === undefined || year <= i.years.to),
  );
}
