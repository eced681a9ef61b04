/**
 * The workbook fixtures of tests/fixtures/import/ (issue 16 §3): an export as the office keeps it in
 * Excel or WPS (.xlsx and the same as .xls), and the bad workbooks the importer must refuse with a
 * message. Written with the parser the app reads them with (@e965/xlsx, SheetJS CE 0.20.3); the
 * password-protected .xlsx is encrypted with officecrypto-tool (ECMA-376 agile encryption, as
 * Excel 2010+ and WPS do); the chart sheet and the .xls password record are added to the files
 * SheetJS writes, part by part, as Excel lays them out.
 *
 *   node scripts/make-workbook-fixtures.mjs      writes the files (they are committed)
 *
 * `bigSheet(rows)` makes the 1,048,576-row workbook in memory for the tests (3 MB; not committed).
 */
import { writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';

const OUT = fileURLToPath(new URL('../tests/fixtures/import/', import.meta.url));

const date = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const formula = (f, v) => ({ t: 'n', f, v });

/**
 * The office's exchanges sheet: two title rows, a two-row header with merged cells, dates as date
 * cells, as a General-format serial and as text, numbers stored as text (one in full-width digits),
 * a formula, a line break in a cell, a country merged over two rows, a blank row and a 合计 row.
 * Each data row's fate is in tests/unit/import-workbook.test.ts.
 */
export const EXCHANGE_ROWS = [
  // 编号, 方向, 人员类别, 人数, 活动类型, 国家和地区, 合作院校, 开始日期, 结束日期, 备注
  ['WB-1', '出访', '教师', 3, '培训', '韩国', 'Hanyang Tech', date(2017, 9, 1), date(2017, 9, 20), ''],
  ['WB-2', '来访', '学生', '12', '交换', '中国台湾', 'Kaohsiung Poly', 43101, '2018/1/20', '学期交换'],
  ['WB-3', '出访', '教师', formula('1+1', 2), '考察访问', '日本', '', '2018年3月5日', date(2018, 3, 9), ''],
  ['WB-4', '来访', '专家', 0, '讲学', '德国', '', date(2018, 4, 2), '', '人数待核'],
  [
    'WB-5',
    '出访',
    '学生',
    '１０',
    '培训',
    '越南',
    'Hanoi\nVocational College',
    date(2018, 5, 10),
    date(2018, 5, 30),
    '',
  ],
  ['WB-6', '出访', '教师', 4, '参会', null, '', date(2018, 6, 1), date(2018, 6, 4), ''],
];

function exchangesSheet() {
  const header1 = ['编号', '方向', '人员类别', '人数', '活动类型', '国家和地区', '合作院校', '交流时间', null, '备注'];
  const header2 = [null, null, null, null, null, null, null, '开始日期', '结束日期', null];
  const rows = [
    ['安顺职业技术学院国际交流统计表（2017—2018）'],
    ['填表单位：国际合作与交流处'],
    header1,
    header2,
    ...EXCHANGE_ROWS,
    [],
    ['合计', null, null, formula('SUM(D5:D10)', 9)],
  ];
  const ws = XLSX.utils.aoa_to_sheet(rows, { cellDates: true });
  // Date cells show as dates (yyyy-mm-dd, as a Chinese Excel writes them); the serial 43101 stays General.
  for (const cell of Object.values(ws)) if (cell && cell.t === 'd') cell.z = 'yyyy-mm-dd';
  ws['!merges'] = [
    'A1:J1',
    ...'ABCDEFGJ'.split('').map((c) => `${c}3:${c}4`),
    'H3:I3',
    // 越南 for WB-5 and WB-6 (rows 9 and 10), written once.
    'F9:F10',
    'A12:C12',
  ].map((r) => XLSX.utils.decode_range(r));
  return ws;
}

function partnersSheet() {
  return XLSX.utils.aoa_to_sheet([
    ['编号', '中文名称', '英文名称', '国家和地区'],
    ['P-1', '汉阳科技大学', 'Hanyang Tech', '韩国'],
  ]);
}

function exchangesBook() {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['说明'], ['本工作簿由国际合作与交流处填写。']]), '说明');
  XLSX.utils.book_append_sheet(wb, exchangesSheet(), '交流记录');
  XLSX.utils.book_append_sheet(wb, partnersSheet(), '合作院校');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), '空白');
  return wb;
}

const write = (wb, bookType) => new Uint8Array(XLSX.write(wb, { type: 'array', bookType, compression: true }));

/** A ZIP's parts, and the ZIP again from parts (SheetJS's own container code). */
function parts(zip) {
  const cfb = XLSX.CFB.read(zip, { type: 'array' });
  const files = new Map();
  cfb.FullPaths.forEach((path, i) => {
    const entry = cfb.FileIndex[i];
    if (entry.type === 2) files.set(path.replace(/^Root Entry\//, ''), Buffer.from(entry.content));
  });
  return files;
}

function zipOf(files) {
  // A plain ZIP writer (deflate from node:zlib): local headers, central directory, end record.
  const local = [];
  const central = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const body = deflateRawSync(data);
    const crc = crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    local.push(head, nameBytes, body);
    central.push(dir, nameBytes);
    offset += head.length + nameBytes.length + body.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, ...central, end]));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const CHARTSHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetPr/><sheetViews><sheetView zoomScale="100" workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`;
const CHARTSHEET_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing9.xml"/></Relationships>`;
const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666000" cy="6293000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`;
const DRAWING_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart9.xml"/></Relationships>`;
/** A column chart of 人数 by 编号 from 交流记录, with the values Excel caches in the chart. */
const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>交流记录!$A$5:$A$7</c:f><c:strCache><c:ptCount val="3"/><c:pt idx="0"><c:v>WB-1</c:v></c:pt><c:pt idx="1"><c:v>WB-2</c:v></c:pt><c:pt idx="2"><c:v>WB-3</c:v></c:pt></c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>交流记录!$D$5:$D$7</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>3</c:v></c:pt><c:pt idx="1"><c:v>12</c:v></c:pt><c:pt idx="2"><c:v>2</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

