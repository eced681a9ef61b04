import { i18n } from '../i18n/i18n.svelte';

/** Whether the charts show the bundled sample or the office's own imported records. */
export const dataset = $state({ sample: true });

/** The source line under every chart and export: it names sample data only when it is. */
export function sourceLine(): string {
  return i18n.t(dataset.sample ? 'chart.source' : 'chart.sourceImported');
}
