/**
 * Countries and regions: reference data of the program (not user data), generated from
 * world-countries and i18n-iso-countries by scripts/build-countries.mjs. Taiwan, Hong Kong and
 * Macao are regions of China and are named so (DESIGN.md, "Naming and maps").
 */
import { COUNTRY_ROWS } from './countries.data';

export type RegionType = 'foreign' | 'hk_macao_tw' | 'mainland';
export type Continent = 'asia' | 'europe' | 'africa' | 'north_america' | 'south_america' | 'oceania' | 'antarctica';
/** ASEAN (with Timor-Leste); CEEC = China–CEEC cooperation members, the Baltic states included. */
export type CountryGroup = 'asean' | 'ceec';

export interface Country {
  readonly iso2: string;
  readonly iso3: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly regionType: RegionType;
  readonly continent: Continent;
  readonly groups: readonly CountryGroup[];
  /** A point for the map: the capital or the centre of the country. */
  readonly lon: number;
  readonly lat: number;
}

/** One row of the generated file. */
export type CountryRow = readonly [
  iso2: string,
  iso3: string,
  nameZh: string,
  nameEn: string,
  regionType: RegionType,
  continent: Continent,
  groups: readonly CountryGroup[],
  lon: number,
  lat: number,
];

export const COUNTRIES: readonly Country[] = COUNTRY_ROWS.map(
  ([iso2, iso3, nameZh, nameEn, regionType, continent, groups, lon, lat]) => ({
    iso2,
    iso3,
    nameZh,
    nameEn,
    regionType,
    continent,
    groups,
    lon,
    lat,
  }),
);

const BY_ISO2: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((c) => [c.iso2, c]));

/** The country or region with this ISO 3166-1 alpha-2 code, in any case and with spaces around. */
export function countryByIso2(code: string): Country | undefined {
  return BY_ISO2.get(code.trim().toUpperCase());
}

/** The name to show for a code; an unknown code shows as itself. */
export function countryName(code: string, locale: 'zh-CN' | 'en'): string {
  const country = countryByIso2(code);
  if (!country) return code;
  return locale === 'zh-CN' ? country.nameZh : country.nameEn;
}

const CSV_HEADER = 'iso2,iso3,name_zh,name_en,region_type,continent,groups,lon,lat';

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The reference table as CSV (RFC 4180, groups joined by `;`), for loading into DuckDB. */
export function countriesCsv(): string {
  const lines = COUNTRIES.map((c) =>
    [c.iso2, c.iso3, c.nameZh, c.nameEn, c.regionType, c.continent, c.groups.join(';'), String(c.lon), String(c.lat)]
      .map(csvField)
      .join(','),
  );
  return [CSV_HEADER, ...lines].join('\n') + '\n';
}
