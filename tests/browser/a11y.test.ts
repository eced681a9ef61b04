import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Locale } from '../../src/i18n/messages';
import { watchedPage } from './browser';
import { baseUrl, browser, origin, useHarness } from './harness';
import { openPage, PAGES } from './pages';

useHarness();

// axe's own bundle from node_modules, evaluated in the page (no script tag: the page's CSP allows none).
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;

interface Violation {
  id: string;
  impact: (typeof IMPACTS)[number] | null;
  nodes: { target: string[] }[];
}

async function axe(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

const report: string[] = [];
afterAll(() => {
  // The counts by impact per page and language, for the record (see README: accessibility).
  console.info(`axe-core violations (rules, by impact)\n${report.join('\n')}`);
});

// Every page in both languages, and the dashboard and embed in the dark theme (the system's choice).
const CASES = [
  ...PAGES.flatMap((name) => (['zh-CN', 'en'] as Locale[]).map((lang) => [name, lang, 'light'] as const)),
  ['dashboard', 'zh-CN', 'dark'] as const,
  ['embed', 'zh-CN', 'dark'] as const,
];

test.each(CASES)(
  '%s in %s (%s): no serious or critical axe violation',
  async (name, lang, theme) => {
    const { page, errors, foreign } = await watchedPage(browser, origin);
    await page.emulateMedia({ colorScheme: theme });
    await openPage(page, baseUrl, name, lang);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    const violations = await axe(page);
    const counts = Object.fromEntries(IMPACTS.map((i) => [i, violations.filter((v) => v.impact === i).length]));
    report.push(
      `${name.padEnd(10)} ${lang.padEnd(6)} ${theme.padEnd(6)} ${IMPACTS.map((i) => `${i} ${counts[i]}`).join(', ')}` +
        (violations.length ? `  [${violations.map((v) => `${v.id}×${v.nodes.length}`).join(' ')}]` : ''),
    );
    const grave = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(grave).toEqual([]);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.context().close();
  },
  120_000,
);

test('axe finds what it should: an unnamed button and low contrast fail', async () => {
  const { page } = await watchedPage(browser, origin);
  await openPage(page, baseUrl, 'embed', 'en');
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.innerHTML = '<svg width="10" height="10"></svg>';
    const faint = document.createElement('p');
    faint.textContent = 'faint';
    faint.style.color = '#ccc';
    document.querySelector('main')!.append(button, faint);
  });
  const ids = (await axe(page)).map((v) => v.id);
  expect(ids).toContain('button-name');
  expect(ids).toContain('color-contrast');
  await page.context().close();
});
