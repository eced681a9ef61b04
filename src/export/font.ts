// The exports' font, Noto Sans SC: its name here, its subsets and their inlining in
// ./font-subsets.ts, loaded when an export first asks for them.
export const EXPORT_FONT_FAMILY = 'Noto Sans SC';

/** @font-face rules, with the needed subsets inlined, for an SVG that stands on its own. */
export async function fontFaceCss(text: string): Promise<string> {
  const { fontFaceRules } = await import('./font-subsets');
  return fontFaceRules(text, EXPORT_FONT_FAMILY);
}
