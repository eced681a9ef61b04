/** Presenter mode and its deck. */
export const zh = {
  'present.start': '演示',
  'present.role': '演示幻灯片',
  'present.slide': '第 {n} 页，共 {total} 页',
  'present.previous': '上一页',
  'present.next': '下一页',
  'present.exit': '退出演示（Esc）',
  'present.add': '加入演示',
  'present.added': '已加入演示（共 {n} 页）',
  'present.save': '保存演示文件',
  'present.open': '打开演示文件',
  'present.reset': '恢复默认演示',
  'present.badFile': '此文件不是有效的演示文件。',
  'present.menu': '演示选项',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'present.start': 'Present',
  'present.role': 'presentation slide',
  'present.slide': 'Slide {n} of {total}',
  'present.previous': 'Previous slide',
  'present.next': 'Next slide',
  'present.exit': 'Leave (Esc)',
  'present.add': 'Add to presentation',
  'present.added': 'Added to the presentation ({n} slides)',
  'present.save': 'Save presentation file',
  'present.open': 'Open presentation file',
  'present.reset': 'Restore the default presentation',
  'present.badFile': 'This file is not a valid presentation file.',
  'present.menu': 'Presentation options',
};
