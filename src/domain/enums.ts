/**
 * The coded values of the data model (DESIGN.md): what a cell of an enum column may hold, and
 * the values derived from the data. Every other part of the app takes them from here.
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
/**
 * The annual report's indicators the records cannot give, typed by the office into
 * data/annual-counts.csv (src/config/annual-report.ts names them and says where each goes).
 */
export const ANNUAL_HAND_INDICATORS = [
  'teacher_posts_abroad',
  'adopted_program_standards',
  'adopted_course_standards',
  'overseas_branches',
] as const;

export type Direction = (typeof DIRECTIONS)[number];
export type ParticipantCategory = (typeof PARTICIPANT_CATEGORIES)[number];
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type Funding = (typeof FUNDING)[number];
export type Status = (typeof STATUSES)[number];
export type RegionType = (typeof REGION_TYPES)[number];
export type DurationBand = (typeof DURATION_BANDS)[number];
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
export type AnnualHandIndicator = (typeof ANNUAL_HAND_INDICATORS)[number];
