import { describe, expect, test } from 'vitest';
import { defaultDeck, parseDeck, slideFilters } from '../../src/present/deck';

const bounds = { min: 2014, max: 2019 };

describe('presenter decks', () => {
  test('the default deck has valid slides with distinct views', () => {
    const deck = defaultDeck(bounds);
    expect(deck.slides.length).toBeGreaterThanOrEqual(4);
    expect(slideFilters(deck.slides[2]!, bounds).region).toBe('hk_macao_tw');
    expect(slideFilters(deck.slides[3]!, bounds)).toMatchObject({
      yearFrom: 2017,
      direction: 'outbound',
      region: 'foreign',
    });
    expect(parseDeck(JSON.stringify(deck))).toEqual(deck);
  });

  test('the map can be a slide, and the default deck shows it', () => {
    expect(defaultDeck(bounds).slides.map((s) => s.chart)).toContain('map');
    expect(parseDeck(JSON.stringify({ slides: [{ chart: 'map', view: '?dir=outbound' }] }))).toEqual({
      version: 1,
      slides: [{ chart: 'map', view: '?dir=outbound' }],
    });
  });

  test('a damaged file gives no deck; unknown charts are dropped', () => {
    expect(parseDeck('not json')).toBeNull();
    expect(parseDeck('{"slides": 3}')).toBeNull();
    expect(parseDeck(JSON.stringify({ slides: [{ chart: '<script>', view: '' }] }))).toBeNull();
    expect(
      parseDeck(
        JSON.stringify({
          slides: [
            { chart: 'trend', view: '?dir=inbound' },
            { chart: 'nope', view: '' },
          ],
        }),
      ),
    ).toEqual({ version: 1, slides: [{ chart: 'trend', view: '?dir=inbound' }] });
  });

  test('a hostile view is read as the default filters', () => {
    expect(slideFilters({ chart: 'trend', view: "?country=CN' OR 1=1--&from=x" }, bounds)).toMatchObject({
      country: null,
      yearFrom: 2014,
    });
  });
});
