import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  countStatuses,
  idealMs,
  runRequests,
  type Requester,
  type RunOptions,
  type Strategy,
} from '../../src/fetch/strategies';

describe('idealMs', () => {
  it.each<[Strategy, number, number, number]>([
    [{ kind: 'sequential' }, 20, 200, 4000],
    [{ kind: 'all' }, 20, 200, 200],
    [{ kind: 'limited', k: 5 }, 20, 200, 800],
    [{ kind: 'limited', k: 6 }, 20, 200, 800],
    [{ kind: 'limited', k: 50 }, 200, 1000, 4000],
    [{ kind: 'limited', k: 30 }, 20, 200, 200],
    [{ kind: 'limited', k: 1 }, 7, 100, 700],
  ])('%j with N = %i, L = %i is %i ms', (strategy, n, latency, expected) => {
    expect(idealMs(strategy, n, latency)).toBe(expected);
  });
});

// Fake timers: a request that waits L ms takes exactly L ms, so a strategy's total must equal its ideal.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Requests that each wait `ms`, with their own in-flight count; some indices fail, some never answer. */
function fakeRequests(ms: number, { fail = [] as number[], hang = [] as number[] } = {}) {
  let inFlight = 0;
  let peak = 0;
  const aborted: number[] = [];
  const request: Requester = (index, signal) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    return new Promise<number>((resolve, reject) => {
      if (hang.includes(index)) return; // ignores its signal too: the run must not wait for it
      const timer = setTimeout(() => {
        inFlight--;
        if (fail.includes(index)) reject(new Error(`HTTP 503`));
        else resolve(100);
      }, ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        inFlight--;
        aborted.push(index);
        reject(signal.reason);
      });
    });
  };
  return { request, peak: () => peak, aborted };
}

async function run(options: Omit<RunOptions, 'now'>) {
  const promise = runRequests({ ...options, now: () => Date.now() });
  await vi.runAllTimersAsync();
  return promise;
}

describe('runRequests', () => {
  it.each<[Strategy, number, number]>([
    [{ kind: 'sequential' }, 1, 1000],
    [{ kind: 'all' }, 10, 100],
    [{ kind: 'limited', k: 3 }, 3, 400],
  ])('%j: at most %i in flight, total %i ms for 10 requests of 100 ms', async (strategy, peak, total) => {
    const fake = fakeRequests(100);
    const result = await run({ n: 10, strategy, request: fake.request, timeoutMs: 5000 });
    expect(fake.peak()).toBe(peak);
    expect(result.totalMs).toBe(total);
    expect(result.totalMs).toBe(idealMs(strategy, 10, 100));
    expect(countStatuses(result.records)).toMatchObject({ ok: 10, failed: 0, timeout: 0, cancelled: 0 });
    expect(result.records.map((r) => r.endMs! - r.startMs!)).toEqual(Array(10).fill(100));
  });

  it('records failures and timeouts with their reason, and counts every request', async () => {
    const fake = fakeRequests(100, { fail: [2, 5], hang: [7] });
    const result = await run({ n: 10, strategy: { kind: 'all' }, request: fake.request, timeoutMs: 300 });
    expect(countStatuses(result.records)).toMatchObject({ ok: 7, failed: 2, timeout: 1, cancelled: 0 });
    expect(result.records[2]).toMatchObject({ status: 'failed', detail: 'HTTP 503', bytes: 0 });
    expect(result.records[7]).toMatchObject({ status: 'timeout', detail: 'timed out: no answer after 300 ms' });
    expect(result.records[7]!.endMs).toBe(300);
    expect(result.totalMs).toBe(300);
  });

  it('Cancel aborts every outstanding request, starts no more, and leaves nothing pending', async () => {
    const fake = fakeRequests(100, { hang: [1] });
    const controller = new AbortController();
    const promise = runRequests({
      n: 10,
      strategy: { kind: 'limited', k: 3 },
      request: fake.request,
      timeoutMs: 5000,
      signal: controller.signal,
      now: () => Date.now(),
    });
    await vi.advanceTimersByTimeAsync(150); // 0 and 2 answered; 1 hangs, 3 and 4 started at 100 ms
    controller.abort();
    const result = await promise;
    expect(result.cancelled).toBe(true);
    expect(fake.aborted.toSorted()).toEqual([3, 4]);
    const statuses = result.records.map((r) => r.status);
    expect(statuses).toEqual(['ok', 'cancelled', 'ok', 'cancelled', 'cancelled', ...Array(5).fill('cancelled')]);
    expect(result.records[9]).toMatchObject({ startMs: null, detail: 'never started' });
    expect(result.records[1]).toMatchObject({ endMs: 150, detail: 'aborted by Cancel' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports every change, ending with the final records', async () => {
    const fake = fakeRequests(10);
    const seen: string[][] = [];
    const result = await run({
      n: 2,
      strategy: { kind: 'sequential' },
      request: fake.request,
      timeoutMs: 100,
      onUpdate: (records) => seen.push(records.map((r) => r.status)),
    });
    expect(seen).toEqual([
      ['running', 'waiting'],
      ['ok', 'waiting'],
      ['ok', 'running'],
      ['ok', 'ok'],
    ]);
    expect(result.records.map((r) => r.status)).toEqual(['ok', 'ok']);
  });
});
