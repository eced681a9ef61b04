// Noto Sans SC, self-hosted: the package's CSS maps ~100 woff2 subsets to unicode ranges.
// An export inlines only the subsets its text needs. Loaded by an export only (src/export/font.ts):
// the CSS text and the subsets' URLs (the small ones inlined) are ~35 KB gzip the first screen
// does not need.
import css from '@fontsource/noto-sans-sc/400.css?raw';

const files = import.meta.glob('/node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-*-400-normal.woff2', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

interface Subset {
  file: string;
  ranges: [number, number][];
}

function parseSubsets(text: string): Subset[] {
  const subsets: Subset[] = [];
  for (const block of text.split('@font-face').slice(1)) {
    const file = /files\/(noto-sans-sc-[\w-]+-400-normal\.woff2)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
      const start = parseInt(lo ?? '0', 16);
      return [start, hi ? parseInt(hi, 16) : start];
    });
    subsets.push({ file, ranges });
  }
  return subsets;
}

let subsets: Subset[] | null = null;

/** The subset files whose ranges hold a character of `text`. */
export function subsetsFor(text: string): string[] {
  subsets ??= parseSubsets(css);
  const codes = new Set([...text].map((ch) => ch.codePointAt(0) ?? 0));
  return subsets
    .filter((s) => [...codes].some((code) => s.ranges.some(([lo, hi]) => code >= lo && code <= hi)))
    .map((s) => s.file);
}

function urlOf(file: string): string | undefined {
  return Object.entries(files).find(([path]) => path.endsWith(`/${file}`))?.[1];
}

async function dataUrl(url: string): Promise<string> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:font/woff2;base64,${btoa(binary)}`;
}

/** @font-face rules, with the needed subsets inlined, for an SVG that stands on its own. */
export async function fontFaceRules(text: string, family: string): Promise<string> {
  const rules = await Promise.all(
    subsetsFor(text).map(async (file) => {
      const url = urlOf(file);
      if (!url) return '';
      return `@font-face{font-family:'${family}';font-weight:400;font-display:swap;src:url(${await dataUrl(url)}) format('woff2');}`;
    }),
  );
  return rules.join('\n');
}
