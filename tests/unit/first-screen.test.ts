import { describe, expect, test } from 'vitest';
import { fits, type FirstScreenOf, type Opening } from '../../src/state/first-screen';

const of: FirstScreenOf = { locale: 'zh-CN', theme: 'light', width: 1440, snapshot: '40930:7066cc2a' };
const plain: Opening = { search: '', hash: '', storedLocale: null, theme: 'light', width: 1440 };

describe('which opening a first-screen template fits', () => {
  test('the default opening, and the language chosen before when it is the template’s', () => {
    expect(fits(of, plain)).toBe(true);
    expect(fits(of, { ...plain, storedLocale: 'zh-CN' })).toBe(true);
    expect(fits({ ...of, locale: 'en' }, { ...plain, storedLocale: 'en' })).toBe(true);
    expect(fits({ ...of, locale: 'en' }, plain)).toBe(false);
    expect(fits(of, { ...plain, storedLocale: 'en' })).toBe(false);
  });

  test('no link state, the same theme', () => {
    expect(fits(of, { ...plain, search: '?country=DE' })).toBe(false);
    expect(fits(of, { ...plain, search: '?lang=en' })).toBe(false);
    expect(fits(of, { ...plain, hash: '#data' })).toBe(false);
    expect(fits(of, { ...plain, theme: 'dark' })).toBe(false);
  });

  test('a window within a fifth of its width', () => {
    expect(fits(of, { ...plain, width: 1152 })).toBe(true);
    expect(fits(of, { ...plain, width: 1728 })).toBe(true);
    expect(fits(of, { ...plain, width: 1151 })).toBe(false);
    expect(fits(of, { ...plain, width: 1729 })).toBe(false);
  });
});
