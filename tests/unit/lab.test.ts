import { describe, expect, it } from 'vitest';
import { chunkCounts } from '../../src/lab/granularity';
import { measureTimerResolution, speedupPlateau } from '../../src/lab/machine';
import { KB, MB, payloadSizes } from '../../src/lab/messageCost';
import {
  COUNTER,
  COUNTING_WAYS,
  countShared,
  counterBufferBytes,
  counterWord,
  lock,
  readCount,
  unlock,
} from '../../workers/kernels/counter';
import { touchBytes } from '../../workers/kernels/touch';

describe('countShared, one worker (here, on the test thread)', () => {
  it.each(COUNTING_WAYS)('%s counts exactly M', (way) => {
    const buffer = new SharedArrayBuffer(counterBufferBytes(1));
    const timing = countShared(buffer, way, 0, 1, 12_345);
    expect(readCount(buffer, way, 1)).toBe(12_345);
    expect(timing.finishedAt).toBeGreaterThanOrEqual(timing.startedAt);
  });

  it('places words as the layout says: one word, one line, or a line each', () => {
    expect([0, 1, 2].map((w) => counterWord('atomic', w))).toEqual([COUNTER, COUNTER, COUNTER]);
    expect([0, 1, 2].map((w) => counterWord('adjacent', w))).toEqual([COUNTER, COUNTER + 1, COUNTER + 2]);
    const padded = [0, 1, 2].map((w) => counterWord('padded', w) * 4);
    expect(padded[1]! - padded[0]!).toBe(64);
    expect(counterBufferBytes(3)).toBeGreaterThanOrEqual(padded[2]! + 4);
  });

  it('refuses bad arguments with typed errors', () => {
    const buffer = new SharedArrayBuffer(counterBufferBytes(2));
    expect(() => countShared(new ArrayBuffer(256) as never, 'atomic', 0, 1, 1)).toThrow(TypeError);
    expect(() => countShared(buffer, 'nope' as never, 0, 1, 1)).toThrow(RangeError);
    expect(() => countShared(buffer, 'atomic', 0, 1, -1)).toThrow(RangeError);
    expect(() => countShared(buffer, 'atomic', 0, 17, 1)).toThrow(RangeError);
    expect(() => countShared(buffer, 'atomic', 0, 3, 1)).toThrow(/too small/);
  });

  it('the lock goes free → taken → free, and a second lock after unlock does not wait', () => {
    const words = new Int32Array(new SharedArrayBuffer(counterBufferBytes(1)));
    lock(words);
    expect(words[1]).toBe(1);
    unlock(words);
    expect(words[1]).toBe(0);
    lock(words);
    unlock(words);
    expect(words[1]).toBe(0);
  });
});

describe('touchBytes', () => {
  it('reports the length and the last byte it read', () => {
    expect(touchBytes(new Uint8Array([1, 2, 9]))).toEqual({ length: 3, last: 9 });
    expect(touchBytes(new Uint8Array(0))).toEqual({ length: 0, last: -1 });
  });
});

describe('sweep sizes', () => {
  it('payloads go ×4 from 1 KB to the largest', () => {
    expect(payloadSizes(64 * MB)).toEqual([1, 4, 16, 64, 256, 1024, 4096, 16_384, 65_536].map((k) => k * KB));
    expect(payloadSizes(MB).at(-1)).toBe(MB);
  });

  it('chunk counts go ×4 from 1', () => {
    expect(chunkCounts(64)).toEqual([1, 4, 16, 64]);
    expect(chunkCounts(100)).toEqual([1, 4, 16, 64]);
  });
});

describe('speedupPlateau', () => {
  const points = (speedups: number[]) => speedups.map((speedup, i) => ({ workers: i + 1, speedup }));

  it('is where no larger count beats it by more than 10 %', () => {
    expect(speedupPlateau(points([1, 1.9, 2.0, 1.95]))).toBe(2);
    expect(speedupPlateau(points([1, 1.9, 2.8, 3.7]))).toBe(4);
    expect(speedupPlateau(points([1, 0.9]))).toBe(1);
  });

  it('does not need sorted points', () => {
    expect(speedupPlateau([...points([1, 1.9, 2.8, 2.9])].reverse())).toBe(3);
  });
});

describe('measureTimerResolution', () => {
  it('finds the step of a clock that moves in 5 µs steps', () => {
    let calls = 0;
    // Each step of 0.005 ms appears after three reads, like a coarsened clock read in a tight loop.
    const clock = () => (Math.floor(calls++ / 3) * 5) / 1000;
    const result = measureTimerResolution(1, clock);
    expect(result.smallestStepMs).toBeCloseTo(0.005, 9);
    expect(result.medianStepMs).toBeCloseTo(0.005, 9);
    expect(result.steps).toBeGreaterThan(100);
  });
});
