/** Excel and WPS workbooks on the import panel: the sheet picker, what the report says, and why one is refused. */
export const zh = {
  'workbook.sheet': '工作表',
  'workbook.sheet.rows': '{name}（{rows} 行）',
  'workbook.sheet.empty': '{name}（空）',
  'workbook.sheet.chart': '{name}（图表，无数据）',
  'workbook.sheet.hidden': '{name}（隐藏，{rows} 行）',
  'import.report.sheet': '工作表：{sheet}；表头在第 {line} 行；数据类型：{table}',
  'import.fileError.workbook-encrypted': '这个工作簿设置了打开密码，无法读取。',
  'import.fileHint.workbook-encrypted':
    '请在 Excel 或 WPS 中用密码打开，在“文件”→“信息”→“保护工作簿”（WPS：“文件”→“文档加密”）中删除密码并保存后再导入。',
  'import.fileError.workbook-empty': '工作表 {items} 是空的，没有可导入的单元格。',
  'import.fileHint.workbook-empty': '请在预览中选择有数据的工作表，或检查是否保存了正确的文件。',
  'import.fileError.workbook-chart': '{items} 是图表工作表，只有图表，没有可导入的单元格。',
  'import.fileHint.workbook-chart': '请选择存放数据的工作表；图表所用的数据通常在另一个工作表中。',
  'import.fileError.workbook-rows': '工作表与行数：{items}，超过了工作簿每个工作表 100000 行的上限。',
  'import.fileHint.workbook-rows':
    '请删除多余的空行，或拆分为多个文件，或另存为“CSV UTF-8（逗号分隔）”后导入（CSV 文件没有这个限制）。',
  'import.notice.workbook-sheet': '从工作表“{items}”读取（工作簿共 {count} 个工作表）；报告中的行号就是工作表的行号',
  'import.notice.workbook-formulas': '{count} 个公式单元格按 Excel/WPS 保存时的计算结果读取（如 {items}）',
  'import.notice.workbook-merged': '跨行合并的单元格，其内容已填入合并区域的每一行：{items}',
  'import.notice.workbook-line-breaks': '单元格内的换行已改为空格：{items}',
};

export const en: Record<keyof typeof zh, string> = {
  'workbook.sheet': 'Sheet',
  'workbook.sheet.rows': '{name} ({rows} rows)',
  'workbook.sheet.empty': '{name} (empty)',
  'workbook.sheet.chart': '{name} (chart, no data)',
  'workbook.sheet.hidden': '{name} (hidden, {rows} rows)',
  'import.report.sheet': 'Sheet: {sheet}; header on row {line}; kind of data: {table}',
  'import.fileError.workbook-encrypted': 'This workbook is protected by a password to open; it cannot be read.',
  'import.fileHint.workbook-encrypted':
    'Open it in Excel or WPS with its password, remove the password (File → Info → Protect Workbook; in WPS, File → Document Encryption), save, then import it.',
  'import.fileError.workbook-empty': 'Sheet {items} is empty: it has no cells to import.',
  'import.fileHint.workbook-empty': 'Choose a sheet with data in the preview, or check that the right file was saved.',
  'import.fileError.workbook-chart': '{items} is a chart sheet: it holds a chart and no cells to import.',
  'import.fileHint.workbook-chart': 'Choose the sheet that holds the data; a chart usually draws from another sheet.',
  'import.fileError.workbook-rows':
    'Sheet and rows: {items}, over the limit of 100,000 rows for a sheet of a workbook.',
  'import.fileHint.workbook-rows':
    'Delete the empty rows below the data, split it into several files, or save it as "CSV UTF-8 (Comma delimited)" and import that (CSV files have no such limit).',
  'import.notice.workbook-sheet':
    'Read from sheet "{items}" (the workbook has {count} sheets); the lines in this report are the sheet\'s row numbers',
  'import.notice.workbook-formulas':
    '{count} formula cells read as the values Excel or WPS saved with them (e.g. {items})',
  'import.notice.workbook-merged': 'Cells merged over several rows: the value fills each row of the range: {items}',
  'import.notice.workbook-line-breaks': 'Line breaks inside cells read as spaces: {items}',
};
