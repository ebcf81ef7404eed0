import { describe, expect, it } from 'vitest';
import { efficiency, median, speedup } from '../../src/measure/stats';

describe('statistics', () => {
  it('takes the median of odd and even counts, unsorted', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('refuses the median of nothing', () => {
    expect(() => median([])).toThrow(RangeError);
  });

  it('computes speedup and efficiency', () => {
    expect(speedup(1000, 250)).toBe(4);
    expect(efficiency(speedup(1000, 250), 4)).toBe(1);
    expect(efficiency(speedup(900, 500), 2)).toBeCloseTo(0.9);
  });
});
