/** A code of a value list in the page's language, with the code itself (培训研修 · training). */
import { i18n } from '../i18n/i18n.svelte';
import { MESSAGES, type MessageKey } from '../i18n/messages';

/** The message prefix of each value list's labels (the charts' own). */
const PREFIX: Record<string, string> = {
  direction: 'direction',
  participant_category: 'category',
  activity_type: 'activity',
  funding: 'funding',
  status: 'status',
  agreement_status: 'agreement',
  event_kind: 'event',
};

export function codeLabel(column: string, code: string): string {
  const key = `${PREFIX[column] ?? column}.${code}`;
  return key in MESSAGES['zh-CN'] ? `${i18n.t(key as MessageKey)} · ${code}` : code;
}
