import type { Page } from 'playwright-core';
import type { Locale } from '../../src/i18n/messages';
import { settled } from './harness';

/** The pages a visitor can see: the dashboard, the data page (数据), presenter mode and an embed. */
export const PAGES = ['dashboard', 'data', 'presenter', 'embed', 'partner-profile', 'country-profile'] as const;
export type PageName = (typeof PAGES)[number];

/** Opens `name` in `lang` and waits until it has drawn what it shows. */
export async function openPage(page: Page, baseUrl: string, name: PageName, lang: Locale): Promise<void> {
  if (name === 'embed') {
    await page.goto(`${baseUrl}embed.html?chart=countries&lang=${lang}`);
    await page.waitForSelector('[data-testid="embed"] svg', { timeout: 45_000 });
    return;
  }
  if (name === 'partner-profile' || name === 'country-profile') {
    // A partner's and a country or region's profile (issue 15), every card drawn.
    const [kind, id] = name === 'partner-profile' ? ['partner', 'cut'] : ['country', 'TW'];
    await page.goto(`${baseUrl}?lang=${lang}&view=${kind}&id=${id}`);
    await page.waitForSelector('[data-testid="profile"] [data-testid="chart-events"] svg', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
    return;
  }
  await page.goto(`${baseUrl}?lang=${lang}${name === 'data' ? '&view=data' : ''}`);
  if (name === 'data') {
    await page.waitForSelector('[data-testid="data-tables"]', { timeout: 45_000 });
    return;
  }
  await page.waitForSelector('[data-testid="chart-trend"] svg', { timeout: 45_000 });
  await page.waitForSelector('[data-testid="map-table"] tbody tr', { timeout: 45_000 });
  // The header's actions that need the engine are usable once it is ready (the first charts may come from
  // a snapshot before). (On a phone they are in the header's menu: there, not shown until it opens.)
  await page.waitForSelector('[data-testid="engine-actions"][data-ready="true"]', {
    state: 'attached',
    timeout: 60_000,
  });
  await settled(page);
  if (name === 'presenter') {
    if (await page.isVisible('[data-testid="menu-toggle"]')) await page.click('[data-testid="menu-toggle"]');
    await page.click('[data-testid="present"]');
    await page.waitForSelector('[data-testid="presenter"] svg');
  }
}
