/**
 * Every visible string, in Chinese (the default) and English, gathered from one
 * module per area. Each module types its `en` by its `zh`, so a key missing in
 * either language fails the type check.
 */
import * as core from './messages/core';
import * as profile from './messages/profile';
import * as map from './messages/map';
import * as exporting from './messages/export';
import * as charts from './messages/charts';
import * as present from './messages/present';
import * as importer from './messages/importer';
import * as hardening from './messages/hardening';
import * as valueMapping from './messages/value-mapping';
import * as workbook from './messages/workbook';
import * as storage from './messages/storage';
import * as video from './messages/video';
import * as look from './messages/look';
import * as report from './messages/report';

/**
 * Each language's table is merged from the modules on first use (a few ms of copying each): the
 * English one only once English is shown, not while the first screen's modules load.
 */
const zhTable = () => ({
  ...core.zh,
  ...profile.zh,
  ...exporting.zh,
  ...map.zh,
  ...charts.zh,
  ...present.zh,
  ...importer.zh,
  ...hardening.zh,
  ...workbook.zh,
  ...storage.zh,
  ...video.zh,
  ...valueMapping.zh,
  ...look.zh,
  ...report.zh,
});
export type MessageKey = keyof ReturnType<typeof zhTable>;
const enTable = (): Record<MessageKey, string> => ({
  ...core.en,
  ...profile.en,
  ...exporting.en,
  ...map.en,
  ...charts.en,
  ...present.en,
  ...importer.en,
  ...hardening.en,
  ...workbook.en,
  ...storage.en,
  ...video.en,
  ...valueMapping.en,
  ...look.en,
  ...report.en,
});

let zh: ReturnType<typeof zhTable> | undefined;
let en: Record<MessageKey, string> | undefined;
export const MESSAGES = {
  get 'zh-CN'() {
    return (zh ??= zhTable());
  },
  get en() {
    return (en ??= enTable());
  },
};
export type Locale = keyof typeof MESSAGES;
export const LOCALES = Object.keys(MESSAGES) as Locale[];
