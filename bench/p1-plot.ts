// Baseline for the app's first chart from its snapshot: a bare page that draws one Plot chart.
import { drawInlineChart } from './inline-chart';

drawInlineChart(document.getElementById('chart')!);
