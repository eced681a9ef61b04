/**
 * Views below the first screen ask for rows and draw when they come near the window, or at the
 * page's first idle moment after the first screen asked its own, whichever is first. All views share one
 * observer and one idle callback, so views that come into sight together ask in the same tick and
 * their queries go in one batch (src/state/coordinator.ts).
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
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const seen = views.get(entry.target);
        if (seen) seen.near = true;
        views.delete(entry.target);
        observer?.unobserve(entry.target);
      }
    },
    // A screen ahead: a view is drawn before it scrolls in.
    { rootMargin: '100% 0px' },
  );
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

export class InView {
  near = $state(false);

  /** Whether the view may ask and draw. */
  get shown(): boolean {
    return this.near || page.warm;
  }

  readonly attach: Attachment<HTMLElement> = (node) => {
    warmUp();
    if (this.shown) return;
    return observe(node, this);
  };
}
