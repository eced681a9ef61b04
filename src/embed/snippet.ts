import { HEIGHT_MESSAGE } from '../config/embed';

export interface SnippetOptions {
  /** The embed page's address, e.g. https://host/dashboard/embed.html */
  embedUrl: string;
  chart: string;
  /** The view's link parameters (years, direction, scope, theme). */
  view: URLSearchParams;
  lang: string;
  /** The origin of the page that will hold the iframe: the only one told the height. */
  parentOrigin: string;
  title: string;
}

function attribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** HTML for web staff: the iframe, and a listener that takes the height only from that iframe and origin. */
export function embedSnippet(options: SnippetOptions): string {
  const url = new URL(options.embedUrl);
  const params = new URLSearchParams();
  params.set('chart', options.chart);
  for (const key of ['from', 'to', 'dir', 'scope', 'theme']) {
    const value = options.view.get(key);
    if (value !== null) params.set(key, value);
  }
  params.set('lang', options.lang);
  params.set('origin', options.parentOrigin);
  url.search = params.toString();
  const id = `exchange-chart-${options.chart}`;
  return `<iframe id="${id}" src="${attribute(url.href)}" title="${attribute(options.title)}"
  style="width:100%;height:420px;border:0" loading="lazy"></iframe>
<script>
  (function () {
    var frame = document.getElementById(${JSON.stringify(id)});
    window.addEventListener('message', function (event) {
      if (event.origin !== ${JSON.stringify(url.origin)} || event.source !== frame.contentWindow) return;
      var data = event.data;
      if (data && data.type === ${JSON.stringify(HEIGHT_MESSAGE)} && typeof data.height === 'number') {
        frame.style.height = Math.ceil(data.height) + 'px';
      }
    });
  })();
</script>`;
}
