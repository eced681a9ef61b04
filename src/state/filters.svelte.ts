import { clearedFilter, defaultFilters, type FilterKey, type Filters, type SelectionKey } from '../domain/filters';

/** Every field of Filters: the years' two, then each choice and selection of the definitions. */
const FIELDS = Object.keys(defaultFilters(0, 0)) as (keyof Filters)[];

/**
 * The filter bar's values and chart selections, one reactive field per filter of the
 * definitions (src/domain/filters.ts); `value` is the plain snapshot queries take.
 */
// The fields are accessors over `#values`, made from the definitions; the interface types them.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FilterState extends Filters {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FilterState {
  #values = $state<Filters>(defaultFilters(0, 0));
  /** The years the data covers, for the year pickers. */
  years = $state<number[]>([]);

  constructor() {
    for (const field of FIELDS)
      Object.defineProperty(this, field, {
        get: () => this.#values[field],
        set: (value: never) => {
          this.#values[field] = value;
        },
        enumerable: true,
      });
  }

  setBounds(min: number, max: number): void {
    this.years = Array.from({ length: max - min + 1 }, (_, i) => min + i);
    this.yearFrom = min;
    this.yearTo = max;
  }

  apply(filters: Filters): void {
    for (const field of FIELDS) (this as Record<string, unknown>)[field] = filters[field];
  }

  /** A click on a chart: selects the value, or clears it when it is already selected. */
  toggle(key: SelectionKey, value: string): void {
    this[key] = this[key] === value ? null : value;
  }

  /** The filters a click toggling `value` would give (`toggle`), without changing them. */
  toggled(key: SelectionKey, value: string): Filters {
    return { ...this.value, [key]: this[key] === value ? null : value };
  }

  /** A chip removed: its filter back at its default (the years: the span of the data). */
  clear(key: FilterKey): void {
    const span = [this.years[0] ?? this.yearFrom, this.years.at(-1) ?? this.yearTo] as const;
    this.apply(clearedFilter(this.value, key, span));
  }

  get value(): Filters {
    const out: Record<string, unknown> = {};
    for (const field of FIELDS) out[field] = this.#values[field];
    return out as Filters;
  }
}
