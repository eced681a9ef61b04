import type { Filters } from '../data/queries';

/** The filter bar's values; `value` is the plain snapshot queries take. */
export class FilterState {
  yearFrom = $state(0);
  yearTo = $state(0);
  direction = $state<Filters['direction']>('all');
  region = $state<Filters['region']>('all');
  /** The years the data covers, for the year pickers. */
  years = $state<number[]>([]);

  setBounds(min: number, max: number): void {
    this.years = Array.from({ length: max - min + 1 }, (_, i) => min + i);
    this.yearFrom = min;
    this.yearTo = max;
  }

  get value(): Filters {
    return { yearFrom: this.yearFrom, yearTo: this.yearTo, direction: this.direction, region: this.region };
  }
}
