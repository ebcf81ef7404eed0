import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerDelay, delayOutcome, delayPath, parseDelayQuery, type DelayParams } from '../../src/fetch/latency';

const params: DelayParams = { ms: 200, jitter: 50, bytes: 10, fail: 0.2, seed: 7, i: 0 };

describe('the latency endpoint', () => {
  it('round-trips its parameters through the query string', () => {
    const path = delayPath({ ...params, i: 3 });
    expect(path).toBe('api/delay?ms=200&jitter=50&bytes=10&fail=0.2&seed=7&i=3');
    expect(parseDelayQuery(new URL(path, 'https://host/app/').searchParams)).toEqual({ ...params, i: 3 });
  });

  it('clamps hostile or broken values instead of trusting them', () => {
    const query = new URLSearchParams('ms=1e12&jitter=-5&bytes=abc&fail=7&seed=<script>&i=Infinity');
    expect(parseDelayQuery(query)).toEqual({ ms: 60_000, jitter: 0, bytes: 0, fail: 1, seed: 0, i: 0 });
  });

  it('repeats exactly for the same seed and index, whatever the order', () => {
    const forward = Array.from({ length: 50 }, (_, i) => delayOutcome({ ...params, i }));
    const backward = Array.from({ length: 50 }, (_, k) => delayOutcome({ ...params, i: 49 - k })).reverse();
    expect(backward).toEqual(forward);
    const otherSeed = Array.from({ length: 50 }, (_, i) => delayOutcome({ ...params, seed: 8, i }));
    expect(otherSeed).not.toEqual(forward);
  });

  it('keeps delays within ± jitter and fails about the asked share of requests', () => {
    const outcomes = Array.from({ length: 2000 }, (_, i) => delayOutcome({ ...params, i }));
    const waits = outcomes.map((o) => o.waitMs);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(150);
    expect(Math.max(...waits)).toBeLessThanOrEqual(250);
    expect(new Set(waits).size).toBeGreaterThan(50);
    const failures = outcomes.filter((o) => o.fails).length / outcomes.length;
    expect(failures).toBeGreaterThan(0.17);
    expect(failures).toBeLessThan(0.23);
    expect(outcomes.every((o, i) => !delayOutcome({ ...params, fail: 0, i }).fails && o.waitMs >= 0)).toBe(true);
  });

  describe('answerDelay', () => {
    afterEach(() => vi.useRealTimers());

    it('answers after the delay with a body of the asked size, or with HTTP 503', async () => {
      vi.useFakeTimers();
      const failing = Array.from({ length: 20 }, (_, i) => i).find((i) => delayOutcome({ ...params, i }).fails)!;
      const passing = Array.from({ length: 20 }, (_, i) => i).find((i) => !delayOutcome({ ...params, i }).fails)!;
      for (const [i, status] of [
        [passing, 200],
        [failing, 503],
      ]) {
        const url = new URL(delayPath({ ...params, i: i! }), 'https://host/');
        let settled = false;
        const answer = answerDelay(url).finally(() => (settled = true));
        await vi.advanceTimersByTimeAsync(delayOutcome({ ...params, i: i! }).waitMs - 1);
        expect(settled).toBe(false);
        await vi.advanceTimersByTimeAsync(1);
        const response = await answer;
        expect(response.status).toBe(status);
        if (status === 200) expect(await response.text()).toBe('x'.repeat(10));
      }
    });

    it('stops waiting when the request is aborted', async () => {
      const controller = new AbortController();
      const answer = answerDelay(new URL(delayPath({ ...params, ms: 60_000 }), 'https://host/'), controller.signal);
      controller.abort(new Error('gone'));
      await expect(answer).rejects.toThrow('gone');
    });
  });
});
