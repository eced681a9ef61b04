/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker (src/sw.ts) from the app's own script: no inline script, so the
 * strict policy holds. A new deployment's worker takes over on the next visit online and the page
 * reloads into it, once, at the start of that visit.
 */
import { registerSW } from 'virtual:pwa-register';

/**
 * A first visit's install downloads the whole app (DuckDB's 33 MB WebAssembly included) and would
 * compete with the first paint and the engine's start for the network and the CPU: it waits for
 * `firstInstallAfter`. A page already controlled registers at once, so that an update is found early.
 */
export function registerOffline(firstInstallAfter: Promise<unknown> = Promise.resolve()): void {
  if (!('serviceWorker' in navigator)) return;
  // workbox-window reloads only for an update it found itself; when the browser's own check at
  // navigation finds the new worker first (a busy machine), it counts as "external" and the page
  // stayed on the old deployment. A page that was controlled and gets a new controller reloads here.
  const updating = navigator.serviceWorker.controller !== null;
  let reloaded = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!updating || reloaded) return;
    reloaded = true;
    window.location.reload();
  });
  if (updating) registerSW({ immediate: true });
  else void firstInstallAfter.then(() => registerSW({ immediate: true }));
}
