/**
 * The filters' scaling per backend (issue 15's "2 workers at ≥ 1.8× for the filters"): each filter through the real
 * pool in shared mode (the picture in shared memory, one job per worker, no band copied by the page), at 1 and 2
 * workers by default, on JavaScript and WebAssembly SIMD. `speedup` is over the same backend's 1-worker run, so it
 * is the parallel gain alone; the 1-worker row against the kernels suite's single-thread row is the pool's cost.
 * Every run's bytes must equal the first 1-worker run's. The worker counts take turns round by round (modeSweep's
 * `interleave`), so that a drift of this shared machine's load hits both sides of the ratio alike.
 * `computeMs` is the workers' in-kernel time summed, a median: 2 workers at the 1-worker rate give the same figure,
 * twice that means each had half a core. `kernelRate` is the 1-worker computeMs over it: 1 when the workers each ran
 * their kernel as fast as one worker alone (a speedup short of the worker count is then the run's own overhead or
 * imbalance), below 1 when they slowed each other (memory bandwidth) or waited for a core. No transit time: it
 * compares a worker's clock with the page's, whose origins were a few ms apart here (negative transit times).
 * `nativeSpeedup2`, added by `npm run bench` where there is a C compiler (scripts/benchNative.ts), is the same
 * filter in C on 2 threads over 1, banded alike: the gain this machine allows that kernel, beside the workers' gain.
 * Options: --scaling-backends js,wasm-simd --scaling-workers 2 --scaling-reps 3 --scaling-bands 4 (bands per
 * worker) --scaling-order rounds (or by-count: every run of one worker count, then the next, as the Image demo's
 * sweep does).
 */
import { runFilter } from '../../src/image/filterRun';
import { modeSweep } from '../../src/image/modeSweep';
import { equalBytes, sharePicture, type Picture } from '../../src/image/picture';
import { isBackend, type Backend } from '../../workers/kernels/backend';
import type { Filter } from '../../workers/kernels/image/filter';
import { numberOption, timingFigures, type BenchRecord } from '../record';
import { sharedPath } from '../../src/image/sharedPath';

export interface ScalingCase {
  kernel: string;
  filter: Filter;
  picture: Picture;
  /** The single-thread JavaScript output's checksum: the scaling runs must give the same bytes. */
  expected: Uint8Array;
}

export async function kernelScaling(
  { kernel, filter, picture, expected }: ScalingCase,
  options: Record<string, string>,
): Promise<BenchRecord[]> {
  if (!crossOriginIsolated) {
    console.warn('kernel scaling skipped: the page is not cross-origin isolated, so there is no shared memory');
    return [];
  }
  const backends = (options['scaling-backends'] ?? 'js,wasm-simd').split(',');
  const maxWorkers = numberOption(options, 'scaling-workers', 2);
  const repetitions = numberOption(options, 'scaling-reps', 3);
  const bandsPerWorker = numberOption(options, 'scaling-bands', 4);
  const shared = sharePicture(picture);
  const size = `${picture.width}x${picture.height}`;
  const records: BenchRecord[] = [];
  for (const backend of backends) {
    if (!isBackend(backend)) throw new RangeError(`unknown backend "${backend}"`);
    const result = await modeSweep({
      run: (context) =>
        runFilter(context, picture, filter, 'shared', context.pool.size * bandsPerWorker, shared, backend),
      equal: equalBytes,
      keep: (bytes) => bytes.slice(),
      workerCounts: Array.from({ length: maxWorkers }, (_, i) => i + 1),
      repetitions,
      interleave: options['scaling-order'] !== 'by-count',
    });
    const matches = result.mismatches === 0 && equalBytes(result.reference, expected);
    if (!matches) throw new Error(`${kernel}: the ${backend} shared-mode output differs from JavaScript's`);
    const oneWorker = result.rows.find((row) => row.workers === 1)!;
    for (const row of result.rows) {
      records.push({
        task: 'kernels',
        kernel,
        backend,
        size,
        mode: 'shared',
        path: sharedPath(backend as Backend, shared),
        ...timingFigures(row),
        mps: (picture.width * picture.height) / row.medianMs / 1e3,
        // On a shared, busy machine the fastest repetitions are the least disturbed: their ratio is the steadier.
        minSpeedup: oneWorker.minMs / row.minMs,
        order: options['scaling-order'] ?? 'rounds',
        computeMs: row.computeMs,
        kernelRate: oneWorker.computeMs / row.computeMs,
        matches,
      });
    }
  }
  return records;
}
