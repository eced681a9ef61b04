/** Export of charts and data, and the embed page. */
export const zh = {
  'export.menu': '导出',
  'export.png2': 'PNG 图片（2 倍）',
  'export.png3': 'PNG 图片（3 倍）',
  'export.svg': 'SVG 矢量图',
  'export.csv': 'CSV 数据',
  'export.failed': '导出失败，请重试。',
  'export.date': '导出日期：{date}',
  'export.public': '公开版（人数取整到 {n} 的倍数）',
  'export.protected':
    '为保护个人信息，人数按最细分组取整到最接近的 {n} 的倍数（0–2 记为 0），合计为取整后之和，与实际人数可能略有出入。',
  'embed.error': '图表数据未能载入。',
  'embed.unknown': '未知的图表。请检查嵌入代码中的 chart 参数。',
  'embed.open': '嵌入',
  'embed.title': '在网页中嵌入图表',
  'embed.hint': '把下面的代码粘贴到学院网站的页面中。图表使用当前的年份、方向和范围筛选；数据为构建时预先汇总的结果。',
  'embed.chart': '图表',
  'embed.language': '语言',
  'embed.parent': '嵌入页面所在的网站（来源）',
  'embed.badOrigin': '请填写网站来源，例如 https://www.example.edu.cn',
  'embed.code': '嵌入代码',
  'embed.copy': '复制代码',
  'embed.copied': '嵌入代码已复制',
  'embed.close': '关闭',
  'embed.notAllowed':
    '{origin} 的网页还不能显示此图表：浏览器会拒绝（frame-ancestors），图表位置只显示错误。请在服务器上把 index.html 旁边的 {file}（{url}）改为：',
  'embed.notAllowedThen':
    '然后重新生成 nginx 配置并重新加载 nginx（npx tsx scripts/nginx-conf.ts，见 docs/embedding.md）。无须重新构建。',
  'embed.invalidEntries': '{file} 中以下条目不是网站来源，已被忽略：{entries}',
  'embed.checkAgain': '重新检查',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'export.menu': 'Export',
  'export.png2': 'PNG image (2×)',
  'export.png3': 'PNG image (3×)',
  'export.svg': 'SVG vector image',
  'export.csv': 'CSV data',
  'export.failed': 'The export failed. Please try again.',
  'export.date': 'Exported {date}',
  'export.public': 'Public version (counts rounded to multiples of {n})',
  'export.protected':
    'To protect individuals, counts are rounded to the nearest {n} in the finest groups (0–2 as 0); totals are sums of rounded counts and may differ slightly from the true ones.',
  'embed.error': 'The chart data could not be loaded.',
  'embed.unknown': 'Unknown chart. Please check the chart parameter in the embed code.',
  'embed.open': 'Embed',
  'embed.title': 'Embed a chart in a web page',
  'embed.hint':
    "Paste this code into a page of the college's website. The chart keeps the current years, direction and scope; its data are aggregates computed when the site was built.",
  'embed.chart': 'Chart',
  'embed.language': 'Language',
  'embed.parent': 'Site of the page that embeds it (origin)',
  'embed.badOrigin': 'Please give the site origin, e.g. https://www.example.edu.cn',
  'embed.code': 'Embed code',
  'embed.copy': 'Copy code',
  'embed.copied': 'Embed code copied',
  'embed.close': 'Close',
  'embed.notAllowed':
    'Pages on {origin} cannot show this chart yet: browsers refuse it (frame-ancestors) and show an error in its place. On the server, change {file} beside index.html ({url}) to read:',
  'embed.notAllowedThen':
    'Then regenerate the nginx configuration and reload nginx (npx tsx scripts/nginx-conf.ts, see docs/embedding.md). No rebuild is needed.',
  'embed.invalidEntries': 'These entries of {file} are not site origins and are ignored: {entries}',
  'embed.checkAgain': 'Check again',
};
