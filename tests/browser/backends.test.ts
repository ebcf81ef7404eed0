import { describe, expect, it } from 'vitest';
import { runFilter } from '../../src/image/filterRun';
import { MODES } from '../../src/image/modes';
import { equalBytes, sharePicture } from '../../src/image/picture';
import { sharedPath } from '../../src/image/sharedPath';
import { createPool, KernelError } from '../../src/pool';
import { mandelbrotTask } from '../../src/tasks/mandelbrot';
import { sumTask } from '../../src/tasks/sum';
import type { Task } from '../../src/tasks/task';
import { BACKENDS } from '../../workers/kernels/backend';
import { everyFilter, randomPicture } from '../reference/pictures';
import { poolsBySize } from './poolsBySize';

/** Every backend, through the real pool and workers, gives the 1-worker JavaScript bytes at 1–4 workers. */
const WORKER_COUNTS = [1, 2, 3, 4];
const poolOf = poolsBySize(WORKER_COUNTS);

/** A width that is no multiple of any lane count, and a height that several bands cut unevenly. */
const picture = randomPicture(53, 31, 987);
const shared = sharePicture(picture);
/** The same picture in plain SharedArrayBuffers: the WebAssembly backends' other shared path, band copies. */
const sharedApart = sharePicture(picture, { inWasmMemory: false });
const FILTERS = everyFilter({ radii: [2], sigmas: [1.3] });

async function runTask<P, R>(task: Task<P, R>, raw: Record<string, string>, p: number): Promise<R> {
  const validation = task.validate(raw as never);
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  const jobs = task.split(validation.params, 2 * p + 1);
  return task.merge(validation.params, await poolOf(p).map(jobs));
}

describe('backends give the same bytes', () => {
  it('image filters: every backend × mode × 1–4 workers equals the 1-worker JavaScript output', async () => {
    // Shared mode's picture is in a shared WebAssembly.Memory: the WebAssembly backends filter it in place.
    expect(shared.wasm).not.toBeNull();
    for (const backend of BACKENDS) expect(sharedPath(backend, shared)).toBe('no-copy');
    expect(sharedPath('wasm-simd', sharedApart)).toBe('band-copies');
    for (const filter of FILTERS) {
      const { value: reference } = await runFilter({ pool: poolOf(1) }, picture, filter, 'copy', 1);
      const expected = reference.slice();
      for (const backend of BACKENDS) {
        for (const mode of MODES) {
          for (const p of WORKER_COUNTS) {
            const run = await runFilter({ pool: poolOf(p) }, picture, filter, mode, 2 * p + 1, shared, backend);
            expect(equalBytes(run.value, expected), `${filter.name}, ${backend}, ${mode}, ${p} workers`).toBe(true);
          }
        }
        if (backend === 'js') continue;
        for (const p of [1, 2]) {
          const run = await runFilter({ pool: poolOf(p) }, picture, filter, 'shared', 2 * p + 1, sharedApart, backend);
          expect(equalBytes(run.value, expected), `${filter.name}, ${backend}, band copies, ${p} workers`).toBe(true);
        }
      }
    }
  });

  it('sum and Mandelbrot: every backend × 1–4 workers equals the 1-worker JavaScript result', async () => {
    const sumRaw = { n: '1000003' };
    const mandelbrotRaw = { ...mandelbrotTask.defaults, width: '61', height: '37', maxIterations: '500' };
    const sumExpected = await runTask(sumTask, { ...sumRaw, backend: 'js' }, 1);
    const mandelbrotExpected = await runTask(mandelbrotTask, { ...mandelbrotRaw, backend: 'js' }, 1);
    for (const backend of BACKENDS) {
      for (const p of WORKER_COUNTS) {
        expect(await runTask(sumTask, { ...sumRaw, backend }, p), `sum, ${backend}, ${p}`).toBe(sumExpected);
        const counts = await runTask(mandelbrotTask, { ...mandelbrotRaw, backend }, p);
        expect(mandelbrotTask.equal(counts, mandelbrotExpected), `Mandelbrot, ${backend}, ${p}`).toBe(true);
      }
    }
  });

  it('a kernel without a WebAssembly version fails loudly instead of running JavaScript', async () => {
    const future = poolOf(1).submit({ kernel: 'fibBatch', args: [[10]], backend: 'wasm' });
    await expect(future).rejects.toBeInstanceOf(KernelError);
    await expect(poolOf(1).submit({ kernel: 'fibBatch', args: [[10]], backend: 'wasm' })).rejects.toThrow(
      /no WebAssembly version/,
    );
  });

  it('a worker loads a module once and reuses it for later jobs', async () => {
    const pool = createPool({ size: 1 });
    try {
      await pool.ready;
      const started = performance.now();
      await pool.submit({ kernel: 'sumSquaresMod32', args: [0, 10], backend: 'wasm-simd' });
      const first = performance.now() - started;
      const again = performance.now();
      await pool.submit({ kernel: 'sumSquaresMod32', args: [0, 10], backend: 'wasm-simd' });
      // The second job reuses the module: no fetch, no warm-up (generous bound: loading takes tens of ms).
      expect(performance.now() - again).toBeLessThan(Math.max(first, 50));
    } finally {
      await pool.shutdown();
    }
  });
});
