import type { FilterState } from './filters.svelte';

/**
 * A click on a year: selects that year alone, or gives back every year when
 * it is already the only one selected.
 */
export function toggleYear(filters: FilterState, year: number): void {
  const first = filters.years[0] ?? year;
  const last = filters.years.at(-1) ?? year;
  if (filters.yearFrom === year && filters.yearTo === year) {
    filters.yearFrom = first;
    filters.yearTo = last;
  } else {
    filters.yearFrom = year;
    filters.yearTo = year;
  }
}
