/**
 * Runs in every page the bench opens, before the page's own scripts (an init script): notes when
 * the first Plot chart was painted, when the DOM last changed and was painted, and when the last
 * pointer press happened, all on the page's clock (ms since navigation). Plain JavaScript text, so
 * no helper of the TypeScript loader ends up in the page.
 */
export interface Probe {
  firstChart: number | null;
  /** The first Plot chart the page's own code drew: not one of a first screen kept in the HTML. */
  ownChart: number | null;
  lastPaint: number;
  clickAt: number | null;
  mutations: number;
}

export const PROBE_SCRIPT = `(() => {
  const probe = { firstChart: null, ownChart: null, lastPaint: 0, clickAt: null, mutations: 0 };
  window.__probe = probe;
  const isChart = (node) =>
    node instanceof Element && (node.matches('[class^="plot-"]') || node.querySelector('[class^="plot-"]') !== null);
  new MutationObserver((records) => {
    probe.mutations += records.length;
    // Looked for only until both are found: not on every later redraw the bench times.
    const charts = probe.ownChart === null ? records.flatMap((r) => [...r.addedNodes].filter(isChart)) : [];
    const own = charts.some((n) => !n.closest('[data-first-screen]'));
    requestAnimationFrame(() => {
      const now = performance.now();
      probe.lastPaint = now;
      if (charts.length > 0 && probe.firstChart === null) probe.firstChart = now;
      if (own && probe.ownChart === null) probe.ownChart = now;
    });
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  addEventListener('pointerdown', () => (probe.clickAt = performance.now()), { capture: true });
})();`;
