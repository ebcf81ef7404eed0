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

type Bar = ReturnType<typeof bar>;

/** Pressing `key` again and again from `from` visits these bars, in order. */
function expectPath(from: Bar, key: string, visited: Bar[]): void {
  for (const [i, to] of visited.entries()) expect(barAfterKey(bars, visited[i - 1] ?? from, key)).toBe(to);
}

describe('barAfterKey', () => {
  it('steps along one lane in time order with Left and Right, and stays at its ends', () => {
    expectPath(a0, 'ArrowRight', [a1, a2, a2]);
    expectPath(a1, 'ArrowLeft', [a0, a0]);
    expectPath(b0, 'ArrowRight', [b1]);
  });

  it('moves between lanes to the bar that started nearest in time, skipping empty lanes', () => {
    expectPath(a2, 'ArrowDown', [b1, d0, d0]);
    expectPath(a0, 'ArrowDown', [b0]);
    expectPath(d0, 'ArrowUp', [b1, a2]);
    expectPath(a1, 'ArrowUp', [a1]);
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
