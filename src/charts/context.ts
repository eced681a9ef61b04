import type { MessageKey } from '../i18n/messages';
import type { Params } from '../i18n/translate';

/** A scale held fixed while the years play: the numeric extent and the categories in order. */
export interface FixedScale {
  min?: number;
  max?: number;
  keys?: readonly string[];
  /** The names of the keys, for keys absent from the frame shown. */
  names?: ReadonlyMap<string, string>;
}

/** What a chart spec needs from the page: words, number format, names, size. */
export interface ChartContext {
  t(key: MessageKey, params?: Params): string;
  n(value: number): string;
  country(code: string): string;
  width: number;
  /** The page's language, for names kept as name_zh / name_en; Chinese when absent. */
  locale?: 'zh-CN' | 'en';
  /** The value this chart's clicks select (a country code, program id, …), highlighted; null when none. */
  selected?: string | null;
  /** The years selected, highlighted on a chart that shows every year. */
  years?: readonly [number, number];
  /** Scales held fixed during year playback. */
  fixed?: FixedScale;
  /**
   * The rows are a public view's: counts rounded (src/disclosure/public-view.ts). Percentages on a
   * small published base are then withheld.
   */
  published?: boolean;
}

/** Outbound and inbound: apart in colour-blind vision and in grey, each 3:1 or more on white (tests/unit/palette.test.ts). */
export const DIRECTION_COLORS = { outbound: '#1f6fb2', inbound: '#b85500' } as const;
