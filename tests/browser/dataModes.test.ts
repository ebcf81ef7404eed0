import { describe, expect, it } from 'vitest';
import { makeFloatArray, runArraySum, shareFloatArray } from '../../src/image/arraySum';
import { runFilter } from '../../src/image/filterRun';
import { MODES } from '../../src/image/modes';
import { modeSweep } from '../../src/image/modeSweep';
import { equalBytes, sharePicture } from '../../src/image/picture';
import { KernelError } from '../../src/pool';
import { sumFloat64 } from '../../workers/kernels/floatSum';
import type { Job } from '../../workers/kernels';
import type { Filter } from '../../workers/kernels/image/filter';
import { everyFilter, randomPicture } from '../reference/pictures';
import { poolsBySize } from './poolsBySize';
import { CONTROL_LENGTH } from '../../workers/kernels/image/shared';

const WORKER_COUNTS = [1, 2, 3, 4];
const poolOf = poolsBySize(WORKER_COUNTS);

const picture = randomPicture(37, 29, 12345);
const shared = sharePicture(picture);
const FILTERS = everyFilter({ radii: [3], sigmas: [1.7] });

describe('image filters in every mode', () => {
  for (const filter of FILTERS) {
    it(`${filter.name}: every mode, 1–4 workers, several band counts, byte for byte the 1-worker output`, async () => {
      const { value: expected } = await runFilter({ pool: poolOf(1) }, picture, filter, 'copy', 1);
      expect(expected).not.toEqual(picture.data);
      for (const mode of MODES) {
        for (const p of WORKER_COUNTS) {
          for (const bands of [p, 3 * p + 1]) {
            const run = await runFilter({ pool: poolOf(p) }, picture, filter, mode, bands, shared);
            expect(run.value, `${mode}, ${p} workers, ${bands} bands`).toEqual(expected);
          }
        }
      }
    });
  }

  it('copy clones every band both ways; transfer leaves every sent buffer detached and clones nothing', async () => {
    const filter: Filter = { name: 'sharpen' };
    const copy = await runFilter({ pool: poolOf(2) }, picture, filter, 'copy', 4);
    const windowRows = [8 + 1, 7 + 2, 7 + 2, 7 + 1]; // 29 rows in bands of 8, 7, 7, 7, with one halo row a side
    expect(copy.bytesCloned).toBe((windowRows.reduce((a, b) => a + b) + 29) * 37 * 4);
    const transfer = await runFilter({ pool: poolOf(2) }, picture, filter, 'transfer', 4);
    expect(transfer.bytesCloned).toBe(0);
    expect(transfer.detached).toEqual({ detached: 4, sent: 4 });
    expect(transfer.value).toEqual(copy.value);
    expect(transfer.value.buffer.byteLength).toBe(picture.data.length); // the assembled output is whole
  });

  it("shared mode's Atomics progress counter reaches bands × passes, polled without going backwards", async () => {
    const seen: number[] = [];
    const run = await runFilter(
      { pool: poolOf(3), onProgress: (done) => seen.push(done) },
      picture,
      { name: 'gaussian', sigma: 2 },
      'shared',
      7,
      shared,
    );
    expect(run.progress).toEqual({ counted: 14, total: 14 });
    expect(seen.at(-1)).toBe(14);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(run.bytesCloned + run.bytesCopiedOnPage).toBe(0);
  });

  it('the barrier holds with far more bands than workers, in every pool size', async () => {
    const tall = randomPicture(5, 101, 12345);
    const tallShared = sharePicture(tall);
    const filter: Filter = { name: 'gaussian', sigma: 3 };
    const { value: expected } = await runFilter({ pool: poolOf(1) }, tall, filter, 'copy', 1);
    for (const p of WORKER_COUNTS) {
      const run = await runFilter({ pool: poolOf(p) }, tall, filter, 'shared', 101, tallShared);
      expect(run.value, `${p} workers`).toEqual(expected);
      expect(run.progress).toEqual({ counted: 202, total: 202 });
    }
  });

  it('a participant that fails releases the others from the barrier instead of deadlocking', async () => {
    const pool = poolOf(2);
    const control = new Int32Array(new SharedArrayBuffer(CONTROL_LENGTH * 4));
    const output = new Uint8ClampedArray(new SharedArrayBuffer(shared.input.length));
    const scratch = new Uint16Array(new SharedArrayBuffer(shared.input.length * 2));
    const filter: Filter = { name: 'gaussian', sigma: 1 };
    const bands = [
      [0, 15],
      [15, 29],
    ] as const;
    const job = (withScratch: boolean): Job<'filterShared'> => ({
      kernel: 'filterShared',
      args: [filter, { input: shared.input, output, scratch: withScratch ? scratch : null, control }, 37, 29, bands, 2],
    });
    const started = performance.now();
    const [waiting, failing] = [pool.submit(job(true), { worker: 0 }), pool.submit(job(false), { worker: 1 })];
    // Both handled at once: either may reject first.
    const [waited, failed] = await Promise.allSettled([waiting, failing]);
    expect(failed.status === 'rejected' && String(failed.reason)).toMatch(/scratch/);
    expect(waited.status === 'rejected' && waited.reason).toBeInstanceOf(KernelError);
    expect(waited.status === 'rejected' && String(waited.reason)).toMatch(/another worker of this run failed/);
    expect(performance.now() - started).toBeLessThan(10_000); // far below the barrier's 60 s timeout
    expect(pool.stats()).toMatchObject({ busy: 0, replaced: 0 });
  });
});

