import { checkFilter, haloRows, type Filter } from '../kernels/image/filter';
import { gaussianWeights } from '../kernels/image/gaussian';
import { type RowJob, wholePictureJob } from '../kernels/image/rows';
import { type Band, type BandPass, type SharedFilterBuffers, gaussianScratch } from '../kernels/image/shared';
import type { KernelExports } from './exports';
import { Layout } from './layout';
import { growRegion } from './sharedMemory';

/** A kernel call ready to run on addresses already laid out (WasmKernels.filterCall). */
export type FilterCall = (filter: Filter, job: RowJob<number, number>, layout: Layout) => () => void;

/**
 * Shared mode on a module instantiated on the picture's own shared WebAssembly.Memory: the kernels read the input
 * and write the output where they are, with this worker's scratch (box columns, Sobel's luma rows, the Gaussian's
 * padded row and weights) in a region of the same memory that this worker grew for itself. Nothing is copied.
 */
export class InPlaceFilters {
  #region = { at: 0, bytes: 0 };

  constructor(
    private readonly exports: KernelExports,
    private readonly memory: WebAssembly.Memory,
    private readonly filterCall: FilterCall,
  ) {}

  /** The passes (runSharedBands in image/shared.ts) that filter any of `bands` of a shared picture in place. */
  passes(
    filter: Filter,
    buffers: SharedFilterBuffers,
    width: number,
    height: number,
    bands: readonly Band[],
  ): BandPass[] {
    const { input, output } = buffers;
    checkFilter(filter);
    this.#checkViews(buffers);
    const tallest = Math.max(0, ...bands.map(([y0, y1]) => y1 - y0));
    const base = this.#scratch(scratchBound(filter, width, tallest));
    const end = this.#region.at + this.#region.bytes;
    const checkFits = (layout: Layout) => {
      if (layout.end > end) throw new Error('in-place scratch overflow: scratchBound is too small');
    };
    if (filter.name !== 'gaussian') {
      const [src, dst] = [input.byteOffset, output.byteOffset];
      return [
        (y0, y1) => {
          const layout = new Layout(base);
          const run = this.filterCall(filter, wholePictureJob(src, dst, width, height, y0, y1), layout);
          checkFits(layout);
          run();
        },
      ];
    }
    const scratch = gaussianScratch(buffers).byteOffset;
    const weights = gaussianWeights(filter.sigma);
    const radius = (weights.length - 1) >> 1;
    const layout = new Layout(base);
    const w = layout.take(weights.length * 4);
    const padded = layout.take((width * 4 + 8 * radius) * 4);
    const rows = layout.take(verticalScratch(weights.length));
    checkFits(layout);
    new Int32Array(this.memory.buffer, w, weights.length).set(weights);
    const k = this.exports;
    return [
      (y0, y1) => k.gaussianHorizontal(input.byteOffset, 0, scratch, 0, width, y0, y1, w, radius, padded),
      (y0, y1) => k.gaussianVertical(scratch, 0, output.byteOffset, 0, width, height, y0, y1, w, radius, rows),
    ];
  }

  /** The views must lie inside this memory: the kernels take their offsets as addresses in it. */
  #checkViews({ input, output, scratch }: SharedFilterBuffers): void {
    const size = this.memory.buffer.byteLength;
    for (const view of [input, output, scratch]) {
      if (view && view.byteOffset + view.byteLength > size) {
        throw new RangeError('shared picture views lie outside the WebAssembly memory they came with');
      }
    }
  }

  /** This worker's scratch region, grown (as a fresh region) when a job needs more than it has. */
  #scratch(bytes: number): number {
    if (bytes > this.#region.bytes) {
      this.#region = { at: growRegion(this.memory, bytes), bytes };
    }
    return this.#region.at;
  }
}

/**
 * Bytes of the vertical Gaussian pass's scratch for 2R + 1 taps: a row pointer per tap, then room for the SIMD
 * module's R + 1 weight vectors (16 bytes each; the scalar module uses only the pointers).
 */
export function verticalScratch(taps: number): number {
  return taps * 4 + taps * 16;
}

/** An upper bound of the scratch one band of at most `rows` rows needs (with 16 bytes of alignment per buffer). */
function scratchBound(filter: Filter, width: number, rows: number): number {
  const stride = width * 4;
  const slack = 4 * 16;
  switch (filter.name) {
    case 'box':
      return stride * 4 + slack;
    case 'sobel':
      return (rows + 2) * width + slack;
    case 'gaussian': {
      const radius = haloRows(filter);
      const taps = 2 * radius + 1;
      return taps * 4 + (stride + 8 * radius) * 4 + verticalScratch(taps) + slack;
    }
    default:
      return slack;
  }
}
