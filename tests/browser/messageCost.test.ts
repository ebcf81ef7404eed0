import { describe, expect, it } from 'vitest';
import { granularitySweep } from '../../src/lab/granularity';
import { KB, MB, PAYLOAD_MODES, payloadSweep, roundTrips, spawnMs } from '../../src/lab/messageCost';
import { sumSquaresMod32 } from '../../workers/kernels/sum';

describe('what a message costs', () => {
  it('times the spawn of 1 and 2 workers', async () => {
    for (const workers of [1, 2]) expect(await spawnMs(workers)).toBeGreaterThan(0);
  });

  it('times round trips three ways, each a positive time', async () => {
    const trips = await roundTrips(20, 1);
    for (const ms of Object.values(trips)) expect(ms).toBeGreaterThan(0);
  });

  it('the payload sweep delivers every byte; transfer detaches the sources, copy and shared do not', async () => {
    const points = await payloadSweep([KB, MB], PAYLOAD_MODES);
    expect(points).toHaveLength(6);
    for (const point of points) {
      expect(point.arrived).toBe(true);
      expect(point.sourceDetached).toBe(point.mode === 'transfer');
      expect(point.ms).toBeGreaterThan(0);
    }
  });

  it('the granularity sweep gives the same sum for every chunk count', async () => {
    const points = await granularitySweep({ n: 1_000_000, counts: [1, 4, 64], workers: 2, repetitions: 1 });
    expect(points.map((p) => p.chunks)).toEqual([1, 4, 64]);
    expect(points.every((p) => p.matches)).toBe(true);
    expect(points[0]!.speedup).toBe(1);
    for (const point of points) expect(point.sum).toBe(sumSquaresMod32(0, 1_000_000));
  });
});
