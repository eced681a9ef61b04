import type { NativeChart } from './pptx-chart';

/** A picture on a slide (the map, a timeline): a PNG as a data URL and its size in px. */
export interface SlideImage {
  dataUrl: string;
  width: number;
  height: number;
}

/** One slide of the deck as it goes into the file: its words, and a native chart or a picture. */
export interface PptxSlide {
  title: string;
  /** The filters, as the slide's subtitle says them. */
  subtitle: string;
  /** Source, the public rule, the date: one line each at the foot of the slide. */
  footer: readonly string[];
  body: { chart: NativeChart } | { image: SlideImage } | { message: string };
}

export interface PptxOptions {
  locale: 'zh-CN' | 'en';
  title: string;
}

/**
 * Fonts that Office and WPS have: Chinese in Microsoft YaHei (Windows, and WPS ships it); the
 * theme's Simplified Chinese face stays 等线 (DengXian), Office's own, for text set in theme fonts.
 * English in Arial. Latin letters in Chinese slides are set in YaHei too, which has them.
 */
export const PPTX_FONTS = { 'zh-CN': 'Microsoft YaHei', en: 'Arial' } as const;

/** The slide, 16:9 in inches (PowerPoint's widescreen: 13.333 × 7.5 in, 1920 × 1080 px at 144 dpi). */
export const SLIDE = { width: 13.333, height: 7.5 } as const;
const MARGIN = 0.5;
/** Where a slide's chart or picture goes. */
export const BODY = { x: MARGIN, y: 1.55, w: SLIDE.width - 2 * MARGIN, h: 4.95 } as const;

const INK = '1B1F24';
const MUTED = '535B66';

/** Fits a picture of `width` × `height` into the body, centred, keeping its proportions. */
export function fitImage(width: number, height: number): { x: number; y: number; w: number; h: number } {
  const scale = Math.min(BODY.w / width, BODY.h / height);
  const w = width * scale;
  const h = height * scale;
  return { x: BODY.x + (BODY.w - w) / 2, y: BODY.y + (BODY.h - h) / 2, w, h };
}

/**
 * The deck as a .pptx file: a slide per view with its title, filters, source and public rule,
 * the chart as a native chart PowerPoint and WPS can edit, or a picture. PptxGenJS is loaded
 * only here, when a deck is exported; images come in as data URLs, so nothing is fetched.
 */
export async function pptxBytes(slides: readonly PptxSlide[], options: PptxOptions): Promise<ArrayBuffer> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  const fontFace = PPTX_FONTS[options.locale];
  const lang = options.locale === 'zh-CN' ? 'zh-CN' : 'en-US';
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = options.title;
  pptx.theme = { headFontFace: 'Arial', bodyFontFace: 'Arial' };
  // Text sizes in points: the slide is 960 pt wide, so 1 pt is 2 px at 1920 × 1080; 9 pt is 18 px.
  for (const content of slides) {
    const slide = pptx.addSlide();
    slide.addText(content.title, {
      x: MARGIN,
      y: 0.3,
      w: SLIDE.width - 2 * MARGIN,
      h: 0.75,
      fontFace,
      lang,
      fontSize: 28,
      bold: true,
      color: INK,
      fit: 'shrink',
      valign: 'middle',
    });
    slide.addText(content.subtitle, {
      x: MARGIN,
      y: 1.05,
      w: SLIDE.width - 2 * MARGIN,
      h: 0.45,
      fontFace,
      lang,
      fontSize: 16,
      color: MUTED,
      valign: 'middle',
    });
    const body = content.body;
    if ('chart' in body) addChart(pptx, slide, body.chart, fontFace, lang);
    else if ('image' in body)
      slide.addImage({ data: body.image.dataUrl, ...fitImage(body.image.width, body.image.height) });
    else slide.addText(body.message, { ...BODY, fontFace, lang, fontSize: 20, color: MUTED, align: 'center' });
    slide.addText(
      content.footer.map((line) => ({ text: line, options: { breakLine: true } })),
      {
        x: MARGIN,
        y: 6.6,
        w: SLIDE.width - 2 * MARGIN,
        h: 0.75,
        fontFace,
        lang,
        fontSize: 11,
        color: MUTED,
        valign: 'bottom',
      },
    );
  }
  return (await pptx.write({ outputType: 'arraybuffer' })) as ArrayBuffer;
}

type Pptx = InstanceType<typeof import('pptxgenjs').default>;
type Slide = ReturnType<Pptx['addSlide']>;

function addChart(pptx: Pptx, slide: Slide, chart: NativeChart, fontFace: string, lang: string): void {
  const data = chart.series.map((s) => ({ name: s.name, labels: chart.categories, values: s.values }));
  // Many bars: smaller labels, never under 12 pt (24 px on a 1920 px slide).
  const labelSize = chart.categories.length > 10 ? 12 : 14;
  slide.addChart(pptx.ChartType.bar, data, {
    ...BODY,
    lang,
    barDir: chart.direction,
    barGrouping: chart.grouping,
    barGapWidthPct: 40,
    chartColors: chart.series.map((s) => s.color),
    // Across: the first category at the top, as on screen (PptxGenJS writes 'maxMin'; its types list only 'minMax').
    ...(chart.direction === 'bar' ? { catAxisOrientation: 'maxMin' as 'minMax' } : {}),
    catAxisLabelFontFace: fontFace,
    catAxisLabelFontSize: labelSize,
    catAxisLabelColor: INK,
    valAxisLabelFontFace: fontFace,
    valAxisLabelFontSize: 12,
    valAxisLabelColor: MUTED,
    valAxisTitle: chart.valueTitle,
    showValAxisTitle: true,
    valAxisTitleFontFace: fontFace,
    valAxisTitleFontSize: 12,
    valAxisTitleColor: MUTED,
    valGridLine: { color: 'E3E6EA', size: 0.75 },
    showLegend: chart.series.length > 1,
    legendPos: 't',
    legendFontFace: fontFace,
    legendFontSize: 14,
    showValue: true,
    dataLabelFontFace: fontFace,
    dataLabelFontSize: 12,
    dataLabelColor: chart.grouping === 'stacked' ? 'FFFFFF' : INK,
    dataLabelPosition: chart.grouping === 'stacked' ? 'ctr' : 'outEnd',
    dataLabelFormatCode: '#,##0;-#,##0;;',
  });
}