describe('the Float64Array sum in every mode', () => {
  const values = makeFloatArray(100_003);
  const input = { values, shared: shareFloatArray(values) };
  const expected = sumFloat64(values);

  it('gives the sequential sum exactly for 1–4 workers in every mode', async () => {
    expect(expected).toBeGreaterThan(0);
    for (const mode of MODES) {
      for (const p of WORKER_COUNTS) {
        const run = await runArraySum({ pool: poolOf(p) }, input, mode, 4 * p);
        expect(run.value, `${mode}, ${p} workers`).toBe(expected);
        if (mode === 'copy') expect(run.bytesCloned).toBe(values.byteLength);
        if (mode === 'transfer') expect(run.detached).toEqual({ detached: 4 * p, sent: 4 * p });
        if (mode !== 'copy') expect(run.bytesCloned).toBe(0);
      }
    }
    expect(values.byteLength).toBe(100_003 * 8); // the source itself was never sent, only its slices
  });
});

describe('the mode sweep', () => {
  it('keeps a copy of the first shared-mode output, so later runs into the same memory are checked against it', async () => {
    const filter: Filter = { name: 'gaussian', sigma: 1.2 };
    const { value: expected } = await runFilter({ pool: poolOf(1) }, picture, filter, 'copy', 1);
    const result = await modeSweep({
      run: (context) => runFilter(context, picture, filter, 'shared', 2 * context.pool.size, shared),
      equal: equalBytes,
      keep: (bytes) => bytes.slice(),
      workerCounts: [2, 3],
      repetitions: 2,
    });
    expect(result.mismatches).toBe(0);
    expect(result.rows.map((row) => row.workers)).toEqual([1, 2, 3]);
    expect(result.rows.every((row) => row.matches && row.bytesCloned === 0)).toBe(true);
    expect(result.reference).toEqual(expected);
    expect(result.reference.buffer).toBeInstanceOf(ArrayBuffer);
    expect(result.last.value.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('interleaved, takes the worker counts in turn round by round, every pool started first', async () => {
    const filter: Filter = { name: 'sobel' };
    const { value: expected } = await runFilter({ pool: poolOf(1) }, picture, filter, 'copy', 1);
    const started: number[] = [];
    const result = await modeSweep({
      run: (context) => {
        started.push(context.pool.size);
        return runFilter(context, picture, filter, 'shared', 2 * context.pool.size, shared);
      },
      equal: equalBytes,
      keep: (bytes) => bytes.slice(),
      workerCounts: [2, 3],
      repetitions: 2,
      interleave: true,
    });
    // The warm-up round, then two timed rounds.
    expect(started).toEqual([1, 2, 3, 1, 2, 3, 1, 2, 3]);
    expect(result.runs).toBe(9);
    expect(result.mismatches).toBe(0);
    expect(result.rows.map((row) => [row.workers, row.timesMs.length, row.matches])).toEqual([
      [1, 2, true],
      [2, 2, true],
      [3, 2, true],
    ]);
    expect(result.reference).toEqual(expected);
  });

  it('reports runs whose result differs from the 1-worker result', async () => {
    const values = makeFloatArray(1000);
    const input = { values, shared: null };
    const result = await modeSweep({
      // Sums a prefix as long as the pool is large: a different result for each worker count.
      run: (context) => runArraySum(context, { ...input, values: values.subarray(0, context.pool.size) }, 'copy', 1),
      equal: (a, b) => a === b,
      workerCounts: [2],
      repetitions: 2,
    });
    expect(result.mismatches).toBe(3);
    expect(result.rows.map((row) => row.matches)).toEqual([true, false]);
    const interleaved = await modeSweep({
      run: (context) => runArraySum(context, { ...input, values: values.subarray(0, context.pool.size) }, 'copy', 1),
      equal: (a, b) => a === b,
      workerCounts: [2],
      repetitions: 2,
      interleave: true,
    });
    expect(interleaved.mismatches).toBe(3);
    expect(interleaved.rows.map((row) => row.matches)).toEqual([true, false]);
  });
});
