import { afterEach, describe, expect, it } from 'vitest';
import { runJob, type Job } from '../../workers/kernels';
import { chunkSweep } from '../../src/measure/chunkSweep';
import { sweep } from '../../src/measure/sweep';
import { idleWhileWaitingMs } from '../../src/measure/timeline';
import { createPool, SCHEDULES, type Pool, type TraceEvent } from '../../src/pool';
import { fibMixedTask } from '../../src/tasks/fibMixed';
import { mandelbrotTask } from '../../src/tasks/mandelbrot';
import { chunkCount } from '../../src/tasks/uneven';

const pools: Pool[] = [];
function pool(size: number): Pool {
  const created = createPool({ size });
  pools.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.shutdown({ cancelPending: true })));
});

const view = { width: 96, height: 64, xMin: -2.2, xMax: 0.8, yMin: -1.5, yMax: 1, maxIterations: 400 };

describe('Mandelbrot on workers', () => {
  const whole = runJob({ kernel: 'mandelbrotRows', args: [view, 0, view.height] });

  it.each(SCHEDULES)(
    'gives the same bits as one pass on the page, under %s, for 1–3 workers and any chunk size',
    async (schedule) => {
      for (const workers of [1, 2, 3]) {
        const p = pool(workers);
        for (const chunkSize of [1, 5, 64]) {
          const jobs = mandelbrotTask.split(view, chunkCount(view.height, chunkSize));
          const bands = await p.map(jobs, { schedule, transferResult: true });
          const image = mandelbrotTask.merge(view, bands);
          expect(image.length).toBe(view.width * view.height);
          expect(mandelbrotTask.equal(image, whole), `${schedule}, ${workers} workers, chunk ${chunkSize}`).toBe(true);
        }
      }
    },
  );

  it('checks every run of a sweep with a fixed chunk count against the 1-worker image', async () => {
    const result = await sweep({
      task: mandelbrotTask,
      params: view,
      settings: { workerCounts: [2, 3], repetitions: 1, chunks: 16, schedule: 'cyclic' },
    });
    expect(result.rows.map((row) => row.workers)).toEqual([1, 2, 3]);
    expect(result.mismatches).toBe(0);
    expect(mandelbrotTask.equal(result.reference, whole)).toBe(true);
    for (const run of result.runs) expect(run.trace.filter((e) => e.status === 'done')).toHaveLength(16);
  });

  it('sweeps chunk sizes at one worker count, every result equal', async () => {
    const rows = await chunkSweep({
      task: mandelbrotTask,
      params: view,
      workers: 2,
      schedule: 'dynamic',
      chunkSizes: [1, 8, 64],
      repetitions: 1,
    });
    expect(rows.map((row) => [row.chunkSize, row.chunks, row.timesMs.length, row.matches])).toEqual([
      [1, 64, 1, true],
      [8, 8, 1, true],
      [64, 1, 1, true],
    ]);
  });
});

describe('the dynamic queue', () => {
  /** Heavy chunks first, then light ones: static blocks put all the heavy work on worker 0. */
  const skewed: Job<'fibBatch'>[] = [30, 30, 30, 30, 12, 12, 12, 12].map((n) => ({ kernel: 'fibBatch', args: [[n]] }));

  async function traced(schedule: 'static' | 'dynamic', jobs: readonly Job[], workers: number) {
    const p = pool(workers);
    await p.ready;
    const trace: TraceEvent[] = [];
    await p.map(jobs, { schedule, onTrace: (event) => trace.push(event) });
    return trace;
  }

  it('keeps every worker busy while chunks wait: idle-while-waiting is only the hand-overs', async () => {
    const params = fibMixedTask.validate({ nMin: '15', nMax: '27', count: '60', seed: '3' });
    if (!params.ok) throw new Error('bad params');
    const jobs = fibMixedTask.split(params.params, 60);
    for (const workers of [2, 3]) {
      // A hand-over is a microtask on the page (well under a millisecond when the machine is quiet, about 1.5 ms
      // measured with the machine loaded ten times over); 3 ms per chunk is a generous bound that a design which
      // left workers waiting for a batch or for the slowest worker would exceed many times over. A busy machine can
      // only add idle time (the page's thread descheduled for a second), so the best of three runs is judged.
      let idle = Infinity;
      for (let attempt = 0; attempt < 3 && idle >= 3 * 60; attempt++) {
        const trace = await traced('dynamic', jobs, workers);
        expect(trace).toHaveLength(60);
        idle = Math.min(idle, idleWhileWaitingMs(trace, workers));
      }
      expect(idle).toBeLessThan(3 * 60);
    }
  });

  it('static blocks, by contrast, leave a worker idle while its partner’s chunks wait', async () => {
    const dynamicIdle = idleWhileWaitingMs(await traced('dynamic', skewed, 2), 2);
    const staticIdle = idleWhileWaitingMs(await traced('static', skewed, 2), 2);
    expect(staticIdle).toBeGreaterThan(dynamicIdle);
    expect(staticIdle).toBeGreaterThan(5);
  });
});
