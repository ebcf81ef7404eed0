import { expect, it } from 'vitest';
import { BACKENDS } from '../../../workers/kernels/backend';
import { runJob } from '../../../workers/kernels';
import { BLUR, type BlurParams } from '../../../src/demos/kernel-or-cores/blurTask';
import { runGrid } from '../../../src/demos/kernel-or-cores/runGrid';
import { KernelOrCoresState } from '../../../src/demos/kernel-or-cores/state.svelte';
import { equalBytes } from '../../../src/image/picture';
import { sumTask } from '../../../src/tasks/sum';
import { cancelAfterEach, expectRunLockBlocks, testEnvironment } from './support';

const env = { ...testEnvironment(), hardwareConcurrency: 2 };
const keep = cancelAfterEach((state: KernelOrCoresState) => [state.runner]);

/** Small sizes: the grid checks results, not speed. */
function grid(raw: Record<string, string> = {}): KernelOrCoresState {
  const state = new KernelOrCoresState(env);
  const small = { 'sum-n': '1000000', 'blur-width': '61', 'mandelbrot-width': '48', workers: '1-2', reps: '1' };
  Object.assign(state.settings.raw, small, raw);
  return keep(state);
}

it.each(['sum', 'blur', 'mandelbrot'])(
  'runs %s on every backend at 1 and 2 workers, each result equal to the 1-worker JavaScript one',
  async (task) => {
    const state = grid({ task });
    state.guess.text = '4';
    await state.run();
    expect(state.runner.status).toBe('done');
    const result = state.runner.result!;
    expect(result.mismatches).toBe(0);
    // Per backend and count: one warm-up and one timed run.
    expect(result.runs).toBe(BACKENDS.length * 2 * 2);
    expect(result.cells.map((cell) => `${cell.backend}@${cell.workers}`)).toEqual(
      BACKENDS.flatMap((backend) => [`${backend}@1`, `${backend}@2`]),
    );
    expect(result.cells.every((cell) => cell.matches && cell.medianMs > 0)).toBe(true);
    expect(result.cells[0]!.speedup).toBe(1);
    expect(state.lesson).toMatch(/2 workers of JavaScript/);
    expect(state.table!.rows).toHaveLength(6);
    // The guess made before the run is answered by the 1-worker SIMD cell.
    expect(state.simdSpeedup).toBe(result.cells.find((cell) => cell.backend === 'wasm-simd')!.speedup);
    expect(state.guess.outcome(state.simdSpeedup)).toMatch(/^You guessed 4\.00×, measured/);
    if (task === 'sum') expect(result.reference).toBe(runJob({ kernel: 'sumSquaresMod32', args: [0, 1_000_000] }));
    if (task === 'blur') {
      const { picture } = state.ran!.params as BlurParams;
      const { width, height, data } = picture;
      const whole = runJob({ kernel: 'filterBand', args: [BLUR, data, 0, width, height, 0, height] });
      expect(equalBytes(result.reference as Uint8ClampedArray, whole)).toBe(true);
      expect(state.resultText).toBe('61×41 px blurred (10,004 bytes)');
    }
  },
);

it('counts a backend whose result differs from JavaScript’s as a mismatch, first run included', async () => {
  // A sum that comes out one too high on scalar WebAssembly only: every one of its runs must be caught.
  const task = {
    ...sumTask,
    merge: (params: Parameters<typeof sumTask.merge>[0], results: readonly unknown[]) =>
      (sumTask.merge(params, results) + (params.backend === 'wasm' ? 1 : 0)) >>> 0,
  };
  const result = await runGrid({ task, params: { n: 100_000 }, workerCounts: [1, 2], repetitions: 1 });
  expect(result.mismatches).toBe(4);
  expect(result.runs).toBe(12);
  expect(result.cells.filter((cell) => !cell.matches).map((cell) => `${cell.backend}@${cell.workers}`)).toEqual([
    'wasm@1',
    'wasm@2',
  ]);
});

it('cancel stops the grid mid-way, and the next run works', async () => {
  const state = grid({ task: 'sum', 'sum-n': '300000000', reps: '3' });
  const running = state.run();
  await expect.poll(() => state.runner.progress?.runsDone ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
  state.runner.cancel();
  expect(state.runner.status).toBe('cancelled');
  await running;
  Object.assign(state.settings.raw, { 'sum-n': '1000', reps: '1', workers: '2' });
  await state.run();
  expect(state.runner.status).toBe('done');
  expect(state.runner.result!.mismatches).toBe(0);
  // The 1-worker baseline is always measured.
  expect(state.counts).toEqual([1, 2]);
});

it('bad input keeps it from running, with a message, and it waits for another experiment', async () => {
  const state = grid({ task: 'blur', 'blur-width': '5' });
  expect(state.ready).toBe(false);
  const result = state.settings.result;
  expect(result.ok ? '' : result.errors['blur-width']).toMatch(/16/);
  await state.run();
  expect(state.runner.status).toBe('idle');
  await expectRunLockBlocks(() => grid({ reps: '1', workers: '1' }), { ranNothing: (s) => expect(s.ran).toBeNull() });
});
