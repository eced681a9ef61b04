/**
 * Work put off until the current task is done, run in one task in two lanes: first `ask` (the
 * query coordinator sends what the views asked to the worker), then `draw` (charts and the map
 * redraw what changed). So a click's queries are on their way before the page spends its time
 * drawing the selection, and the worker computes them while the page draws (two threads). A
 * message task, not a timer: no clamp delays it, and every view that reacts to one click, in
 * however many rounds of effects, has asked by then.
 */
export type Lane = 'ask' | 'draw';

const lanes: Record<Lane, (() => void)[]> = { ask: [], draw: [] };
let post: (() => void) | null = null;
let posted = false;

function runLanes(): void {
  posted = false;
  for (const lane of ['ask', 'draw'] as const) {
    // What is put off meanwhile goes to the next task.
    for (const work of lanes[lane].splice(0)) {
      try {
        work();
      } catch (error) {
        console.error(error);
      }
    }
  }
}

function poster(): () => void {
  if (typeof MessageChannel === 'undefined') return () => setTimeout(runLanes, 0);
  const channel = new MessageChannel();
  channel.port1.onmessage = runLanes;
  // In Node (the tests), an idle port does not keep the process alive.
  (channel.port1 as { unref?: () => void }).unref?.();
  return () => channel.port2.postMessage(0);
}

/** Runs `work` in the next task, in its lane; the function returned takes it back if not yet run. */
export function nextTask(lane: Lane, work: () => void): () => void {
  const entry = () => work();
  lanes[lane].push(entry);
  if (!posted) {
    posted = true;
    (post ??= poster())();
  }
  return () => {
    const at = lanes[lane].indexOf(entry);
    if (at >= 0) lanes[lane].splice(at, 1);
  };
}
