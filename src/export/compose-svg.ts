import { EXPORT_FONT_FAMILY } from './font';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface LegendItem {
  label: string;
  color: string;
}

export interface ExportParts {
  /** The chart as drawn, without its HTML legend. */
  chart: SVGSVGElement;
  title: string;
  /** The active filters. */
  subtitle: string;
  legend: readonly LegendItem[];
  /** Source, date and any credit line. */
  footer: readonly string[];
  /** @font-face rules with the font inlined. */
  fontCss: string;
}

export interface ComposedSvg {
  svg: string;
  width: number;
  height: number;
}

const PAD = 24;

function size(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox?.baseVal;
  const width = Number(svg.getAttribute('width')) || box?.width || 640;
  const height = Number(svg.getAttribute('height')) || box?.height || 400;
  return { width, height };
}

function text(
  doc: Document,
  content: string,
  x: number,
  y: number,
  attrs: Record<string, string> = {},
): SVGTextElement {
  const node = doc.createElementNS(SVG_NS, 'text');
  node.setAttribute('x', String(x));
  node.setAttribute('y', String(y));
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.textContent = content;
  return node;
}

/**
 * One self-contained SVG for slides and print: title, filters, legend, the
 * chart, then source and date, with the font inlined. Text is set as text
 * nodes only, so a value in the data can never become markup.
 */
export function composeSvg(parts: ExportParts, doc: Document = document): ComposedSvg {
  const chart = size(parts.chart);
  const width = chart.width + PAD * 2;
  const root = doc.createElementNS(SVG_NS, 'svg');
  const style = doc.createElementNS(SVG_NS, 'style');
  style.textContent = `${parts.fontCss}\ntext{font-family:'${EXPORT_FONT_FAMILY}',sans-serif;}`;
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  root.append(style, background);

  let y = PAD + 20;
  root.append(text(doc, parts.title, PAD, y, { 'font-size': '20', 'font-weight': '700', fill: '#1b1f24' }));
  y += 24;
  root.append(text(doc, parts.subtitle, PAD, y, { 'font-size': '13', fill: '#535b66' }));
  y += 14;
  if (parts.legend.length) {
    y += 12;
    let x = PAD;
    for (const item of parts.legend) {
      const swatch = doc.createElementNS(SVG_NS, 'rect');
      for (const [k, v] of Object.entries({ x: x, y: y - 10, width: 12, height: 12, fill: item.color })) {
        swatch.setAttribute(k, String(v));
      }
      root.append(swatch, text(doc, item.label, x + 17, y, { 'font-size': '12', fill: '#1b1f24' }));
      x += 17 + item.label.length * 13 + 16;
    }
    y += 8;
  }
  const nested = parts.chart.cloneNode(true) as SVGSVGElement;
  nested.setAttribute('x', String(PAD));
  nested.setAttribute('y', String(y + 8));
  nested.setAttribute('width', String(chart.width));
  nested.setAttribute('height', String(chart.height));
  root.append(nested);
  y += 8 + chart.height + 8;
  for (const line of parts.footer) {
    y += 18;
    root.append(text(doc, line, PAD, y, { 'font-size': '12', fill: '#535b66' }));
  }
  const height = y + PAD;
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}
