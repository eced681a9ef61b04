import { tick } from 'svelte';
import type { FilterState } from './filters.svelte';

export type PlaybackMode = 'year' | 'cumulative';

/** The years one frame shows: the year alone, or every year up to it. */
export function frameYears(mode: PlaybackMode, first: number, year: number): [number, number] {
  return mode === 'year' ? [year, year] : [first, year];
}

/**
 * Year playback: steps the filters' years through the data's years, one frame
 * every `intervalMs`, per year or cumulative. While it is active the charts
 * hold their scales fixed; ending it restores the years selected before.
 *
 * A view that is not ready takes a `hold()`: a chart while it fixes its scales
 * over every frame, a view while the figures of the frame shown are on their
 * way. No frame is shown before the scales are fixed, and the next frame comes
 * `intervalMs` after every view has drawn this one: each year is seen, whole,
 * on the scales of all years.
 */
export class Playback {
  playing = $state(false);
  /** From the first play to `stop()`: the charts keep fixed scales meanwhile. */
  active = $state(false);
  mode = $state<PlaybackMode>('year');
  /** The year shown, null before playback starts. */
  year = $state<number | null>(null);
  #timer: ReturnType<typeof setTimeout> | null = null;
  #saved: [number, number] | null = null;
  /** Views not ready: the next frame waits for them. */
  #holds = 0;
  /** Playing, waiting for the holds to start (from the first year when `true`). */
  #starting: boolean | null = null;
  readonly #filters: FilterState;
  readonly intervalMs: number;

  constructor(filters: FilterState, intervalMs = 1500) {
    this.#filters = filters;
    this.intervalMs = intervalMs;
  }

  get years(): number[] {
    return this.#filters.years;
  }

  /** Every frame's years in order, for fixing the scales. */
  get frames(): [number, number][] {
    const first = this.years[0] ?? 0;
    return this.years.map((y) => frameYears(this.mode, first, y));
  }

  play(): void {
    if (this.years.length === 0) return;
    // Playing again from the last year starts over.
    const restart = this.year === null || this.year === this.years.at(-1);
    this.playing = true;
    this.#clear();
    this.#activate();
    // Views take their holds in effects of the change to `active`: wait for those to run.
    this.#starting = restart;
    void tick().then(() => this.#start());
  }

  /** While a view is not ready, playback shows or steps to no new frame; call the result when it is. */
  hold(): () => void {
    this.#holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.#holds > 0) return;
      if (this.#starting !== null) this.#start();
      else this.#schedule();
    };
  }

  /** Starts the frames once every view has its scales (and playback is still wanted). */
  #start(): void {
    if (this.#holds > 0 || this.#starting === null || !this.playing) return;
    const restart = this.#starting;
    this.#starting = null;
    if (restart) this.seek(this.years[0]!);
    this.#schedule();
  }

  /** The next frame, `intervalMs` from now (from the last view ready on this frame). */
  #schedule(): void {
    if (!this.playing || this.#starting !== null) return;
    this.#clear();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      // A view that took a hold since waits: its release schedules the step.
      if (this.#holds > 0) return;
      this.step(1);
      this.#schedule();
    }, this.intervalMs);
  }

  pause(): void {
    this.playing = false;
    this.#starting = null;
    this.#clear();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** One frame forward or back; playing stops at the last year. */
  step(delta: number): void {
    const years = this.years;
    if (years.length === 0) return;
    const i = this.year === null ? -1 : years.indexOf(this.year);
    const next = Math.max(0, Math.min(years.length - 1, i + delta));
    this.seek(years[next]!);
    if (next === years.length - 1 && delta > 0) this.pause();
  }

  /** Shows one year's frame; the first frame starts playback's fixed scales. */
  seek(year: number): void {
    this.#activate();
    this.year = year;
    this.#apply();
  }

  #activate(): void {
    if (this.active) return;
    this.#saved = [this.#filters.yearFrom, this.#filters.yearTo];
    this.active = true;
  }

  setMode(mode: PlaybackMode): void {
    this.mode = mode;
    if (this.active) this.#apply();
  }

  /** Ends playback and gives back the years selected before it. */
  stop(): void {
    this.pause();
    this.active = false;
    this.year = null;
    if (this.#saved) [this.#filters.yearFrom, this.#filters.yearTo] = this.#saved;
    this.#saved = null;
  }

  #apply(): void {
    if (this.year === null) return;
    const [from, to] = frameYears(this.mode, this.years[0] ?? this.year, this.year);
    this.#filters.yearFrom = from;
    this.#filters.yearTo = to;
  }

  #clear(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  dispose(): void {
    this.#clear();
  }
}
