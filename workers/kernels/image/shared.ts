import { applyFilter } from './band';
import { barrierFail, barrierWait } from './barrier';
import { checkFilter, type Filter } from './filter';
import { gaussianHorizontalRows, gaussianVerticalRows, gaussianWeights } from './gaussian';
import { wholePictureJob } from './rows';

/** Slot of the shared control array that counts finished band-passes; the page polls it for progress. */
export const PROGRESS = 0;
export const CONTROL_LENGTH = 4;

/**
 * A shared WebAssembly.Memory that holds shared mode's picture, so that the kernel modules built for shared memory
 * (the `-shared` builds) filter it in place: the page and every worker see the same bytes, and nothing is copied in
 * or out. `id` names it across postMessage, which gives each worker a new wrapper object of the same memory.
 * Made by workers/wasm/sharedMemory.ts.
 */
export interface WasmSharedMemory {
  memory: WebAssembly.Memory;
  id: string;
}

/** One run's memory in shared mode. Every worker sees the same bytes: nothing is copied. */
export interface SharedFilterBuffers {
  input: Uint8ClampedArray;
  output: Uint8ClampedArray;
  /** The Gaussian's 16-bit intermediate picture, between its two passes. */
  scratch: Uint16Array | null;
  /** [progress, barrier arrived, barrier generation, failed]. */
  control: Int32Array;
  /**
   * The shared WebAssembly.Memory that input, output and scratch are views of, when they are: the WebAssembly
   * kernels then import it and filter in place. The JavaScript kernels ignore it.
   */
  wasm?: WasmSharedMemory | undefined;
}

/** A band: picture rows [y0, y1). */
export type Band = readonly [number, number];

/** The bands worker `worker` of `workers` owns in shared mode: contiguous blocks, band j to worker ⌊j·workers/bands⌋. */
export const ownBands = <B>(bands: readonly B[], worker: number, workers: number): B[] =>
  bands.filter((_, j) => Math.floor((j * workers) / bands.length) === worker);

/** One pass of a shared-mode run over one band. */
export type BandPass = (y0: number, y1: number) => void;

/**
 * One worker's share of a shared-mode run, whatever the backend: `passes`, given the bands this worker owns, says
 * what to do to each: one pass, or the Gaussian's two, between which the workers meet at the barrier (no row is
 * blurred vertically before every row is blurred horizontally). Each band-pass adds to the progress counter. Any
 * failure, in `passes` too, breaks the barrier, so that no worker waits for one that has failed. Returns the
 * band-passes done.
 */
export function runOwnBands(
  control: Int32Array,
  bands: readonly Band[],
  worker: number,
  workers: number,
  passes: (mine: Band[]) => BandPass[],
): number {
  const mine = ownBands(bands, worker, workers);
  let done = 0;
  try {
    for (const [i, pass] of passes(mine).entries()) {
      if (i > 0) barrierWait(control, workers);
      for (const [y0, y1] of mine) {
        pass(y0, y1);
        done++;
        Atomics.add(control, PROGRESS, 1);
      }
    }
    return done;
  } catch (error) {
    barrierFail(control);
    throw error;
  }
}

/** The Gaussian's 16-bit scratch picture, which a shared-mode Gaussian cannot do without. */
export function gaussianScratch({ scratch }: SharedFilterBuffers): Uint16Array {
  if (!scratch) throw new TypeError('the Gaussian needs a 16-bit scratch picture');
  return scratch;
}

/**
 * One worker's share of a shared-mode run: it filters the bands it owns straight into the shared output, the
 * Gaussian in two passes around the barrier (runOwnBands). Returns the band-passes done.
 */
export function filterShared(
  filter: Filter,
  buffers: SharedFilterBuffers,
  width: number,
  height: number,
  bands: readonly Band[],
  worker: number,
  workers: number,
): number {
  const { input, output } = buffers;
  return runOwnBands(buffers.control, bands, worker, workers, () => {
    checkFilter(filter);
    if (filter.name !== 'gaussian') {
      return [(y0, y1) => applyFilter(filter, input, 0, output, 0, width, height, y0, y1)];
    }
    const scratch = gaussianScratch(buffers);
    const weights = gaussianWeights(filter.sigma);
    return [
      (y0, y1) => gaussianHorizontalRows(wholePictureJob(input, scratch, width, height, y0, y1), weights),
      (y0, y1) => gaussianVerticalRows(wholePictureJob(scratch, output, width, height, y0, y1), weights),
    ];
  });
}

/** filterShared's arguments, which the WebAssembly kernels' twin takes too. */
export type SharedArgs = Parameters<typeof filterShared>;
