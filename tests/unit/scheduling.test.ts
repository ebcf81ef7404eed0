import { describe, expect, it } from 'vitest';
import { makespan, simulateSchedule } from '../../src/measure/simulateSchedule';
import { assignWorker, SCHEDULES } from '../../src/pool/schedule';

/** Which chunks each worker gets, in the order it gets them, for the pinned schedules. */
function lanes(schedule: 'static' | 'cyclic', chunks: number, workers: number): number[][] {
  const out: number[][] = Array.from({ length: workers }, () => []);
  for (let chunk = 0; chunk < chunks; chunk++) out[assignWorker(schedule, chunk, chunks, workers)!]!.push(chunk);
  return out;
}

describe('assignWorker', () => {
  it.each([
    [1, 1],
    [7, 2],
    [8, 3],
    [3, 5],
    [100, 7],
  ])('static: %i chunks on %i workers are contiguous blocks whose sizes differ by at most one', (chunks, workers) => {
    const assigned = lanes('static', chunks, workers);
    expect(assigned.flat()).toEqual(Array.from({ length: chunks }, (_, i) => i));
    const sizes = assigned.map((lane) => lane.length).filter((size) => size > 0);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const lane of assigned) lane.forEach((chunk, i) => i && expect(chunk).toBe(lane[i - 1]! + 1));
  });

  it('static: the documented blocks for 10 chunks on 3 workers', () => {
    expect(lanes('static', 10, 3)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
  });

  it('cyclic: chunk i goes to worker i mod p, each once', () => {
    expect(lanes('cyclic', 7, 3)).toEqual([
      [0, 3, 6],
      [1, 4],
      [2, 5],
    ]);
  });

  it('dynamic pins nothing: every chunk goes to the shared queue', () => {
    for (let chunk = 0; chunk < 5; chunk++) expect(assignWorker('dynamic', chunk, 5, 2)).toBeUndefined();
  });
});

describe('simulateSchedule', () => {
  const costs = [1, 1, 8, 8, 1, 1];
  it.each(SCHEDULES)(
    '%s gives each chunk to exactly one worker and never overlaps a worker with itself',
    (schedule) => {
      const run = simulateSchedule(costs, 2, schedule);
      expect(run.map((c) => c.chunk)).toEqual([0, 1, 2, 3, 4, 5]);
      for (let worker = 0; worker < 2; worker++) {
        const mine = run.filter((c) => c.worker === worker);
        mine.forEach((c, i) => i && expect(c.start).toBeGreaterThanOrEqual(mine[i - 1]!.end));
      }
    },
  );

  it('dynamic hands chunks in order to the first worker free, lowest slot on a tie', () => {
    const run = simulateSchedule([3, 1, 1, 1, 5], 2, 'dynamic');
    expect(run.map((c) => c.worker)).toEqual([0, 1, 1, 1, 0]);
    expect(run.map((c) => c.start)).toEqual([0, 0, 1, 2, 3]);
  });

  it('uneven costs: static leaves a worker idle where dynamic does not', () => {
    const uneven = [1, 1, 1, 8, 8, 8];
    expect(makespan(simulateSchedule(uneven, 2, 'static'))).toBe(24);
    expect(makespan(simulateSchedule(uneven, 2, 'dynamic'))).toBe(17);
  });

  it('tiny chunks pay the messaging cost once each', () => {
    const run = simulateSchedule(new Array(10).fill(1), 1, 'dynamic', 0.5);
    expect(makespan(run)).toBe(15);
    expect(run[1]).toMatchObject({ start: 1.5, computeAt: 2, end: 3 });
  });
});
