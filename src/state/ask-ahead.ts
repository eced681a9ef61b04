/**
 * A click asked ahead: while the pointer rests on a mark a click would select, the views on
 * screen ask now what they will ask after that click, so the click is drawn from kept answers.
 * Mosaic builds its indexes when the pointer enters a chart; this goes one step further, as a
 * person's pointer rests on a bar a good tenth of a second before the click.
 *
 * Each view tells what it would ask under other filters (`liveQuery`'s `whatIf`); only the views
 * on screen take part. The answers are kept by the coordinator as any other, so a click on
 * the rested mark asks nothing, or joins the answers on their way. Resting on another mark
 * withdraws what was asked for the last one (cancelled in the worker if not yet run).
 */
import type { Filters, SelectionKey } from '../domain/filters';
import type { FilterState } from './filters.svelte';
import type { BuiltQuery } from '../data/sql';
import { queryKey, type QueryCoordinator, type Slot } from './coordinator';

/** A view that can tell its query under other filters, and whether it is on screen. */
export interface WhatIfView {
  near(): boolean;
  query(filters: Filters): BuiltQuery<unknown>;
}

/** How long the pointer rests on a mark before its click is asked ahead: a sweep across bars asks nothing. */
export const REST_MS = 40;

const views = new Set<WhatIfView>();

/** Takes part in asking ahead while mounted; returns the function that takes it out. */
export function addWhatIfView(view: WhatIfView): () => void {
  views.add(view);
  return () => void views.delete(view);
}

let slots: Slot<unknown>[] = [];
let slotsOf: QueryCoordinator | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
/** The mark the pointer rests on, if any. */
let restingOn: string | null = null;

/** Asks now the queries of the views on screen under `filters`, replacing what was asked ahead before. */
export function askAhead(coordinator: QueryCoordinator, filters: Filters): void {
  const queries = new Map<string, BuiltQuery<unknown>>();
  for (const view of views) {
    if (!view.near()) continue;
    const query = view.query(filters);
    queries.set(queryKey(query), query);
  }
  if (slotsOf !== coordinator) {
    for (const slot of slots) slot.drop();
    [slots, slotsOf] = [[], coordinator];
  }
  while (slots.length < queries.size) slots.push(coordinator.slot(() => {}));
  [...queries.values()].forEach((query, i) => slots[i]!.ask(query));
  // Fewer views on screen than the last time: the others' slots let go of what they asked.
  for (const slot of slots.splice(queries.size)) slot.drop();
}

/**
 * The pointer is on a mark (`target`, what its click would do; null off the marks): once it has
 * rested there REST_MS, the click is asked ahead with `filters`. Moves on the same mark do not
 * restart the wait; a move to another mark, or off the marks, does.
 */
export function restOn(coordinator: QueryCoordinator, target: string | null, filters: () => Filters): void {
  if (target !== null && target === restingOn) return;
  if (timer !== null) clearTimeout(timer);
  timer = null;
  restingOn = target;
  if (target === null) return;
  timer = setTimeout(() => {
    timer = null;
    askAhead(coordinator, filters());
  }, REST_MS);
}

/**
 * The pointer is on a mark whose click toggles `value` of `key` (null: on none). The click's target
 * names whether it selects or clears, so after a click, resting on the same mark asks its clearing.
 * Nothing is asked while the years play (`playing`): each frame asks its own queries.
 */
export function restOnToggle(
  coordinator: QueryCoordinator,
  filters: FilterState,
  key: SelectionKey,
  value: string | null,
  playing = false,
): void {
  const selects = value !== null && filters[key] !== value;
  const target = value === null || playing ? null : `${key}:${value}:${selects ? 'select' : 'clear'}`;
  restOn(coordinator, target, () => filters.toggled(key, value!));
}
