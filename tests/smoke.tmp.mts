import { launch, watchedPage } from '/work/main/tests/browser/browser.ts';
import { serveStatic } from '/work/main/tests/browser/static-server.ts';
const { url, server } = await serveStatic('/work/main/dist', '/college/intl-dashboard/');
const browser = await launch();
const w = await watchedPage(browser, new URL(url).origin);
w.page.on('console', m => console.log('console', m.text()));
const t0 = Date.now();
await w.page.goto(url);
try { await w.page.waitForSelector('[data-testid=chart-trend] svg', { timeout: 30000 }); } catch (e) { console.log('timeout'); }
console.log('ms', Date.now() - t0);
await w.page.screenshot({ path: '/tmp/shot.png', fullPage: true });
console.log('errors', w.errors, 'foreign', w.foreign);
console.log(await w.page.locator('[data-testid^=kpi-]').evaluateAll(els => els.map(e => e.getAttribute('data-testid') + '=' + e.getAttribute('data-value'))));
await browser.close(); server.close();
