import type { Filters, SelectionKey } from '../data/filters';

/** The filter bar's values and chart selections; `value` is the plain snapshot queries take. */
export class FilterState {
  yearFrom = $state(0);
  yearTo = $state(0);
  direction = $state<Filters['direction']>('all');
  region = $state<Filters['region']>('all');
  country = $state<string | null>(null);
  program = $state<string | null>(null);
  category = $state<string | null>(null);
  partner = $state<string | null>(null);
  /** The years the data covers, for the year pickers. */
  years = $state<number[]>([]);

  setBounds(min: number, max: number): void {
    this.years = Array.from({ length: max - min + 1 }, (_, i) => min + i);
    this.yearFrom = min;
    this.yearTo = max;
  }

  apply(filters: Filters): void {
    this.yearFrom = filters.yearFrom;
    this.yearTo = filters.yearTo;
    this.direction = filters.direction;
    this.region = filters.region;
    this.country = filters.country;
    this.program = filters.program;
    this.category = filters.category;
    this.partner = filters.partner;
  }

  /** A click on a chart: selects the value, or clears it when it is already selected. */
  toggle(key: SelectionKey, value: string): void {
    this[key] = this[key] === value ? null : value;
  }

  get value(): Filters {
    return {
      yearFrom: this.yearFrom,
      yearTo: this.yearTo,
      direction: this.direction,
      region: this.region,
      country: this.country,
      program: this.program,
      category: this.category,
      partner: this.partner,
    };
  }
}
