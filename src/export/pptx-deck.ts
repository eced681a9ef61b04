import type { PlotOptions } from '@observablehq/plot';
import { loadBasemap } from '../charts/basemap-load';
import type { ChartContext } from '../charts/context';
import { flowMap } from '../charts/flow-map';
import type { MapContext } from '../charts/flow-map-types';
import { mapCredit, mapExportParts } from '../components/map-export';
import { BASEMAP } from '../config/basemap';
import { ROUNDING_BASE } from '../config/disclosure';
import type { DbClient } from '../data/client';
import type { FlowRow } from '../data/queries/flows';
import { publicContext } from '../disclosure/public-view';
import { embeddable } from '../embed/registry';
import { EMBED_MAP } from '../embed/map';
import type { Locale, MessageKey } from '../i18n/messages';
import type { Params } from '../i18n/translate';
import { slideFilters, slideSubtitle, type Deck } from '../present/deck';
import type { YearBounds } from '../state/url-state';
import { BODY, fitImage, pptxBytes, type PptxSlide } from './pptx';
import { nativeChart } from './pptx-chart';
import { slidePng, slideSvg, type SlideSvg } from './pptx-image';
import { plotExport } from './source';

export interface DeckWords {
  t(key: MessageKey, params?: Params): string;
  n(value: number): string;
  country(code: string): string;
  locale: Locale;
}

/** 1 px of a 1920 × 1080 slide per inch of the slide: PowerPoint's widescreen is 13.333 in wide. */
const PX_PER_INCH = 1920 / 13.333;
/** The smallest text on a slide at 1920 × 1080, in px, and the smallest a chart draws (Plot's text marks). */
const MIN_SLIDE_TEXT = 18;
const MIN_DRAWN_TEXT = 11;
/** How many device pixels a picture gets per px of the 1920 × 1080 slide: sharp on a projector and in print. */
const SHARPNESS = 2;

/** How much a picture drawn at `width` × `height` px is enlarged on a 1920 × 1080 slide. */
function enlargement(width: number, height: number): number {
  return (fitImage(width, height).w * PX_PER_INCH) / width;
}

/** A timeline (or any chart without a native kind) drawn to fill the slide, its text ≥ 18 px there. */
async function plotPicture(spec: PlotOptions): Promise<SlideSvg | null> {
  // Drawn 1.75 times smaller than the slide's body, so 11 px text is 19 px on the slide.
  const scale = 1.75;
  const legendSize = 12;
  const width = Math.floor((BODY.w * PX_PER_INCH) / scale);
  const height = Math.floor((BODY.h * PX_PER_INCH) / scale) - legendSize * 2;
  const drawn = plotExport(
    () => ({ ...spec, width, height }),
    () => '',
  ).draw(width, { public: true });
  return drawn && slideSvg(drawn.chart, drawn.legend, legendSize);
}

/**
 * The map for a slide: drawn narrow enough that, fitted to the slide, its smallest text (the
 * credit line, 11 px) is 18 px or more; its legend row at the same size.
 */
async function mapPicture(rows: readonly FlowRow[], words: DeckWords): Promise<SlideSvg | null> {
  const features = await loadBasemap();
  const credit = mapCredit(BASEMAP, words);
  let picture: SlideSvg | null = null;
  for (const width of [820, 760, 700, 640, 580]) {
    const ctx: MapContext = { ...publicContext({ ...words, width }), locale: words.locale };
    const spec = flowMap(rows, features, ctx, { mode: 'flows', measure: 'total', selected: null });
    const { chart, legend } = mapExportParts(spec, credit);
    picture = await slideSvg(chart, legend, 12);
    if (MIN_DRAWN_TEXT * enlargement(picture.width, picture.height) >= MIN_SLIDE_TEXT) break;
  }
  return picture;
}

/**
 * The presenter's deck as a .pptx: each slide's public rows (the chart's query over the
 * published cells and its public step, as the presenter shows them), drawn as a native chart
 * where PowerPoint has one, else (the map, the timelines) as a picture.
 */
export async function deckPptx(
  client: Pick<DbClient, 'query'>,
  deck: Deck,
  bounds: YearBounds,
  words: DeckWords,
  source: string,
  date: string,
): Promise<Blob> {
  const footer = [
    source,
    ...(ROUNDING_BASE > 1 ? [words.t('export.protected', { n: ROUNDING_BASE })] : []),
    words.t('export.date', { date }),
  ];
  const slides: PptxSlide[] = [];
  for (const slide of deck.slides) {
    const filters = slideFilters(slide, bounds);
    const subtitle = slideSubtitle(filters, words);
    if (slide.chart === EMBED_MAP.id) {
      const rows = EMBED_MAP.publicRows(await client.query(EMBED_MAP.query(filters))) as unknown as FlowRow[];
      const picture = await mapPicture(rows, words);
      const title = words.t(EMBED_MAP.title);
      slides.push({
        title,
        subtitle,
        footer,
        body: picture
          ? { image: await slidePng(picture, enlargement(picture.width, picture.height) * SHARPNESS) }
          : { message: words.t('present.pptxEmpty') },
      });
      continue;
    }
    const chart = embeddable(slide.chart);
    if (!chart) continue;
    const title = words.t(chart.title);
    const rows = chart.publicRows(await client.query(chart.query(filters)), ROUNDING_BASE);
    if (rows.length === 0) {
      slides.push({ title, subtitle, footer, body: { message: words.t('present.pptxEmpty') } });
      continue;
    }
    const ctx: ChartContext = publicContext({ ...words, width: 960 });
    const native = nativeChart(chart.id, rows, ctx);
    if (native) {
      slides.push({ title, subtitle, footer, body: { chart: native } });
      continue;
    }
    const picture = await plotPicture(chart.spec(rows, ctx));
    slides.push({
      title,
      subtitle,
      footer,
      body: picture
        ? { image: await slidePng(picture, enlargement(picture.width, picture.height) * SHARPNESS) }
        : { message: words.t('present.pptxEmpty') },
    });
  }
  const bytes = await pptxBytes(slides, { locale: words.locale, title: words.t('present.pptxTitle') });
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
}
