/**
 * Plot puts a `<style>` in every chart it draws (and in every legend), the same rules each time.
 * A style element coming into or leaving the page makes the browser restyle every element its
 * rules could match, on the whole page: each redraw of a chart restyled the text of all fourteen.
 * The charts on screen share one copy of each, in the document's head; the chart's own are taken
 * out before it is shown. Charts drawn for export keep theirs (they leave the page as files).
 */
const shared = new Set<string>();

export function shareStyles(chart: Element): void {
  const doc = chart.ownerDocument;
  for (const style of chart.querySelectorAll('style')) {
    const css = style.textContent ?? '';
    if (shared.has(css)) style.remove();
    else {
      shared.add(css);
      doc.head.append(style);
    }
  }
}
