/** Export of charts and data, and the embed page. */
export const zh = {
  'export.menu': '导出',
  'export.png2': 'PNG 图片（2 倍）',
  'export.png3': 'PNG 图片（3 倍）',
  'export.svg': 'SVG 矢量图',
  'export.csv': 'CSV 数据',
  'export.failed': '导出失败，请重试。',
  'export.date': '导出日期：{date}',
  'embed.error': '图表数据未能载入。',
  'embed.unknown': '未知的图表。请检查嵌入代码中的 chart 参数。',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'export.menu': 'Export',
  'export.png2': 'PNG image (2×)',
  'export.png3': 'PNG image (3×)',
  'export.svg': 'SVG vector image',
  'export.csv': 'CSV data',
  'export.failed': 'The export failed. Please try again.',
  'export.date': 'Exported {date}',
  'embed.error': 'The chart data could not be loaded.',
  'embed.unknown': 'Unknown chart. Please check the chart parameter in the embed code.',
};
