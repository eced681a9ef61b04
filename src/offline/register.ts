/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker (src/sw.ts) from the app's own script: no inline script, so the
 * strict policy holds. A new deployment's worker takes over on the next visit online and the page
 * reloads into it, once, at the start of that visit.
 */
import { registerSW } from 'virtual:pwa-register';

export function registerOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  registerSW({ immediate: true });
}
