/**
 * Whether a view is on screen, so that only views on screen ask for rows and draw (issue 14: a
 * click redraws what can be seen; the views below redraw when scrolled to).
 *
 * - At the start, views below the first screen ask when scrolled to, or at the page's first idle
 *   moment after the first screen asked its own, whichever is first (`warm`): every view is drawn
 *   once without being scrolled to.
 * - After that, a view off screen asks nothing when the filters change: it keeps what it drew,
 *   marked stale and hidden (src/state/query-effect.svelte.ts `stale`, ChartCard's `data-stale`),
 *   and asks and draws when it comes on screen.
 *
 * All views share one observer and one idle callback, so views that come into sight together ask
 * in the same tick and their queries go in one batch (src/state/coordinator.ts).
 */
import type { Attachment } from 'svelte/attachments';

const page = $state({ warm: false });
const views = new WeakMap<Element, InView>();
let observer: IntersectionObserver | null = null;
let warming = false;

function observe(node: Element, view: InView): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    view.near = true;
    return () => {};
  }
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const seen = views.get(entry.target);
      if (seen) seen.near = entry.isIntersecting;
    }
  });
  views.set(node, view);
  observer.observe(node);
  return () => {
    views.delete(node);
    observer?.unobserve(node);
  };
}

/**
 * At the page's first idle moment after the first screen has asked its queries (and drawn what
 * the snapshot answers), every view still waiting asks: its batch goes after the first screen's.
 */
function warmUp(): void {
  if (warming) return;
  warming = true;
  const idle = (run: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1000 }) : setTimeout(run, 200);
  requestAnimationFrame(() => idle(() => (page.warm = true)));
}

/** What a live query asks of its view (src/state/query-effect.svelte.ts). */
export interface ViewPlace {
  /** On screen now: the view asks for what the filters ask and draws it. */
  readonly near: boolean;
  /** The page's first screen is drawn: a view that has drawn nothing yet asks, wherever it is. */
  readonly warm: boolean;
}

export class InView implements ViewPlace {
  near = $state(false);
  readonly #eager: boolean;

  /** `eager`: a view of the first screen (the map, the trend), which asks for its first rows at once. */
  constructor({ eager = false }: { eager?: boolean } = {}) {
    this.#eager = eager;
  }

  get warm(): boolean {
    return this.#eager || page.warm;
  }

  /** Off screen once the page's first screen is drawn: the view keeps what it drew. */
  get held(): boolean {
    return this.warm && !this.near;
  }

  readonly attach: Attachment<HTMLElement> = (node) => {
    warmUp();
    return observe(node, this);
  };
}
