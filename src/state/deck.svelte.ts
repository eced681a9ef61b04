import { defaultDeck, parseDeck, type Deck, type Slide } from '../present/deck';
import type { YearBounds } from './url-state';
import { readStored, writeStored } from './stored';

const STORAGE_KEY = 'exchange-dashboard.deck';

/** The presenter's deck: the default story until views are added; kept in this browser. */
class DeckState {
  #custom = $state<Deck | null>(parseDeck(readStored(STORAGE_KEY) ?? ''));
  /** The data's years, set once the data is in: the default deck spans them. */
  bounds = $state<YearBounds>({ min: new Date().getFullYear(), max: new Date().getFullYear() });

  get current(): Deck {
    return this.#custom ?? defaultDeck(this.bounds);
  }

  get customised(): boolean {
    return this.#custom !== null;
  }

  add(slide: Slide): void {
    this.#set({ version: 1, slides: [...this.current.slides, slide] });
  }

  /** Replaces the deck with one read from a file; false when the file holds no deck. */
  open(text: string): boolean {
    const deck = parseDeck(text);
    if (deck) this.#set(deck);
    return deck !== null;
  }

  reset(): void {
    this.#custom = null;
    writeStored(STORAGE_KEY, null);
  }

  #set(deck: Deck): void {
    this.#custom = deck;
    writeStored(STORAGE_KEY, JSON.stringify(deck));
  }
}

export const deck = new DeckState();
