/** The database engine's restart after a crash; working offline. */
export const zh = {
  'engine.restarting': '数据引擎意外停止，正在重新启动并恢复数据……',
  'engine.restarted': '数据引擎已重新启动，数据和筛选条件均已恢复。',
  'engine.failed': '数据引擎无法重新启动。请刷新页面；导入的数据保存在本浏览器中，不会丢失。',
  'engine.dismiss': '知道了',
  'offline.asOf': '离线：显示的是本浏览器保存的数据，截至 {date}。恢复联网后自动更新。',
  'offline.unknown': '离线：显示的是本浏览器保存的数据。恢复联网后自动更新。',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'engine.restarting': 'The data engine stopped unexpectedly. Restarting it and restoring the data…',
  'engine.restarted': 'The data engine was restarted; the data and filters are as they were.',
  'engine.failed':
    'The data engine could not be restarted. Please reload the page; imported data is kept in this browser.',
  'engine.dismiss': 'OK',
  'offline.asOf': 'Offline: showing the data kept in this browser, as of {date}. It updates when the network is back.',
  'offline.unknown': 'Offline: showing the data kept in this browser. It updates when the network is back.',
};
