import type { TrendSplit } from '../data/queries/trend-stack';

/** What the trend's bars are split by, shared with the link so a copied link shows the same trend. */
class TrendViewState {
  split = $state<TrendSplit>('direction');
}

export const trendView = new TrendViewState();
