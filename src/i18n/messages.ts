/**
 * Every visible string, in Chinese (the default) and English, gathered from one
 * module per area. Each module types its `en` by its `zh`, so a key missing in
 * either language fails the type check.
 */
import * as core from './messages/core';

const zh = { ...core.zh };
const en: Record<keyof typeof zh, string> = { ...core.en };

export type MessageKey = keyof typeof zh;
export const MESSAGES = { 'zh-CN': zh, en } as const;
export type Locale = keyof typeof MESSAGES;
export const LOCALES = Object.keys(MESSAGES) as Locale[];