/** The workbook with a chart sheet 图表 before its sheets (`only`: instead of them). */
function withChartSheet(xlsx, only = false) {
  const files = parts(xlsx);
  const text = (name) => files.get(name).toString('utf8');
  const chart = '<sheet name="图表" sheetId="99" r:id="rIdChart"/>';
  let workbook = text('xl/workbook.xml');
  workbook = only
    ? workbook.replace(/<sheets>[\s\S]*<\/sheets>/, `<sheets>${chart}</sheets>`)
    : workbook.replace('<sheets>', `<sheets>${chart}`);
  files.set('xl/workbook.xml', Buffer.from(workbook));
  files.set(
    'xl/_rels/workbook.xml.rels',
    Buffer.from(
      text('xl/_rels/workbook.xml.rels').replace(
        '</Relationships>',
        '<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
      ),
    ),
  );
  files.set(
    '[Content_Types].xml',
    Buffer.from(
      text('[Content_Types].xml').replace(
        '</Types>',
        '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/><Override PartName="/xl/drawings/drawing9.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart9.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
      ),
    ),
  );
  files.set('xl/chartsheets/sheet1.xml', Buffer.from(CHARTSHEET));
  files.set('xl/chartsheets/_rels/sheet1.xml.rels', Buffer.from(CHARTSHEET_RELS));
  files.set('xl/drawings/drawing9.xml', Buffer.from(DRAWING));
  files.set('xl/drawings/_rels/drawing9.xml.rels', Buffer.from(DRAWING_RELS));
  files.set('xl/charts/chart9.xml', Buffer.from(CHART));
  return zipOf(files);
}

/**
 * An .xls with a password to open: the workbook stream gains the FILEPASS record Excel writes after
 * the first BOF (RC4 CryptoAPI header), which is what a reader meets first. The records after it
 * are left as they were, not encrypted: no reader gets past the FILEPASS without the password.
 */
function withFilePass(xls) {
  const cfb = XLSX.CFB.read(xls, { type: 'array' });
  const entry = XLSX.CFB.find(cfb, 'Workbook');
  const stream = Buffer.from(entry.content);
  const bofLength = stream.readUInt16LE(2);
  const at = 4 + bofLength;
  // FILEPASS (0x002F): wEncryptionType 1 (RC4), then RC4 CryptoAPI: version 4.2, flags, header, verifier.
  const body = Buffer.alloc(2 + 52);
  body.writeUInt16LE(1, 0);
  body.writeUInt16LE(2, 2);
  body.writeUInt16LE(2, 4);
  const record = Buffer.concat([Buffer.from([0x2f, 0x00, body.length & 0xff, body.length >> 8]), body]);
  entry.content = Buffer.concat([stream.subarray(0, at), record, stream.subarray(at)]);
  entry.size = entry.content.length;
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }));
}

/** A sheet of `rows` rows (a header, then numbers): the size Excel's last row makes, 1,048,576. */
export function bigSheet(rows) {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['编号', '人数']]), '交流记录');
  const files = parts(write(wb, 'xlsx'));
  const xml = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B${rows}"/><sheetData>`,
    '<row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c><c r="B1" t="inlineStr"><is><t>人数</t></is></c></row>',
  ];
  for (let r = 2; r <= rows; r++) xml.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>1</v></c></row>`);
  xml.push('</sheetData></worksheet>');
  files.set('xl/worksheets/sheet1.xml', Buffer.from(xml.join('')));
  return zipOf(files);
}

/** Every committed fixture by file name. */
export async function buildWorkbooks() {
  const { default: officeCrypto } = await import('officecrypto-tool');
  const xlsx = write(exchangesBook(), 'xlsx');
  const xls = write(exchangesBook(), 'biff8');
  const empty = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(empty, XLSX.utils.aoa_to_sheet([]), 'Sheet1');
  const plainZip = zipOf(new Map([['readme.txt', Buffer.from('not a workbook\n')]]));
  return new Map([
    ['wb-exchanges.xlsx', withChartSheet(xlsx)],
    ['wb-exchanges.xls', xls],
    ['wb-password.xlsx', new Uint8Array(await officeCrypto.encrypt(Buffer.from(xlsx), { password: 'anshun' }))],
    ['wb-password.xls', withFilePass(xls)],
    ['wb-truncated.xlsx', xlsx.slice(0, Math.floor(xlsx.length * 0.6))],
    ['wb-not-a-workbook.xlsx', plainZip],
    ['wb-empty.xlsx', write(empty, 'xlsx')],
    ['wb-chart-only.xlsx', withChartSheet(xlsx, true)],
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, bytes] of await buildWorkbooks()) {
    writeFileSync(OUT + name, bytes);
    console.log(`${name}  ${bytes.length} bytes`);
  }
}
