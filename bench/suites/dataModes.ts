import { makeFloatArray, runArraySum, shareFloatArray } from '../../src/image/arraySum';
import { filterFrom, isFilterName } from '../../src/image/filterParams';
import { runFilter } from '../../src/image/filterRun';
import type { ModeRow } from '../../src/image/modeSweep';
import { modeSweep } from '../../src/image/modeSweep';
import { MODES, modeUnavailable, type Mode } from '../../src/image/modes';
import { equalBytes, megapixels, sharePicture } from '../../src/image/picture';
import { samplePicture } from '../../src/image/sample';
import { FILTER_NAMES } from '../../workers/kernels/image/filter';
import { isBackend } from '../../workers/kernels/backend';
import { numberOption, timingFigures, workerCountsOption, type BenchRecord, type BenchSuite } from '../record';

/** The modes to run: `--modes copy,shared`, else every mode this page allows. */
function modesOption(options: Record<string, string>): Mode[] {
  const wanted = (options.modes?.split(',') ?? MODES) as Mode[];
  for (const mode of wanted) {
    if (!MODES.includes(mode)) throw new RangeError(`unknown mode "${mode}"; known: ${MODES.join(', ')}`);
  }
  return wanted.filter((mode) => !modeUnavailable(mode, crossOriginIsolated));
}

/** The columns every data-mode row shares: timing, speedup, and where the time went. */
function rowFigures(row: ModeRow, work: number) {
  return {
    ...timingFigures(row),
    throughput: work / (row.medianMs / 1000),
    moveMs: row.moveMs,
    computeMs: row.computeMs,
    mbCloned: row.bytesCloned / 1e6,
    mbCopiedOnPage: row.bytesCopiedOnPage / 1e6,
  };
}

/**
 * Image filters on the sample picture (4096×4096 by default) in each mode, 1 to the cores. `throughput` is in
 * megapixels per second; its 1-worker row is the JS kernel's single-worker throughput. For the Gaussian, a last row
 * checks the targets: efficiency at 2 workers in shared mode, and shared faster than copy by at least the
 * time copy spends moving data.
 * Options: --image-size 4096 --filters gaussian,sobel --sigma 2 --radius 3 --bands 4 --modes copy,shared --reps 3
 * --backend js|wasm|wasm-simd
 */
export const image: BenchSuite = async (options) => {
  const size = numberOption(options, 'image-size', 4096);
  const bandsPerWorker = numberOption(options, 'bands', 4);
  const repetitions = numberOption(options, 'reps', 3);
  const names = options.filters?.split(',') ?? FILTER_NAMES;
  const backend = options.backend ?? 'js';
  if (!isBackend(backend)) throw new RangeError(`unknown backend "${backend}"`);
  const picture = samplePicture(size, size);
  const shared = crossOriginIsolated ? sharePicture(picture) : undefined;
  const work = megapixels(picture);
  const records: BenchRecord[] = [];
  for (const name of names) {
    if (!isFilterName(name)) throw new RangeError(`unknown filter ${name}`);
    const filter = filterFrom(name, {
      radius: numberOption(options, 'radius', 3),
      sigma: numberOption(options, 'sigma', 2),
    });
    const param =
      filter.name === 'gaussian' ? `sigma=${filter.sigma}` : filter.name === 'box' ? `radius=${filter.radius}` : '';
    const byMode = new Map<Mode, ModeRow[]>();
    let reference: Uint8ClampedArray | undefined;
    for (const mode of modesOption(options)) {
      const result = await modeSweep({
        run: (context) =>
          runFilter(context, picture, filter, mode, context.pool.size * bandsPerWorker, shared, backend),
        equal: equalBytes,
        keep: (bytes) => bytes.slice(),
        workerCounts: workerCountsOption(options),
        repetitions,
      });
      reference ??= result.reference;
      if (result.mismatches || !equalBytes(reference, result.reference)) {
        throw new Error(`${name} in ${mode} mode: output differs from the 1-worker output`);
      }
      byMode.set(mode, result.rows);
      for (const row of result.rows) {
        records.push({
          task: `image-${name}`,
          mode,
          backend,
          param,
          size: `${size}x${size}`,
          ...rowFigures(row, work),
        });
      }
    }
    const copy = byMode.get('copy')?.find((row) => row.workers === 2);
    const sharedRow = byMode.get('shared')?.find((row) => row.workers === 2);
    if (filter.name === 'gaussian' && copy && sharedRow) {
      const savedMs = copy.medianMs - sharedRow.medianMs;
      records.push({
        task: 'image-gaussian-targets',
        param,
        size: `${size}x${size}`,
        workers: 2,
        medianMs: sharedRow.medianMs,
        speedup: sharedRow.speedup,
        efficiency: sharedRow.efficiency,
        efficiencyAtLeast085: sharedRow.efficiency >= 0.85,
        copyMs: copy.medianMs,
        copyMoveMs: copy.moveMs,
        sharedSavesMs: savedMs,
        sharedFasterByCopyTime: savedMs >= copy.moveMs,
      });
    }
  }
  return records;
};

/**
 * The memory-bound sum of a Float64Array (20 million elements by default) in each mode; `throughput` is in millions
 * of elements per second, and `copyCostsMore` says when moving the data took longer than summing it.
 * Options: --sum-length 2e7 --modes copy,transfer,shared --reps 3
 */
export const arraysum: BenchSuite = async (options) => {
  const length = numberOption(options, 'sum-length', 20_000_000);
  const values = makeFloatArray(length);
  const input = { values, shared: crossOriginIsolated ? shareFloatArray(values) : null };
  const records: BenchRecord[] = [];
  for (const mode of modesOption(options)) {
    const result = await modeSweep({
      run: (context) => runArraySum(context, input, mode, context.pool.size * 4),
      equal: (a, b) => a === b,
      workerCounts: workerCountsOption(options),
      repetitions: numberOption(options, 'reps', 3),
    });
    if (result.mismatches) throw new Error(`array sum in ${mode} mode: ${result.mismatches} runs differ`);
    for (const row of result.rows) {
      records.push({
        task: 'arraysum',
        mode,
        length: String(length),
        ...rowFigures(row, length / 1e6),
        copyCostsMore: row.moveMs > row.computeMs,
      });
    }
  }
  return records;
};
