import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/fetch/limiter';

/** A task that records how many tasks are in flight while it runs, then finishes after `ms`. */
function tracker() {
  let inFlight = 0;
  let peak = 0;
  const finished: number[] = [];
  const task = (id: number, ms: number) => async () => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    await new Promise((resolve) => setTimeout(resolve, ms));
    inFlight--;
    finished.push(id);
    return id;
  };
  return { task, finished, peak: () => peak };
}

describe('createLimiter', () => {
  it.each([1, 2, 5, 30])('never has more than k = %i in flight, and runs every task', async (k) => {
    const limit = createLimiter(k);
    const { task, finished, peak } = tracker();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => limit(task(i, (i * 7) % 5))));
    expect(results).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(finished.toSorted((a, b) => a - b)).toEqual(results);
    expect(peak()).toBe(k);
  });

  it('starts waiting tasks in the order they came', async () => {
    const limit = createLimiter(1);
    const started: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map((i) =>
        limit(async () => {
          started.push(i);
          await Promise.resolve();
        }),
      ),
    );
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('hands a freed slot to a waiter, not to a newcomer that arrives at the same moment', async () => {
    const limit = createLimiter(1);
    const { task, peak } = tracker();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const first = limit(() => gate);
    const waiter = limit(task(1, 5));
    // Runs just after the limiter sees the gate open and frees its slot, before the waiter has resumed.
    const newcomer = gate.then(() => limit(task(2, 5)));
    open();
    await Promise.all([first, waiter, newcomer]);
    expect(peak()).toBe(1);
  });

  it('frees the slot when a task fails, and passes the failure on', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses limit %d', (limit) => {
    expect(() => createLimiter(limit)).toThrow(RangeError);
  });
});
