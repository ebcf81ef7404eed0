import { applyFilter } from './band';
import { barrierFail, barrierWait } from './barrier';
import { checkFilter, type Filter } from './filter';
import { gaussianHorizontalRows, gaussianVerticalRows, gaussianWeights } from './gaussian';
import { wholePictureJob } from './rows';

/** Slot of the shared control array that counts finished band-passes; the page polls it for progress. */
export const PROGRESS = 0;
/** Slots of the next band to claim in each pass (the Gaussian has two); slots 1–3 are the barrier's (barrier.ts). */
const NEXT_BAND = [4, 5] as const;
export const CONTROL_LENGTH = 6;

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
  /** [progress, barrier arrived, barrier generation, failed, next band of pass 0, next band of pass 1]. */
  control: Int32Array;
  /**
   * The shared WebAssembly.Memory that input, output and scratch are views of, when they are: the WebAssembly
   * kernels then import it and filter in place. The JavaScript kernels ignore it.
   */
  wasm?: WasmSharedMemory | undefined;
}

/** A band: picture rows [y0, y1). */
export type Band = readonly [number, number];

/** One pass of a shared-mode run over one band. */
export type BandPass = (y0: number, y1: number) => void;

/**
 * One worker's share of a shared-mode run, whatever the backend: `passes`, given every band (what a pass may be
 * handed), says what to do to a band: one pass, or the Gaussian's two, between which the workers meet at the barrier
 * (no row is blurred vertically before every row is blurred horizontally). In each pass the workers claim bands one
 * at a time from a shared counter until none is left, rather than each taking a fixed block: on a machine where
 * another process takes part of one worker's core, the others take over its bands instead of waiting for it at the
 * end (measured on this 2-core machine: one worker of two often ran its half 1.3–8× slower than the other). The
 * bytes are the same whoever filters a band. Each band-pass adds to the progress counter. Any failure, in `passes`
 * too, breaks the barrier, so that no worker waits for one that has failed. Returns the band-passes this worker did.
 */
export function runSharedBands(
  control: Int32Array,
  bands: readonly Band[],
  workers: number,
  passes: (bands: readonly Band[]) => BandPass[],
): number {
  let done = 0;
  try {
    for (const [i, pass] of passes(bands).entries()) {
      if (i > 0) barrierWait(control, workers);
      for (
        let j = Atomics.add(control, NEXT_BAND[i]!, 1);
        j < bands.length;
        j = Atomics.add(control, NEXT_BAND[i]!, 1)
      ) {
        const [y0, y1] = bands[j]!;
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
 * One worker's share of a shared-mode run: it filters the bands it claims straight into the shared output, the
 * Gaussian in two passes around the barrier (runSharedBands). Which bands a worker filters is decided as the run
 * goes; `workers` is how many meet at the barrier. Returns the band-passes done.
 */
export function filterShared(
  filter: Filter,
  buffers: SharedFilterBuffers,
  width: number,
  height: number,
  bands: readonly Band[],
  workers: number,
): number {
  const { input, output } = buffers;
  return runSharedBands(buffers.control, bands, workers, () => {
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
