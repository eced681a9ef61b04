/**
 * Work put off until the page's reactions to the current event are done, run in two lanes: first
 * `ask` (the query coordinator sends what the views asked to the worker), then `draw` (charts and
 * the map redraw what changed). So a click's queries are on their way before the page spends its
 * time drawing the selection, and the worker computes them while the page draws (two threads).
 *
 * The lanes run in a microtask once Svelte's effects have settled (`flushSync`), still in the
 * click's task: every view that reacts to the click, in however many rounds of effects, has asked
 * by then, the queries leave before the browser paints, and what is drawn from kept answers is
 * painted in the click's own frame instead of one frame later.
 */
import { flushSync } from 'svelte';

export type Lane = 'ask' | 'draw';

const lanes: Record<Lane, (() => void)[]> = { ask: [], draw: [] };
let posted = false;

function runLanes(): void {
  try {
    // Effects still queued (a second round of reactions) ask before the lanes run.
    flushSync();
  } catch (error) {
    console.error(error);
  }
  posted = false;
  for (const lane of ['ask', 'draw'] as const) {
    // What is put off meanwhile runs in the next round.
    for (const work of lanes[lane].splice(0)) {
      try {
        work();
      } catch (error) {
        console.error(error);
      }
    }
  }
}

/** Runs `work` once the current reactions are done, in its lane; the function returned takes it back if not yet run. */
export function nextTask(lane: Lane, work: () => void): () => void {
  const entry = () => work();
  lanes[lane].push(entry);
  if (!posted) {
    posted = true;
    queueMicrotask(runLanes);
  }
  return () => {
    const at = lanes[lane].indexOf(entry);
    if (at >= 0) lanes[lane].splice(at, 1);
  };
}
