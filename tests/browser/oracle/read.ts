/**
 * Reading what a page shows: value labels with the axis tick each sits at, summaries, tables, KPI
 * tiles, the map's table, CSV exports. Everything is read as text, as a visitor reads it.
 */
import { csvParseRows } from 'd3';
import type { Page } from 'playwright-core';
import { drawStale } from '../stale';

/** How a chart's value labels are placed: beside a y tick (bars), over an fx tick (the trend), over an x tick (stacked). */
export type LabelAxis = 'y' | 'fx' | 'x' | null;

export interface ShownLabel {
  key: string;
  text: string;
}

export interface ShownChart {
  labels: ShownLabel[];
  /** Tick labels of the value axis (x for bars), and of the key axis: scales held fixed keep both. */
  valueTicks: string[];
  keyTicks: string[];
  summary: string | null;
  /** Rows of cells (the select-button column left out); null when no table is shown. */
  table: string[][] | null;
}

export interface ReadSpec {
  /** The element that holds the chart. */
  root: string;
  axis: LabelAxis;
  summary: string | null;
  table: string | null;
}

/** Reads one chart inside `root`. Labels are matched to the nearest tick on their axis. */
export async function readChart(page: Page, spec: ReadSpec): Promise<ShownChart> {
  return page.evaluate((spec) => {
    const root = document.querySelector(spec.root);
    const empty = { labels: [], valueTicks: [], keyTicks: [], summary: null, table: null };
    if (!root) return empty;
    const center = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    };
    const texts = (selector: string) =>
      [...root.querySelectorAll(selector)].map((el) => (el.textContent ?? '').trim()).filter((s) => s !== '');
    const labels: { key: string; text: string }[] = [];
    if (spec.axis) {
      const ticks = [...root.querySelectorAll(`[aria-label="${spec.axis}-axis tick label"] text`)].map((el) => ({
        text: (el.textContent ?? '').trim(),
        ...center(el),
      }));
      for (const el of root.querySelectorAll('g[aria-label="text"] text')) {
        const text = (el.textContent ?? '').trim();
        if (text === '' || ticks.length === 0) continue;
        const c = center(el);
        const along = (p: { x: number; y: number }) => (spec.axis === 'y' ? p.y : p.x);
        const tick = ticks.reduce((a, b) => (Math.abs(along(b) - along(c)) < Math.abs(along(a) - along(c)) ? b : a));
        const key = spec.axis === 'fx' ? `${tick.text}|${c.x < tick.x ? 'outbound' : 'inbound'}` : tick.text;
        labels.push({ key, text });
      }
    }
    const summary = spec.summary ? (document.querySelector(spec.summary)?.textContent ?? '').trim() : null;
    const table = spec.table ? document.querySelector(spec.table) : null;
    const rows = table
      ? [...table.querySelectorAll('tbody tr')].map((tr) =>
          [...tr.children]
            .filter((cell) => !(cell.tagName === 'TD' && cell.querySelector('button')))
            .map((cell) => {
              // A row's profile link ("概况" / "Profile" beside a name in the map's table) is a way on, not a figure.
              const copy = cell.cloneNode(true) as Element;
              copy.querySelectorAll('.profile').forEach((link) => link.remove());
              return (copy.textContent ?? '').trim();
            }),
        )
      : null;
    const valueAxis = spec.axis === 'y' ? 'x' : 'y';
    return {
      labels,
      valueTicks: texts(`[aria-label="${valueAxis}-axis tick label"] text`),
      keyTicks: spec.axis ? texts(`[aria-label="${spec.axis}-axis tick label"] text`) : [],
      summary: summary === '' ? null : summary,
      table: rows,
    };
  }, spec);
}

export interface ShownKpi {
  id: string;
  /** The tile's data-value attribute and its visible figure. */
  value: string;
  text: string;
  label: string;
}

export async function readKpis(page: Page): Promise<ShownKpi[]> {
  return page.locator('[data-testid^="kpi-"]').evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-testid')!.slice(4),
      value: el.getAttribute('data-value') ?? '',
      text: (el.querySelector('.value')?.textContent ?? '').trim(),
      label: (el.querySelector('.label')?.textContent ?? '').trim(),
    })),
  );
}

/** Opens every chart's data table that is closed (a table stays open across filter changes). */
export async function openTables(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const b of document.querySelectorAll<HTMLButtonElement>(
      '[data-testid^="table-toggle-"][aria-expanded="false"]',
    ))
      b.click();
  });
}

/** The rows of a CSV export (header left out), formula guards taken off the text cells. */
export function csvRows(text: string): string[][] {
  const rows = csvParseRows(text.replace(/^\uFEFF/, '').trim());
  return rows.slice(1).map((r) => r.map((c) => (/^'[=+\-@\t\r]/.test(c) ? c.slice(1) : c)));
}

/** Keeps the last Blob the page hands to a download link, so a test can read what a download saves. */
export async function keepDownloads(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      (window as unknown as { __download?: Blob | MediaSource }).__download = object;
      return original(object);
    };
  });
}

/**
 * Each chart's CSV export, public (the default) or internal (公开版 / Public version unticked), as
 * its menu saves it (the page must `keepDownloads`). A chart that offers no export (empty) or no
 * internal version gives null.
 */
export async function exportCsvs(
  page: Page,
  charts: readonly string[],
  open: boolean,
): Promise<Map<string, string[][] | null>> {
  const texts = await page.evaluate(
    async ({ charts, open }) => {
      const out: Record<string, string | null> = {};
      const w = window as unknown as { __download?: Blob | null };
      for (const id of charts) {
        const menu = document.querySelector<HTMLDetailsElement>(`[data-testid="export-${id}"]`);
        if (!menu) {
          out[id] = null;
          continue;
        }
        menu.open = true;
        const box = document.querySelector<HTMLInputElement>(`[data-testid="export-${id}-public"]`);
        if (box && box.checked !== open) box.click();
        if (!box && !open) {
          menu.open = false;
          out[id] = null;
          continue;
        }
        await new Promise((resolve) => setTimeout(resolve, 0));
        w.__download = null;
        document.querySelector<HTMLButtonElement>(`[data-testid="export-${id}-csv"]`)!.click();
        const saved = (): Blob | null => w.__download ?? null;
        for (let i = 0; i < 50 && !saved(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
        out[id] = (await saved()?.text()) ?? '(no download)';
        menu.open = false;
      }
      return out;
    },
    { charts, open },
  );
  return new Map(Object.entries(texts).map(([id, text]) => [id, text === null ? null : csvRows(text)]));
}

/** Waits until every query has answered and what it drew is on the page, views off screen included (scrolled to). */
export async function settle(page: Page): Promise<void> {
  const frames = () =>
    page.evaluate(
      () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
    );
  // The views on screen answer; then each view left out of date off screen (the tiles too) is
  // scrolled to and redrawn; twice, for what an answer of the first round asks in turn.
  for (let i = 0; i < 2; i++) {
    await frames();
    await page.waitForFunction(
      () => document.querySelectorAll('[aria-busy="true"]:not([data-stale])').length === 0,
      undefined,
      { timeout: 45_000 },
    );
    await drawStale(page);
  }
  await page.waitForFunction(
    () => {
      const tiles = [...document.querySelectorAll('[data-testid^="kpi-"]')];
      return (
        tiles.every((t) => t.getAttribute('data-value') !== '') &&
        document.querySelectorAll('[aria-busy="true"], [data-stale]').length === 0
      );
    },
    undefined,
    { timeout: 45_000 },
  );
}
