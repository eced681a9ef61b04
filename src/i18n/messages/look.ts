/** The KPI tiles' change against the previous period, and the header's menu at phone width. `{name}` marks a value. */
export const zh = {
  'kpi.change.up': '比{period}增加 {delta}（{percent}）',
  'kpi.change.upFromNone': '比{period}增加 {delta}',
  'kpi.change.down': '比{period}减少 {delta}（{percent}）',
  'kpi.change.same': '与{period}持平',
  'kpi.change.none': '无更早时期可比',
  'kpi.change.previousYear': '上一年（{year}年）',
  'kpi.change.previousYears': '{from}—{to}年',
  'header.menu': '菜单',
  'app.titleShort': '安顺职院国际交流数据看板',
  'header.menuLabel': '更多操作：语言、主题、链接与演示',
};

export const en: Record<keyof typeof zh, string> = {
  'kpi.change.up': 'up {delta} ({percent}) on {period}',
  'kpi.change.upFromNone': 'up {delta} on {period}',
  'kpi.change.down': 'down {delta} ({percent}) on {period}',
  'kpi.change.same': 'same as {period}',
  'kpi.change.none': 'no earlier period',
  'kpi.change.previousYear': '{year}',
  'kpi.change.previousYears': '{from}–{to}',
  'header.menu': 'Menu',
  'app.titleShort': 'Anshun VTC International Exchange',
  'header.menuLabel': 'More: language, theme, link and presenting',
};
