/**
 * Pages allowed to frame the embed and to be told its height. The college's
 * sites go here; the dashboard's own origin is always allowed.
 */
export const EMBED_PARENT_ORIGINS: readonly string[] = [
  // e.g. 'https://www.example.edu.cn' — the college's Chinese and English sites.
];

/** The message an embed posts to its parent with its height in CSS pixels. */
export const HEIGHT_MESSAGE = 'anshun-exchange-dashboard:height';
