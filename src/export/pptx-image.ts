import type { LegendItem } from './compose-svg';
import { EXPORT_FONT_FAMILY, fontFaceCss } from './font';
import { svgToPng } from './png';
import type { SlideImage } from './pptx';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A composed picture before it is rasterised: its SVG text and size in px. */
export interface SlideSvg {
  svg: string;
  width: number;
  height: number;
}

function size(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox?.baseVal;
  return {
    width: Number(svg.getAttribute('width')) || box?.width || 640,
    height: Number(svg.getAttribute('height')) || box?.height || 400,
  };
}

/**
 * A chart (or the map) for a slide: its colour legend on a row above it, then the chart, the
 * font inlined so the picture looks the same anywhere. The title, filters and source are the
 * slide's own text, not part of the picture. Text is set as text nodes only.
 */
export async function slideSvg(
  chart: SVGSVGElement,
  legend: readonly LegendItem[],
  fontSize: number,
  doc: Document = document,
): Promise<SlideSvg> {
  const { width, height: chartHeight } = size(chart);
  const root = doc.createElementNS(SVG_NS, 'svg');
  const rowHeight = legend.length ? Math.round(fontSize * 2) : 0;
  const height = rowHeight + chartHeight;
  const style = doc.createElementNS(SVG_NS, 'style');
  const background = doc.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ width: '100%', height: '100%', fill: '#ffffff' }))
    background.setAttribute(k, v);
  root.append(style, background);
  let x = 0;
  for (const item of legend) {
    const swatch = doc.createElementNS(SVG_NS, 'rect');
    const box = { x, y: (rowHeight - fontSize) / 2, width: fontSize, height: fontSize, fill: item.color };
    for (const [k, v] of Object.entries(box)) swatch.setAttribute(k, String(v));
    const label = doc.createElementNS(SVG_NS, 'text');
    label.setAttribute('x', String(x + fontSize * 1.4));
    label.setAttribute('y', String(rowHeight / 2 + fontSize * 0.36));
    label.setAttribute('font-size', String(fontSize));
    label.setAttribute('fill', '#1b1f24');
    label.textContent = item.label;
    root.append(swatch, label);
    x += fontSize * 1.4 + [...item.label].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.6), 0) * fontSize;
    x += fontSize * 1.5;
  }
  const nested = chart.cloneNode(true) as SVGSVGElement;
  for (const [k, v] of Object.entries({ x: 0, y: rowHeight, width, height: chartHeight })) {
    nested.setAttribute(k, String(v));
  }
  root.append(nested);
  const text = `${legend.map((l) => l.label).join('')}${chart.textContent ?? ''}`;
  style.textContent = `${await fontFaceCss(text)}\ntext{font-family:'${EXPORT_FONT_FAMILY}',sans-serif;}`;
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

/** The picture as a PNG data URL, `scale` times its size in px (sharp on a 1920 × 1080 screen and in print). */
export async function slidePng(picture: SlideSvg, scale: number): Promise<SlideImage> {
  const blob = await svgToPng(picture.svg, picture.width, picture.height, scale);
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the picture could not be read'));
    reader.readAsDataURL(blob);
  });
  return { dataUrl, width: picture.width, height: picture.height };
}
