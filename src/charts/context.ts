import type { MessageKey } from '../i18n/messages';
import type { Params } from '../i18n/translate';

/** What a chart spec needs from the page: words, number format, names, size. */
export interface ChartContext {
  t(key: MessageKey, params?: Params): string;
  n(value: number): string;
  country(code: string): string;
  width: number;
}

/** Outbound and inbound, distinguishable in colour-blind vision and in grey. */
export const DIRECTION_COLORS = { outbound: '#1f6fb2', inbound: '#e08a00' } as const;
