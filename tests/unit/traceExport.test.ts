import { describe, expect, it } from 'vitest';
import { idleWhileWaitingMs, summarizeTimeline } from '../../src/measure/timeline';
import { toChromeTrace } from '../../src/measure/traceExport';
import type { TraceEvent } from '../../src/pool';

/** A fixed trace: 5 chunks on 2 workers, round times, one cancelled chunk that must not be exported. */
function event(chunk: number, worker: number, queued: number, dispatched: number, started: number, finished: number) {
  return {
    chunk,
    worker,
    kernel: 'fibBatch',
    queuedAt: queued,
    dispatchedAt: dispatched,
    startedAt: started,
    finishedAt: finished,
    settledAt: finished + 0.5,
    status: 'done',
  } satisfies TraceEvent;
}
const trace: TraceEvent[] = [
  event(0, 0, 100, 100, 102, 110),
  event(1, 1, 100, 100, 102, 104),
  event(2, 1, 100, 104.5, 105, 120),
  event(3, 0, 100, 110.5, 111, 115),
  event(4, 0, 100, 115.5, 116, 118),
  { ...event(5, 1, 100, Number.NaN, Number.NaN, Number.NaN), status: 'cancelled' },
];

describe('toChromeTrace', () => {
  const exported = JSON.parse(JSON.stringify(toChromeTrace(trace, 2, 'mandelbrot, dynamic')));

  it('has the trace-event object shape: traceEvents with name, ph, pid, tid, and ts/dur in µs for X events', () => {
    expect(Object.keys(exported).sort()).toEqual(['displayTimeUnit', 'otherData', 'traceEvents']);
    expect(exported.displayTimeUnit).toBe('ms');
    for (const e of exported.traceEvents) {
      expect(typeof e.name).toBe('string');
      expect(['X', 'M']).toContain(e.ph);
      expect(Number.isInteger(e.pid) && Number.isInteger(e.tid)).toBe(true);
      expect(typeof e.args).toBe('object');
      if (e.ph === 'X') {
        expect(Number.isInteger(e.ts) && e.ts >= 0).toBe(true);
        expect(Number.isInteger(e.dur) && e.dur > 0).toBe(true);
      }
    }
  });

  it('has exactly one complete event per finished chunk, on its worker, with its computing time', () => {
    const complete = exported.traceEvents.filter((e: { ph: string }) => e.ph === 'X');
    expect(complete.map((e: { args: { chunk: number } }) => e.args.chunk).sort()).toEqual([0, 1, 2, 3, 4]);
    const chunk2 = complete.find((e: { name: string }) => e.name === 'chunk 2');
    expect(chunk2).toMatchObject({ tid: 1, ts: 5000, dur: 15000, args: { waitingMs: 4.5, dataInMs: 0.5 } });
  });

  it('names the process and one thread per worker', () => {
    const names = exported.traceEvents.filter((e: { ph: string }) => e.ph === 'M');
    expect(names.map((e: { args: { name: string } }) => e.args.name)).toEqual([
      'pool (mandelbrot, dynamic)',
      'worker 0',
      'worker 1',
    ]);
  });
});

describe('timeline facts', () => {
  it('sums busy and idle time per worker', () => {
    const summary = summarizeTimeline(trace, 2);
    expect(summary.startAt).toBe(100);
    expect(summary.endAt).toBe(120.5);
    expect(summary.workers.map((w) => [w.chunks, w.busyMs])).toEqual([
      [3, 14],
      [2, 17],
    ]);
  });

  it('measures a worker idle while a chunk waits', () => {
    // In the fixed trace no worker idles while a chunk waits, except for the half-millisecond hand-overs.
    expect(idleWhileWaitingMs(trace, 2)).toBeCloseTo(0, 5);
    // Worker 1 settles at 120.5; had chunk 4 waited until 125 instead, worker 1 would have idled 4.5 ms meanwhile.
    const late = trace.map((e) => (e.chunk === 4 ? { ...e, dispatchedAt: 125 } : e));
    expect(idleWhileWaitingMs(late, 2)).toBeCloseTo(4.5, 5);
  });

  it('names the threads by the lane names given (machines instead of workers)', () => {
    const named = toChromeTrace(trace, 2, 'jobs', (lane) => `machine ${'ab'[lane]}`);
    const threads = named.traceEvents.filter((e) => e.name === 'thread_name').map((e) => e.args);
    expect(threads).toEqual([{ name: 'machine a' }, { name: 'machine b' }]);
  });
});

describe('a chunk that timed out in its worker', () => {
  // The worker never reported start or finish: it was terminated at 160.5, 40 ms after the chunk was handed over.
  const timedOut: TraceEvent = { ...event(6, 1, 100, 120.5, Number.NaN, 160), status: 'timed-out' };
  const withTimeout = [...trace, timedOut];

  it('holds its worker from hand-over to being given up, in the summary', () => {
    const summary = summarizeTimeline(withTimeout, 2);
    expect(summary.endAt).toBe(160.5);
    expect(summary.workers.map((w) => [w.chunks, w.busyMs])).toEqual([
      [3, 14],
      [3, 17 + 40],
    ]);
  });

  it('is exported, named as timed out, with that span', () => {
    const exported = toChromeTrace(withTimeout, 2, 'fib');
    const chunk6 = exported.traceEvents.find((e) => e.args.chunk === 6);
    expect(chunk6).toMatchObject({ name: 'chunk 6 (timed-out)', tid: 1, ts: 20500, dur: 40000 });
    expect(chunk6!.args.status).toBe('timed-out');
  });
});
