// Baseline for P4: the embed's chart (the app's trend spec, Plot, the messages) from inline rows,
// with no framework, no aggregates file and no stylesheet.
import { renderPlot } from '../src/charts/render';
import { trendByYear } from '../src/charts/trend-by-year';
import type { TrendRow } from '../src/data/queries';
import { i18n } from '../src/i18n/i18n.svelte';

const rows: TrendRow[] = [2016, 2017, 2018, 2019].flatMap((year, i) => [
  { year, direction: 'outbound', headcount: 20 + i * 7, provisional: false },
]);
const ctx = { t: i18n.t, n: i18n.n, country: i18n.country, width: 640, locale: i18n.locale };
document.getElementById('chart')!.append(renderPlot(trendByYear(rows, ctx)));
