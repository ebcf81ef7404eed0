import { describe, expect, it } from 'vitest';
import { splitList, splitRange } from '../../src/tasks/split';

/** Checks that ranges tile [start, end) in order: no gap, no overlap, none empty, sizes within one. */
function expectTiling(ranges: readonly (readonly [number, number])[], start: number, end: number) {
  let cursor = start;
  for (const [s, e] of ranges) {
    expect(s).toBe(cursor);
    expect(e).toBeGreaterThan(s);
    cursor = e;
  }
  expect(cursor).toBe(end);
  const sizes = ranges.map(([s, e]) => e - s);
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
}

describe('splitRange', () => {
  it.each([
    [0, 1, 1],
    [0, 1, 4],
    [0, 3, 8],
    [0, 97, 4],
    [0, 97, 97],
    [5, 104, 7],
    [0, 1_000_000_007, 13],
    [0, 4_000_000_000, 64],
  ])('tiles [%i, %i) in at most %i parts', (start, end, parts) => {
    const ranges = splitRange(start, end, parts);
    expect(ranges).toHaveLength(Math.min(parts, end - start));
    expectTiling(ranges, start, end);
  });

  it('gives nothing for an empty range', () => {
    expect(splitRange(3, 3, 4)).toEqual([]);
  });

  it.each([0, -1, 1.5])('refuses %d parts', (parts) => {
    expect(() => splitRange(0, 10, parts)).toThrow(RangeError);
  });
});

describe('splitList', () => {
  it('keeps every item once, in order', () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    const slices = splitList(items, 5);
    expect(slices).toHaveLength(5);
    expect(slices.flat()).toEqual(items);
  });
});
