import { describe, expect, it } from 'vitest';
import { ArgumentError, createPool, MAX_POOL_SIZE, PoolError } from '../../src/pool';
import { Fifo } from '../../src/pool/fifo';

describe('pool size', () => {
  // The bound is checked before any worker is made, so these run without a browser.
  it.each([0, -1, 1.5, Number.NaN, MAX_POOL_SIZE + 1, 10_000])(
    'refuses %d with a RangeError naming the range',
    (size) => {
      expect(() => createPool({ size })).toThrow(RangeError);
      expect(() => createPool({ size })).toThrow(`from 1 to ${MAX_POOL_SIZE}`);
    },
  );

  it('is bounded at 256', () => {
    expect(MAX_POOL_SIZE).toBe(256);
  });

  it.each([0, -5, Number.NaN])('refuses a timeout of %d', (timeout) => {
    expect(() => createPool({ size: 1, timeout })).toThrow(RangeError);
  });
});

describe('ArgumentError', () => {
  it('wraps a DataCloneError, is a PoolError, and says that the kernel never ran', () => {
    let cause: unknown;
    try {
      structuredClone({ f: () => 1 });
    } catch (error) {
      cause = error;
    }
    expect((cause as Error).name).toBe('DataCloneError');
    const error = new ArgumentError('noop', cause);
    expect(error).toBeInstanceOf(PoolError);
    expect(error.name).toBe('ArgumentError');
    expect(error.cause).toBe(cause);
    expect(error.message).toMatch(
      /^the arguments of kernel "noop" could not be sent to a worker, so the kernel never ran: DataCloneError/,
    );
  });
});

describe('Fifo', () => {
  it('gives items back in order as it grows while wrapped', () => {
    const queue = new Fifo<number>();
    const out: number[] = [];
    for (let i = 0; i < 5000; i++) {
      queue.push(i);
      if (i % 3 === 0) out.push(queue.shift()!);
    }
    expect(queue.length).toBe(5000 - out.length);
    expect(queue.peek()).toBe(out.length);
    expect([...queue]).toEqual(Array.from({ length: 5000 - out.length }, (_, i) => out.length + i));
    while (queue.length > 0) out.push(queue.shift()!);
    expect(out).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(queue.shift()).toBeUndefined();
    expect(queue.peek()).toBeUndefined();
  });

  it('keeps order as it wraps round a short backlog', () => {
    const queue = new Fifo<number>();
    const out: number[] = [];
    for (let i = 0; i < 5000; i++) {
      queue.push(i);
      if (i >= 10) out.push(queue.shift()!);
    }
    expect(out).toEqual(Array.from({ length: 4990 }, (_, i) => i));
    expect([...queue]).toEqual([4990, 4991, 4992, 4993, 4994, 4995, 4996, 4997, 4998, 4999]);
  });

  it('clear empties it', () => {
    const queue = new Fifo<string>();
    queue.push('a');
    queue.push('b');
    queue.clear();
    expect(queue.length).toBe(0);
    expect(queue.shift()).toBeUndefined();
  });
});
