import type { Filters } from '../data/filters';
import type { MessageKey } from '../i18n/messages';
import type { Params } from '../i18n/translate';

/** A filter that differs from its default: what a chip says and removes. */
export type ChipKey = 'years' | 'direction' | 'region' | 'country' | 'program' | 'category' | 'partner';

export interface Chip {
  key: ChipKey;
  label: string;
}

export interface LabelContext {
  t(key: MessageKey, params?: Params): string;
  country(code: string): string;
  locale: 'zh-CN' | 'en';
  /** Program and partner names by `${kind}:${id}`. */
  names: ReadonlyMap<string, { name_zh: string; name_en: string }>;
  /** The years the data covers. */
  span: readonly [number, number];
}

const CATEGORY_KEYS = ['student', 'teacher', 'staff', 'leader', 'expert', 'other'];

function named(ctx: LabelContext, kind: 'program' | 'partner', id: string): string {
  const name = ctx.names.get(`${kind}:${id}`);
  if (!name) return id;
  return ctx.locale === 'en' ? name.name_en : name.name_zh;
}

export function yearsLabel(ctx: Pick<LabelContext, 't'>, from: number, to: number): string {
  return from === to ? ctx.t('chip.year', { year: from }) : ctx.t('chip.years', { from, to });
}

/** The active filters as chips, in the order of the filter bar, then the chart selections. */
export function activeChips(f: Filters, ctx: LabelContext): Chip[] {
  const chips: Chip[] = [];
  if (f.yearFrom !== ctx.span[0] || f.yearTo !== ctx.span[1])
    chips.push({ key: 'years', label: yearsLabel(ctx, f.yearFrom, f.yearTo) });
  if (f.direction !== 'all')
    chips.push({ key: 'direction', label: ctx.t('chip.direction', { name: ctx.t(`direction.${f.direction}`) }) });
  if (f.region !== 'all')
    chips.push({ key: 'region', label: ctx.t('chip.region', { name: ctx.t(`region.${f.region}`) }) });
  if (f.country !== null)
    chips.push({ key: 'country', label: ctx.t('chip.country', { name: ctx.country(f.country) }) });
  if (f.program !== null)
    chips.push({ key: 'program', label: ctx.t('chip.program', { name: named(ctx, 'program', f.program) }) });
  if (f.category !== null) {
    const name = CATEGORY_KEYS.includes(f.category) ? ctx.t(`category.${f.category}` as MessageKey) : f.category;
    chips.push({ key: 'category', label: ctx.t('chip.category', { name }) });
  }
  if (f.partner !== null)
    chips.push({ key: 'partner', label: ctx.t('chip.partner', { name: named(ctx, 'partner', f.partner) }) });
  return chips;
}

/** A chart's subtitle: the years and scope always, then every other active filter. */
export function filtersSubtitle(f: Filters, ctx: LabelContext): string {
  const parts = [yearsLabel(ctx, f.yearFrom, f.yearTo), ctx.t(`region.${f.region}`)];
  for (const chip of activeChips(f, ctx)) if (chip.key !== 'years' && chip.key !== 'region') parts.push(chip.label);
  return parts.join(ctx.t('subtitle.sep'));
}
