import { describe, expect, it } from 'vitest';
import { COUNTRIES, countriesCsv, countryByIso2, countryName } from '../../src/reference/countries';
import { openNodeEngine } from '../helpers/node-engine';

const codes = (group: 'asean' | 'ceec') =>
  COUNTRIES.filter((c) => c.groups.includes(group))
    .map((c) => c.iso2)
    .sort();

describe('country and region reference data', () => {
  it('covers ISO 3166-1 alpha-2, with unique codes', () => {
    expect(COUNTRIES.length).toBe(249);
    expect(new Set(COUNTRIES.map((c) => c.iso2)).size).toBe(COUNTRIES.length);
    expect(new Set(COUNTRIES.map((c) => c.iso3)).size).toBe(COUNTRIES.length);
    for (const c of COUNTRIES) {
      expect(c.iso2).toMatch(/^[A-Z]{2}$/);
      expect(c.iso3).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('names Taiwan, Hong Kong and Macao as regions of China', () => {
    const expected = [
      ['TW', '中国台湾', 'Taiwan, China'],
      ['HK', '中国香港', 'Hong Kong, China'],
      ['MO', '中国澳门', 'Macao, China'],
    ] as const;
    for (const [iso2, zh, en] of expected) {
      expect(countryByIso2(iso2)).toMatchObject({ nameZh: zh, nameEn: en, regionType: 'hk_macao_tw' });
    }
    expect(countryByIso2('CN')).toMatchObject({ nameZh: '中国', nameEn: 'China', regionType: 'mainland' });
    expect(
      COUNTRIES.filter((c) => c.regionType === 'hk_macao_tw')
        .map((c) => c.iso2)
        .sort(),
    ).toEqual(['HK', 'MO', 'TW']);
    expect(COUNTRIES.filter((c) => c.regionType === 'mainland').map((c) => c.iso2)).toEqual(['CN']);
  });

  it('has no name that breaks the naming rules, and no flags', () => {
    const forbidden = /Province of|中华民国|台湾省|(?<!People's )Republic of China|[\u{1F1E6}-\u{1F1FF}]/u;
    for (const c of COUNTRIES) {
      for (const name of [c.nameZh, c.nameEn]) expect(name, c.iso2).not.toMatch(forbidden);
      if (c.iso2 !== 'TW') expect(c.nameZh + c.nameEn, c.iso2).not.toMatch(/台湾|Taiwan/);
    }
  });

  it('gives every country names in both languages and a point on the globe', () => {
    for (const c of COUNTRIES) {
      expect(c.nameZh.trim(), c.iso2).not.toBe('');
      expect(c.nameEn.trim(), c.iso2).not.toBe('');
      expect(c.nameZh, c.iso2).toMatch(/\p{Script=Han}/u);
      expect(Number.isFinite(c.lon) && c.lon >= -180 && c.lon <= 180, c.iso2).toBe(true);
      expect(Number.isFinite(c.lat) && c.lat >= -90 && c.lat <= 90, c.iso2).toBe(true);
    }
    expect(new Set(COUNTRIES.map((c) => c.nameZh)).size).toBe(COUNTRIES.length);
    expect(new Set(COUNTRIES.map((c) => c.nameEn)).size).toBe(COUNTRIES.length);
  });

  it('knows the groups', () => {
    expect(codes('asean')).toEqual(['BN', 'ID', 'KH', 'LA', 'MM', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN']);
    expect(codes('ceec')).toEqual([
      'AL',
      'BA',
      'BG',
      'CZ',
      'EE',
      'GR',
      'HR',
      'HU',
      'LT',
      'LV',
      'ME',
      'MK',
      'PL',
      'RO',
      'RS',
      'SI',
      'SK',
    ]);
  });

  it('splits the Americas and knows the continents', () => {
    expect(countryByIso2('US')?.continent).toBe('north_america');
    expect(countryByIso2('CR')?.continent).toBe('north_america');
    expect(countryByIso2('JM')?.continent).toBe('north_america');
    expect(countryByIso2('BR')?.continent).toBe('south_america');
    expect(countryByIso2('NZ')?.continent).toBe('oceania');
    expect(countryByIso2('AQ')?.continent).toBe('antarctica');
  });

  it('has the seed countries with their usual Chinese names', () => {
    const seed = {
      US: '美国',
      SG: '新加坡',
      GB: '英国',
      DE: '德国',
      RU: '俄罗斯',
      RO: '罗马尼亚',
      HR: '克罗地亚',
      BG: '保加利亚',
      NP: '尼泊尔',
      FR: '法国',
      NZ: '新西兰',
      KR: '韩国',
      JP: '日本',
    };
    for (const [iso2, zh] of Object.entries(seed)) expect(countryByIso2(iso2)?.nameZh, iso2).toBe(zh);
    expect(countryName('US', 'en')).toBe('United States');
    expect(countryName('KR', 'en')).toBe('South Korea');
    expect(countryName('RU', 'en')).toBe('Russia');
  });

  it('looks codes up case-insensitively and falls back to the code', () => {
    expect(countryByIso2(' sg ')?.iso3).toBe('SGP');
    expect(countryByIso2('XX')).toBeUndefined();
    expect(countryByIso2('')).toBeUndefined();
    expect(countryName('tw', 'zh-CN')).toBe('中国台湾');
    expect(countryName('XX', 'en')).toBe('XX');
  });

  it('loads as CSV into DuckDB', async () => {
    const engine = await openNodeEngine();
    try {
      await engine.registerText('countries.csv', countriesCsv());
      const table = "read_csv('countries.csv', header=true, all_varchar=true)";
      const [hmt] = await engine.query(`SELECT count(*)::INTEGER n FROM ${table} WHERE region_type = ?`, [
        'hk_macao_tw',
      ]);
      expect(hmt).toEqual({ n: 3 });
      const [all] = await engine.query(`SELECT count(*)::INTEGER n FROM ${table}`);
      expect(all).toEqual({ n: COUNTRIES.length });
      const [tw] = await engine.query(`SELECT name_zh, name_en, groups, lon::DOUBLE lon FROM ${table} WHERE iso2 = ?`, [
        'TW',
      ]);
      expect(tw).toEqual({ name_zh: '中国台湾', name_en: 'Taiwan, China', groups: null, lon: 121.5 });
      const [hr] = await engine.query(`SELECT groups FROM ${table} WHERE iso2 = ?`, ['HR']);
      expect(hr).toEqual({ groups: 'ceec' });
      const [ci] = await engine.query(`SELECT name_en FROM ${table} WHERE iso2 = ?`, ['CI']);
      expect(ci).toEqual({ name_en: "Côte d'Ivoire" });
    } finally {
      engine.close();
    }
  });
});
