import { expect, it } from 'vitest';
import { SchedulingState } from '../../../src/demos/scheduling/state.svelte';
import { createPool, TimeoutError } from '../../../src/pool';
import { cancelAfterEach, holdLock, testEnvironment } from './support';

const env = { ...testEnvironment(), hardwareConcurrency: 2 };
const keep = cancelAfterEach((state: SchedulingState) => [state.runner, state.chunkRunner]);
const SMALL = { 'mandelbrot-width': '64', 'mandelbrot-height': '40', 'mandelbrot-maxIterations': '200', chunk: '8' };

function scheduling(raw: Record<string, string | boolean> = {}, timeout?: number): SchedulingState {
  const state = new SchedulingState(env, timeout ? (options) => createPool({ ...options, timeout }) : undefined);
  Object.assign(state.settings.raw, SMALL, { workers: '1-2', reps: '1' }, raw);
  return keep(state);
}

it('every schedule gives the same picture; the timeline names chunks by their rows', async () => {
  const results: string[] = [];
  for (const schedule of ['static', 'cyclic', 'dynamic']) {
    const state = scheduling({ schedule });
    await state.run();
    expect(state.runner.status).toBe('done');
    expect(state.runner.result!.mismatches).toBe(0);
    results.push(state.resultText);
    expect(state.runs).toHaveLength(4); // 2 counts × (warm-up + 1)
    expect(state.shownRun?.workers).toBe(2);
    expect(state.chunkLabel!(1)).toBe('rows 8–15');
    expect(state.table!.rows.map((row) => row.workers)).toEqual([1, 2]);
  }
  expect(new Set(results).size).toBe(1);
});

it('the chunk-size sweep times each size from 1 row to the whole picture', async () => {
  const state = scheduling({ sweepWorkers: '2', 'mandelbrot-height': '8' });
  await state.runChunkSweep();
  expect(state.chunkRunner.status).toBe('done');
  expect(state.chunkRunner.result!.map((row) => row.chunkSize)).toEqual([1, 2, 4, 8]);
  expect(state.chunkTable!.rows.every((row) => row.matches === true)).toBe(true);
});

it('a chunk larger than the work is refused with the work’s size; reset restores the defaults', () => {
  const state = scheduling({ chunk: '41' });
  expect(state.ready).toBe(false);
  expect(state.settings.result.ok ? '' : state.settings.result.errors.chunk).toMatch(/from 1 to 40 rows/);
  state.settings.reset();
  expect(state.settings.isDefault).toBe(true);
  expect(state.ready).toBe(true);
});

it('cancel ends a run at once; the lock holds both of its sweeps', async () => {
  const state = scheduling({
    'mandelbrot-width': '400',
    'mandelbrot-height': '400',
    'mandelbrot-maxIterations': '5000',
  });
  const running = state.run();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(state.chunkRunner.blockedBy).toMatch(/the Scheduling demo is running/);
  state.runner.cancel();
  expect(state.runner.status).toBe('cancelled');
  await running;
  const other = holdLock();
  expect(state.runner.blockedBy).toMatch(/the other test experiment/);
  await other.release();
});

it('a chunk past its time limit fails the run, and its timeline shows that chunk stopped in its worker', async () => {
  // One chunk of the whole picture, deep in the set: far longer than a 30 ms limit on any machine.
  const big = { 'mandelbrot-width': '400', 'mandelbrot-height': '400', 'mandelbrot-maxIterations': '5000' };
  const state = scheduling({ ...big, chunk: '400', workers: '1' }, 30);
  await state.run();
  expect(state.runner.status).toBe('failed');
  expect(state.runner.error).toBe(new TimeoutError('mandelbrotRows', 30).message);
  expect(state.failedRun?.workers).toBe(1);
  expect(state.failedRun?.trace).toMatchObject([{ status: 'timed-out', worker: 0, chunk: 0 }]);
});
