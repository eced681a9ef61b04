/** The playback video export (docs/exports.md). */
export const zh = {
  'video.export': '导出视频',
  'video.exportHint': '每年 1 秒，1920×1080，公开版（人数取整）',
  'video.cancel': '取消',
  'video.preparing': '正在准备各年份画面…',
  'video.encoding': '正在生成视频：{done}/{total} 年',
  'video.done': '视频已保存（{format}，{years} 年，{seconds} 秒）。',
  'video.cancelled': '已取消视频导出。',
  'video.failed': '视频导出失败，请重试。',
  'video.unsupported':
    '此浏览器不支持视频编码（WebCodecs），无法导出视频。请使用新版 Chrome、Edge 或 360 等 Chromium 内核浏览器，并通过 https 打开本页。',
  'video.noCodec': '此浏览器无法编码 1920×1080 的 H.264、VP9 或 VP8 视频，无法导出视频。',
  'video.cumulative': '自 {from} 年起累计',
  'video.progress': '视频导出进度',
};

export const en: Record<keyof typeof zh, string> = {
  'video.export': 'Export video',
  'video.exportHint': 'One second a year, 1920×1080, public (counts rounded)',
  'video.cancel': 'Cancel',
  'video.preparing': 'Preparing each year’s picture…',
  'video.encoding': 'Encoding the video: {done} of {total} years',
  'video.done': 'Video saved ({format}, {years} years, {seconds} s).',
  'video.cancelled': 'Video export cancelled.',
  'video.failed': 'The video export failed. Please try again.',
  'video.unsupported':
    'This browser cannot encode video (no WebCodecs), so the video cannot be exported. Use a recent Chrome, Edge or other Chromium-based browser, with the page opened over https.',
  'video.noCodec': 'This browser cannot encode H.264, VP9 or VP8 video at 1920×1080, so the video cannot be exported.',
  'video.cumulative': 'Cumulative since {from}',
  'video.progress': 'Video export progress',
};
