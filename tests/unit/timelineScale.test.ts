import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/pool';
import { queueSteps } from '../../src/ui/timelineScale';

const wait = (chunk: number, queuedAt: number, dispatchedAt: number) =>
  ({ chunk, queuedAt, dispatchedAt }) as TraceEvent;

describe('queueSteps', () => {
  it('counts the chunks waiting between being queued and handed over', () => {
    const steps = queueSteps([wait(0, 0, 0), wait(1, 0, 0), wait(2, 0, 5), wait(3, 0, 9)]);
    expect(steps).toEqual([
      [0, 2],
      [5, 1],
      [9, 0],
    ]);
  });

  it('is empty for no events and never negative', () => {
    expect(queueSteps([])).toEqual([]);
    expect(queueSteps([wait(0, 3, 3)]).every(([, count]) => count >= 0)).toBe(true);
  });
});
