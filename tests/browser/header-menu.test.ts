import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locale } from '../../src/i18n/messages';
import { watchedPage, type Watched } from './browser';
import { baseUrl, browser, origin, useHarness } from './harness';
import { openPage } from './pages';

// At 375 px the header is the title and a menu button, at most two lines; the rest is in the menu,
// which opens and closes by pointer and keyboard.
useHarness();

const ACTIONS = ['nav-data', 'present', 'embed-open', 'copy-link', 'lang-switch'] as const;

describe.each(['zh-CN', 'en'] as Locale[])('the header on a 375×812 phone, in %s', (lang) => {
  let w: Watched;
  beforeAll(async () => {
    w = await watchedPage(browser, origin, { width: 375, height: 812 });
    await openPage(w.page, baseUrl, 'dashboard', lang);
  });
  afterAll(() => w?.page.context().close());

  test('at most two lines: the title and the menu button', async () => {
    const m = await w.page.evaluate(() => {
      const header = document.querySelector('header.masthead')!;
      const h1 = header.querySelector('h1')!;
      const style = getComputedStyle(header);
      const line = parseFloat(getComputedStyle(h1).lineHeight);
      const content =
        header.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      const visible = (sel: string) => {
        const el = document.querySelector(sel);
        return !!el && el.getBoundingClientRect().width > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      return {
        titleLines: Math.round(h1.getBoundingClientRect().height / line),
        line,
        content,
        org: visible('header .org'),
        toggle: visible('[data-testid="menu-toggle"]'),
      };
    });
    expect(m.titleLines).toBeGreaterThanOrEqual(1);
    expect(m.titleLines).toBeLessThanOrEqual(2);
    expect(m.content).toBeLessThanOrEqual(2 * m.line + 1);
    expect(m.org).toBe(false);
    expect(m.toggle).toBe(true);
    for (const id of ACTIONS) expect(await w.page.isVisible(`[data-testid="${id}"]`), id).toBe(false);
    expect(await w.page.getAttribute('[data-testid="menu-toggle"]', 'aria-expanded')).toBe('false');
  });

  test('the menu opens with a click and holds the rest, inside the window', async () => {
    await w.page.click('[data-testid="menu-toggle"]');
    expect(await w.page.getAttribute('[data-testid="menu-toggle"]', 'aria-expanded')).toBe('true');
    const panel = w.page.locator('[data-testid="header-actions"]');
    expect(await w.page.getAttribute('[data-testid="menu-toggle"]', 'aria-controls')).toBe(
      await panel.getAttribute('id'),
    );
    for (const id of ACTIONS) {
      expect(await w.page.isVisible(`[data-testid="${id}"]`), id).toBe(true);
      expect(await panel.locator(`[data-testid="${id}"]`).count(), id).toBe(1);
      const box = (await w.page.locator(`[data-testid="${id}"]`).boundingBox())!;
      expect(box.x, id).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, id).toBeLessThanOrEqual(375);
    }
    expect(await panel.textContent()).toContain(lang === 'zh-CN' ? '国际合作与交流处' : 'International');
    await w.page.click('[data-testid="menu-toggle"]');
    expect(await w.page.getAttribute('[data-testid="menu-toggle"]', 'aria-expanded')).toBe('false');
    expect(await w.page.isVisible('[data-testid="lang-switch"]')).toBe(false);
  });

  test('by keyboard: Enter opens it, Tab goes into it, Escape closes it and returns the focus', async () => {
    await w.page.focus('[data-testid="menu-toggle"]');
    await w.page.keyboard.press('Enter');
    expect(await w.page.getAttribute('[data-testid="menu-toggle"]', 'aria-expanded')).toBe('true');
    await w.page.keyboard.press('Tab');
    const inside = await w.page.evaluate(() =>
      document.querySelector('[data-testid="header-actions"]')!.contains(document.activeElement),
    );
    expect(inside).toBe(true);
    await w.page.keyboard.press('Escape');
    expect(await w.page.getAttribute('[data-testid="menu-toggle"]', 'aria-expanded')).toBe('false');
    expect(await w.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu-toggle');
  });
});

test('at 1440 px there is no menu: the actions are in the header', async () => {
  const w = await watchedPage(browser, origin, { width: 1440, height: 900 });
  await openPage(w.page, baseUrl, 'dashboard', 'zh-CN');
  expect(await w.page.isVisible('[data-testid="menu-toggle"]')).toBe(false);
  for (const id of ACTIONS) expect(await w.page.isVisible(`[data-testid="${id}"]`), id).toBe(true);
  expect(await w.page.isVisible('header .org')).toBe(true);
  await w.page.context().close();
});
