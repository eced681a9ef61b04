import { expect, test } from 'vitest';
import { median, percentile, summarize } from '../../scripts/bench/stats';
import { exchangesCsv } from '../../scripts/bench/generate';

test('medians and nearest-rank percentiles', () => {
  expect(median([5, 1, 3])).toBe(3);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
  expect(percentile(ten, 90)).toBe(9);
  expect(percentile(ten, 95)).toBe(10);
  expect(summarize(ten)).toMatchObject({ n: 10, median: 5.5, p90: 9, min: 1, max: 10 });
});

test('the generator is seeded: same seed, same bytes; another seed, other bytes', () => {
  const a = exchangesCsv(500, 8);
  expect(exchangesCsv(500, 8)).toBe(a);
  expect(exchangesCsv(500, 9)).not.toBe(a);
  const lines = a.trim().split('\n');
  expect(lines).toHaveLength(501);
  expect(lines[0]).toBe(
    'record_id,direction,participant_category,headcount,activity_type,program,country,partner,start_date,end_date,department,funding,outcomes,status',
  );
  expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(500);
});
