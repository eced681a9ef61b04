// The bare baselines of P2 and P3, driven by scripts/bench/run.ts through `window.bench`.
import { CHARTS } from '../src/charts/registry';
import { renderPlot } from '../src/charts/render';
import { trendByYear } from '../src/charts/trend-by-year';
import { chartContext } from '../src/components/chart-context';
import type { Filters } from '../src/data/filters';
import { trendStackQuery, type TrendRow } from '../src/data/queries';
import type { Row } from '../src/data/engine';
import type { BareRequest, BareResponse, LoggedQuery } from './engine-protocol';

const worker = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' });
const ready = new Promise<void>((resolve) =>
  worker.addEventListener('message', (e: MessageEvent<BareResponse>) => e.data.type === 'ready' && resolve(), {
    once: true,
  }),
);

async function ask(request: BareRequest, transfer: Transferable[] = []): Promise<BareResponse> {
  await ready;
  return new Promise((resolve, reject) => {
    worker.addEventListener(
      'message',
      (e: MessageEvent<BareResponse>) =>
        e.data.type === 'error' ? reject(new Error(e.data.message)) : resolve(e.data),
      { once: true },
    );
    worker.postMessage(request, transfer);
  });
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

/** The charts a filter change redraws, from rows already at hand. */
function drawAll(target: HTMLElement, rows: Row[][], filters: Filters): void {
  const years = [filters.yearFrom, filters.yearTo] as const;
  const trend = rows[0]!.map((d) => ({ ...d, direction: d.key }) as unknown as TrendRow);
  target.append(renderPlot(trendByYear(trend, chartContext(1200, { years }))));
  CHARTS.forEach((def, i) => {
    const selected = def.select ? filters[def.select.key] : null;
    const ctx = chartContext(def.wide ? 1200 : 600, { selected, ...(def.years ? { years } : {}) });
    target.append(renderPlot(def.spec(rows[i + 1]!, ctx)));
  });
}

const bench = {
  async csv(url: string) {
    const bytes = await (await fetch(url)).arrayBuffer();
    return ask({ type: 'csv', bytes }, [bytes]);
  },
  load: (dataUrl: string) => ask({ type: 'load', dataUrl }),
  run: async (queries: LoggedQuery[], reps: number) => {
    const response = await ask({ type: 'run', queries, reps });
    return response.type === 'run' ? response.times : [];
  },
  /** Re-renders the dashboard's Plot charts for these filters from cached rows; ms per rep. */
  async render(filters: Filters, reps: number) {
    const queries: LoggedQuery[] = [trendStackQuery(filters, 'direction'), ...CHARTS.map((def) => def.query(filters))];
    const response = await ask({ type: 'run', queries, reps: 1 });
    if (response.type !== 'run') throw new Error('no rows');
    const target = document.getElementById('charts')!;
    const times: number[] = [];
    for (let rep = 0; rep < reps; rep++) {
      target.replaceChildren();
      await frame();
      const started = performance.now();
      drawAll(target, response.results, filters);
      times.push((await frame()) - started);
    }
    return times;
  },
};

Object.assign(window, { bench });
