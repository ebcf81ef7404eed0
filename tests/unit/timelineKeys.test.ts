import { describe, expect, it } from 'vitest';
import { barAfterKey } from '../../src/ui/timelineKeys';

const bar = (worker: number, startedAt: number) => ({ worker, startedAt });

// Lane 0: a0 (0), a1 (10), a2 (20); lane 1: b0 (2), b1 (18); lane 2 has no bars; lane 3: d0 (11).
const a0 = bar(0, 0);
const a1 = bar(0, 10);
const a2 = bar(0, 20);
const b0 = bar(1, 2);
const b1 = bar(1, 18);
const d0 = bar(3, 11);
const bars = [a2, b1, a0, d0, a1, b0];

describe('barAfterKey', () => {
  it('steps along one lane in time order with Left and Right, and stays at its ends', () => {
    expect(barAfterKey(bars, a0, 'ArrowRight')).toBe(a1);
    expect(barAfterKey(bars, a1, 'ArrowRight')).toBe(a2);
    expect(barAfterKey(bars, a2, 'ArrowRight')).toBe(a2);
    expect(barAfterKey(bars, a1, 'ArrowLeft')).toBe(a0);
    expect(barAfterKey(bars, a0, 'ArrowLeft')).toBe(a0);
    expect(barAfterKey(bars, b0, 'ArrowRight')).toBe(b1);
  });

  it('moves between lanes to the bar that started nearest in time, skipping empty lanes', () => {
    expect(barAfterKey(bars, a2, 'ArrowDown')).toBe(b1);
    expect(barAfterKey(bars, a0, 'ArrowDown')).toBe(b0);
    expect(barAfterKey(bars, b1, 'ArrowDown')).toBe(d0);
    expect(barAfterKey(bars, d0, 'ArrowDown')).toBe(d0);
    expect(barAfterKey(bars, d0, 'ArrowUp')).toBe(b1);
    expect(barAfterKey(bars, b1, 'ArrowUp')).toBe(a2);
    expect(barAfterKey(bars, a1, 'ArrowUp')).toBe(a1);
  });

  it('goes to the first and last bar of the run with Home and End', () => {
    expect(barAfterKey(bars, b1, 'Home')).toBe(a0);
    expect(barAfterKey(bars, b0, 'End')).toBe(a2);
  });

  it('ignores other keys', () => {
    expect(barAfterKey(bars, a0, 'Enter')).toBeNull();
    expect(barAfterKey(bars, a0, 'Tab')).toBeNull();
    expect(barAfterKey([], a0, 'ArrowRight')).toBeNull();
  });
});
