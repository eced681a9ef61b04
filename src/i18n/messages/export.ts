/** Export of charts and data. */
export const zh = {
  'export.menu': '导出',
  'export.png2': 'PNG 图片（2 倍）',
  'export.png3': 'PNG 图片（3 倍）',
  'export.svg': 'SVG 矢量图',
  'export.csv': 'CSV 数据',
  'export.failed': '导出失败，请重试。',
  'export.date': '导出日期：{date}',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'export.menu': 'Export',
  'export.png2': 'PNG image (2×)',
  'export.png3': 'PNG image (3×)',
  'export.svg': 'SVG vector image',
  'export.csv': 'CSV data',
  'export.failed': 'The export failed. Please try again.',
  'export.date': 'Exported {date}',
};
