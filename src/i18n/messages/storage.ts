/** What this browser keeps of the imports (the Data page), and what other tabs did to it. */
export const zh = {
  'storage.title': '本浏览器中保存的数据',
  'storage.what':
    '只保存数据表中的行：原文件、已删除的个人信息列和未导入的行都不保存。数据只在本浏览器中，不会上传；点击下方按钮即可清除。',
  'storage.none': '本浏览器中没有保存导入的数据。',
  'storage.col.file': '文件',
  'storage.col.table': '数据表',
  'storage.col.rows': '行数',
  'storage.col.size': '保存大小',
  'storage.col.at': '导入时间',
  'storage.total': '合计 {rows} 行，{size}，自 {since} 起保存在本浏览器中。',
  'tabs.elsewhere.saved': '另一个标签页在 {time} 导入了数据，本浏览器现在保存的是：{files}。本页显示的仍是之前的数据。',
  'tabs.elsewhere.forgot': '另一个标签页在 {time} 清除了本浏览器保存的导入数据。本页显示的仍是之前的数据。',
  'tabs.apply': '显示当前数据',
  'tabs.applying': '正在载入当前数据…',
  'tabs.overwrote': '这次导入替换了另一个标签页在 {time} 保存的数据（{files}）；其他标签页已收到提示。',
  'tabs.file': '{file}（{rows} 行）',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'storage.title': 'Kept in this browser',
  'storage.what':
    'Only the rows the tables hold are kept: not the files themselves, not the personal columns dropped, not the rows not imported. They stay in this browser and are never uploaded; the button below forgets them.',
  'storage.none': 'No imported data is kept in this browser.',
  'storage.col.file': 'File',
  'storage.col.table': 'Table',
  'storage.col.rows': 'Rows',
  'storage.col.size': 'Size kept',
  'storage.col.at': 'Imported',
  'storage.total': 'In all {rows} rows, {size}, kept in this browser since {since}.',
  'tabs.elsewhere.saved':
    'Another tab imported data at {time}; this browser now keeps {files}. This page still shows the data from before.',
  'tabs.elsewhere.forgot':
    'Another tab forgot the imported data this browser kept, at {time}. This page still shows the data from before.',
  'tabs.apply': 'Show the current data',
  'tabs.applying': 'Loading the current data…',
  'tabs.overwrote':
    'This import replaced the data another tab had saved at {time} ({files}); the other tabs have been told.',
  'tabs.file': '{file} ({rows} rows)',
};
