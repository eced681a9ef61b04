import {
  CHOICE_KEYS,
  FILTER_DEFS,
  SELECTION_KEYS,
  choiceDef,
  selectionDef,
  type FilterKey,
  type FilterLabel,
  type Filters,
} from '../domain/filters';
import type { MessageKey } from '../i18n/messages';
import type { Params } from '../i18n/translate';
import { departmentName } from '../reference/departments';

/** A filter that differs from its default: what a chip says and removes (its key in src/domain/filters.ts). */
export type ChipKey = FilterKey;

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

/** A selected value's name, as its definition says to name it. */
export function selectionName(label: FilterLabel, value: string, ctx: LabelContext): string {
  switch (label.kind) {
    case 'enum':
      return label.values.includes(value) ? ctx.t(`${label.prefix}.${value}` as MessageKey) : value;
    case 'country':
      return ctx.country(value);
    case 'named': {
      const name = ctx.names.get(`${label.ref}:${value}`);
      if (!name) return value;
      return ctx.locale === 'en' ? name.name_en : name.name_zh;
    }
    case 'department':
      return departmentName(value, ctx.locale);
  }
}

export function yearsLabel(ctx: Pick<LabelContext, 't'>, from: number, to: number): string {
  return from === to ? ctx.t('chip.year', { year: from }) : ctx.t('chip.years', { from, to });
}

/** The active filters as chips, in the order of the definitions: the filter bar's, then the chart selections. */
export function activeChips(f: Filters, ctx: LabelContext): Chip[] {
  const chips: Chip[] = [];
  if (f.yearFrom !== ctx.span[0] || f.yearTo !== ctx.span[1])
    chips.push({ key: 'years', label: yearsLabel(ctx, f.yearFrom, f.yearTo) });
  for (const key of CHOICE_KEYS) {
    const def = choiceDef(key);
    const value = f[key];
    if (value !== 'all')
      chips.push({
        key,
        label: ctx.t(def.chip as MessageKey, { name: ctx.t(`${def.prefix}.${value}` as MessageKey) }),
      });
  }
  for (const key of SELECTION_KEYS) {
    const def = selectionDef(key);
    const value = f[key];
    if (value !== null)
      chips.push({ key, label: ctx.t(def.chip as MessageKey, { name: selectionName(def.label, value, ctx) }) });
  }
  return chips;
}

/** A chart's subtitle: the years and scope always, then every other active filter. */
export function filtersSubtitle(f: Filters, ctx: LabelContext): string {
  const region = choiceDef('region');
  const parts = [yearsLabel(ctx, f.yearFrom, f.yearTo), ctx.t(`${region.prefix}.${f.region}` as MessageKey)];
  for (const chip of activeChips(f, ctx)) if (chip.key !== 'years' && chip.key !== 'region') parts.push(chip.label);
  return parts.join(ctx.t('subtitle.sep'));
}

/** The message keys the definitions name (chips, legends, value prefixes): each must be in both languages. */
export function filterMessageKeys(): string[] {
  const keys: string[] = [];
  for (const key of Object.keys(FILTER_DEFS) as FilterKey[]) {
    const def = FILTER_DEFS[key];
    keys.push(def.chip);
    if (def.kind === 'choice') {
      keys.push(def.legend, `${def.prefix}.all`, ...def.values.map((v) => `${def.prefix}.${v}`));
    } else if (def.kind === 'selection' && def.label.kind === 'enum') {
      const { prefix, values } = def.label;
      keys.push(...values.map((v) => `${prefix}.${v}`));
    }
  }
  return keys;
}
