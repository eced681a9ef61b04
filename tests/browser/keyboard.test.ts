import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultFilters } from '../../src/data/filters';
import { yearSpanQuery, type YearSpan } from '../../src/data/queries';
import { countryName } from '../../src/reference/countries';
import { watchedPage } from './browser';
import { baseUrl, browser, expectedKpis, origin, settled, shownKpis, sql, useHarness } from './harness';
import { openPage } from './pages';

useHarness();

const VIEWPORTS = { 1440: { width: 1440, height: 900 }, 375: { width: 375, height: 812 } } as const;

/** What has the focus, and whether a focus ring is drawn on it (or on the pill a hidden radio stands for). */
async function focused(page: Page): Promise<{ id: string; visible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { id: 'body', visible: false };
    // A radio drawn as a pill is hidden (opacity 0): its ring is on the pill beside it.
    const pill = el.matches('input[type="radio"]') && getComputedStyle(el).opacity === '0';
    const shown = pill ? (el.nextElementSibling as HTMLElement | null) : el;
    const style = shown ? getComputedStyle(shown) : null;
    const ring =
      !!style &&
      style.outlineStyle !== 'none' &&
      parseFloat(style.outlineWidth) >= 2 &&
      style.outlineColor !== 'transparent';
    const name =
      el.getAttribute('data-testid') ??
      (el.tagName === 'SUMMARY' ? `summary:${el.closest('[data-testid]')?.getAttribute('data-testid')}` : null) ??
      (el.closest('[data-testid="map-table"]') ? `map-table:${el.textContent?.trim()}` : null) ??
      (el.classList.contains('map') ? 'map' : `${el.tagName.toLowerCase()}:${el.textContent?.trim().slice(0, 20)}`);
    return { id: name, visible: ring };
  });
}

test.each([1440, 375] as const)(
  'at %i px, Tab reaches every main control, each with a visible focus ring',
  async (width) => {
    const { page, errors } = await watchedPage(browser, origin, VIEWPORTS[width]);
    await openPage(page, baseUrl, 'dashboard', 'zh-CN');
    const seen = new Map<string, boolean>();
    for (let i = 0; i < 90; i++) {
      await page.keyboard.press('Tab');
      const { id, visible } = await focused(page);
      seen.set(id, visible);
      // On a phone the header's actions are in a menu: Enter opens it, and Tab goes on into it.
      if (id === 'menu-toggle' && (await page.getAttribute('[data-testid="menu-toggle"]', 'aria-expanded')) === 'false')
        await page.keyboard.press('Enter');
    }
    const expected = [
      ...(width === 375 ? ['menu-toggle'] : []),
      'nav-data',
      'present',
      'embed-open',
      'copy-link',
      'lang-switch',
      'year-from',
      'year-to',
      'direction-all',
      'region-all',
      'play',
      'trend-split-direction',
      'summary:export-trend',
      'table-toggle-trend',
      'map-mode-flows',
      'map',
    ];
    expect(expected.filter((id) => !seen.has(id))).toEqual([]);
    expect([...seen.keys()].some((id) => id.startsWith('map-table:'))).toBe(true);
    const noRing = [...seen].filter(([id, visible]) => id !== 'body' && !visible).map(([id]) => id);
    expect(noRing).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  },
  120_000,
);

test.each([1440, 375] as const)(
  'at %i px, filters, tables, the map, the language and the presenter work by keyboard alone',
  async (width) => {
    const { page, errors, foreign } = await watchedPage(browser, origin, VIEWPORTS[width]);
    await openPage(page, baseUrl, 'dashboard', 'zh-CN');
    const [span] = await sql<YearSpan>(yearSpanQuery());
    const base = defaultFilters(span!.min!, span!.max!);

    // Direction: arrow keys move within the radio group.
    await page.focus('[data-testid="direction-all"]');
    await page.keyboard.press('ArrowRight');
    expect(await page.isChecked('[data-testid="direction-outbound"]')).toBe(true);
    await settled(page);
    expect(await shownKpis(page)).toEqual(await expectedKpis({ ...base, direction: 'outbound' }));

    // Years: the select takes arrow keys.
    await page.focus('[data-testid="year-from"]');
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector('[data-testid="chip-years"]');
    await settled(page);
    expect(await shownKpis(page)).toEqual(
      await expectedKpis({ ...base, direction: 'outbound', yearFrom: base.yearFrom + 1 }),
    );

    // A chart's table opens with Enter; a row's button selects its country with Enter.
    await page.focus('[data-testid="table-toggle-countries"]');
    await page.keyboard.press('Enter');
    await page.focus('[data-testid="select-countries-TW"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="chip-country"]');
    expect(await page.getAttribute('[data-testid="select-countries-TW"]', 'aria-pressed')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="chip-country"]', { state: 'detached' });

    // The map: its table selects with Space; the map itself zooms with +.
    await page.focus('[data-testid="map-row-US"] button');
    await page.keyboard.press('Space');
    expect(await page.textContent('[data-testid="map-selected"]')).toContain(countryName('US', 'zh-CN'));
    const land = () => page.getAttribute('[data-testid="chart-map"] svg .land', 'transform');
    const before = await land();
    await page.focus('[data-testid="chart-map"] .map');
    await page.keyboard.press('+');
    await page.waitForFunction((was) => {
      const now = document.querySelector('[data-testid="chart-map"] svg .land')?.getAttribute('transform');
      return now !== was;
    }, before);

    // The export menu opens with Enter.
    await page.focus('[data-testid="export-trend"] summary');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('[data-testid="export-trend"]', 'open')).toBe('');
    await page.keyboard.press('Enter');

    // The language switch (on a phone in the header's menu, opened with Enter).
    if (width === 375) {
      await page.focus('[data-testid="menu-toggle"]');
      await page.keyboard.press('Enter');
    }
    await page.focus('[data-testid="lang-switch"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.textContent('[data-testid="chart-trend"] h2')).toBe(
      'International exchange person-trips by year',
    );

    // The presenter: Enter opens it, arrows step, Esc leaves (on a phone, from the menu again).
    if (width === 375) {
      await page.focus('[data-testid="menu-toggle"]');
      await page.keyboard.press('Enter');
    }
    await page.focus('[data-testid="present"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="presenter"][data-slide="1"] svg');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="presenter"][data-slide="2"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="presenter"]', { state: 'detached' });

    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.context().close();
  },
  180_000,
);
