import { applyFilter } from './band';
import { barrierFail, barrierWait } from './barrier';
import { checkFilter, sharedPasses, type Filter } from './filter';
import { gaussianHorizontalRows, gaussianVerticalRows, gaussianWeights } from './gaussian';

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

/** The bands worker `worker` of `workers` owns in shared mode: contiguous blocks, band j to worker ⌊j·workers/bands⌋. */
export const ownBands = <B>(bands: readonly B[], worker: number, workers: number): B[] =>
  bands.filter((_, j) => Math.floor((j * workers) / bands.length) === worker);

/**
 * One worker's share of a shared-mode run: it filters the bands it owns (contiguous blocks: band j belongs to worker
 * ⌊j·workers/bands⌋) straight into the shared output. The Gaussian's two passes are separated by a barrier inside
 * the workers: no row is blurred vertically before every row is blurred horizontally. Returns the band-passes done.
 */
export function filterShared(
  filter: Filter,
  buffers: SharedFilterBuffers,
  width: number,
  height: number,
  bands: readonly (readonly [number, number])[],
  worker: number,
  workers: number,
): number {
  const { input, output, scratch, control } = buffers;
  const mine = ownBands(bands, worker, workers);
  let done = 0;
  const finished = () => {
    done++;
    Atomics.add(control, PROGRESS, 1);
  };
  try {
    checkFilter(filter);
    if (sharedPasses(filter) === 1) {
      for (const [y0, y1] of mine) {
        applyFilter(filter, input, 0, output, 0, width, height, y0, y1);
        finished();
      }
      return done;
    }
    if (filter.name !== 'gaussian' || !scratch) throw new TypeError('the Gaussian needs a 16-bit scratch picture');
    const weights = gaussianWeights(filter.sigma);
    for (const [y0, y1] of mine) {
      gaussianHorizontalRows({ src: input, srcTop: 0, dst: scratch, dstTop: 0, width, height, y0, y1 }, weights);
      finished();
    }
    barrierWait(control, workers);
    for (const [y0, y1] of mine) {
      gaussianVerticalRows({ src: scratch, srcTop: 0, dst: output, dstTop: 0, width, height, y0, y1 }, weights);
      finished();
    }
    return done;
  } catch (error) {
    barrierFail(control);
    throw error;
  }
}
