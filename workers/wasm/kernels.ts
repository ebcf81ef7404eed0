import { type BandArgs, checkRows } from '../kernels/image/band';
import { checkFilter, type Filter } from '../kernels/image/filter';
import { gaussianWeights } from '../kernels/image/gaussian';
import { clamp, type RowJob } from '../kernels/image/rows';
import { runSharedBands, type SharedArgs } from '../kernels/image/shared';
import { checkMandelbrotRows, type MandelbrotView } from '../kernels/mandelbrot';
import { assertRange } from '../kernels/sum';
import { copiedPasses } from './copied';
import { type KernelExports, rowArgs } from './exports';
import { InPlaceFilters, verticalScratch } from './inPlace';
import { Layout } from './layout';
import type { WasmSharedMemory } from './sharedMemory';

/** Shared pictures' memories a worker keeps an instance on. */
const KEPT_MEMORIES = 2;

function imports(memory: WebAssembly.Memory): WebAssembly.Imports {
  const abort = () => {
    throw new Error('kernel module aborted');
  };
  return { env: { memory, abort } };
}

/** A band's filter call, ready to run: its input is in the module's memory, `run` calls the kernel alone. */
export interface PreparedBand {
  run(): void;
  /** The band's filtered rows, copied out of the module's memory. */
  output(): Uint8ClampedArray;
}

/**
 * One instantiated kernel module (scalar or SIMD) with the JavaScript kernels' signatures: the worker makes one per
 * backend and reuses it for every chunk. Arguments are checked here, as the JavaScript kernels check theirs (the
 * module is built with --noAssert); data is copied into the module's memory and the result copied out, since a
 * module's memory is its own ArrayBuffer, not the page's.
 */
export class WasmKernels {
  /**
   * The same kernels built for a shared memory (scripts/wasmBuild.ts), compiled once: shared mode instantiates it on
   * the picture's own WebAssembly.Memory and filters in place. Null where shared memory is unavailable.
   */
  sharedModule: WebAssembly.Module | null = null;
  /** Instances on the shared pictures' memories this worker has seen, newest last (a few, not every one). */
  readonly #inPlace = new Map<string, InPlaceFilters>();

  constructor(
    readonly exports: KernelExports,
    readonly memory: WebAssembly.Memory,
  ) {}

  static async instantiate(bytes: BufferSource): Promise<WasmKernels> {
    const memory = new WebAssembly.Memory({ initial: 2 });
    const { instance } = await WebAssembly.instantiate(bytes, imports(memory));
    return new WasmKernels(instance.exports as unknown as KernelExports, memory);
  }

  /** The kernels of a compiled module on a memory it imports (a shared module needs a shared memory). */
  static onMemory(module: WebAssembly.Module, memory: WebAssembly.Memory): WasmKernels {
    const instance = new WebAssembly.Instance(module, imports(memory));
    return new WasmKernels(instance.exports as unknown as KernelExports, memory);
  }

  sumSquaresMod32(start: number, end: number): number {
    assertRange(start, end);
    return this.exports.sumSquaresMod32(start, end) >>> 0;
  }

  mandelbrotRows(view: MandelbrotView, rowStart: number, rowEnd: number): Uint16Array {
    checkMandelbrotRows(view, rowStart, rowEnd);
    const { width, height, xMin, xMax, yMin, yMax, maxIterations } = view;
    const length = (rowEnd - rowStart) * width;
    const layout = new Layout();
    const out = layout.take(length * 2);
    layout.grow(this.memory);
    this.exports.mandelbrotRows(out, width, height, xMin, xMax, yMin, yMax, maxIterations, rowStart, rowEnd);
    return new Uint16Array(this.memory.buffer, out, length).slice();
  }

  /** As filterBand in image/band.ts. */
  filterBand(...args: BandArgs): Uint8ClampedArray {
    const band = this.prepareBand(...args);
    band.run();
    return band.output();
  }

  /** Copies a band's window into memory and returns the kernel call; the benchmark times `run` alone. */
  prepareBand(...[filter, window, windowTop, width, height, y0, y1]: BandArgs): PreparedBand {
    checkFilter(filter);
    checkRows(window, windowTop, width, height, y0, y1);
    const layout = new Layout();
    const src = layout.take(window.length);
    const outLength = (y1 - y0) * width * 4;
    const dst = layout.take(outLength);
    const run = this.filterCall(filter, { src, srcTop: windowTop, dst, dstTop: y0, width, height, y0, y1 }, layout);
    this.bytes(src, window.length).set(window);
    return { run, output: () => this.bytes(dst, outLength).slice() };
  }

  /**
   * As filterShared in image/shared.ts, with the same bands, barrier and progress counter. When the picture lives in
   * a shared WebAssembly.Memory (`buffers.wasm`), the shared build runs on that memory in place (inPlace.ts).
   * Otherwise the picture is in plain SharedArrayBuffers, outside this module's memory, and each band is copied in
   * and out (copied.ts).
   */
  filterShared(...[filter, buffers, width, height, bands, workers]: SharedArgs): number {
    return runSharedBands(buffers.control, bands, workers, (all) =>
      buffers.wasm
        ? this.#onSharedMemory(buffers.wasm).passes(filter, buffers, width, height, all)
        : copiedPasses(this, filter, buffers, width, height),
    );
  }

  /** The in-place kernels on a shared picture's memory: instantiated on first sight, then reused. */
  #onSharedMemory({ memory, id }: WasmSharedMemory): InPlaceFilters {
    let kernels = this.#inPlace.get(id);
    if (!kernels) {
      if (!this.sharedModule) {
        throw new TypeError(
          'the picture is in a shared WebAssembly.Memory, but this worker has no shared-memory build',
        );
      }
      const onMemory = WasmKernels.onMemory(this.sharedModule, memory);
      kernels = new InPlaceFilters(onMemory.exports, memory, onMemory.filterCall.bind(onMemory));
      this.#inPlace.set(id, kernels);
      // Keep the latest few: an instance holds its memory (a whole picture) alive.
      for (const old of [...this.#inPlace.keys()].slice(0, -KEPT_MEMORIES)) this.#inPlace.delete(old);
    }
    return kernels;
  }

  /** A view of `length` bytes at `at`; made afresh each time, since growing memory replaces its buffer. */
  bytes(at: number, length: number): Uint8ClampedArray {
    return new Uint8ClampedArray(this.memory.buffer, at, length);
  }

  /** Writes the Gaussian's weights at `at` (after the memory has grown). */
  setWeights(at: number, weights: Int32Array): void {
    new Int32Array(this.memory.buffer, at, weights.length).set(weights);
  }

  /**
   * Takes the filter's scratch memory, grows the memory, and returns the call that filters rows [y0, y1) from
   * `src` (picture rows [srcTop, …)) into `dst` (rows [dstTop, …)).
   */
  filterCall(filter: Filter, job: RowJob<number, number>, layout: Layout): () => void {
    const k = this.exports;
    const { src, srcTop, dst, dstTop, width, height, y0, y1 } = job;
    const stride = width * 4;
    const at = (ptr: number, y: number, top: number) => ptr + (y - top) * stride;
    switch (filter.name) {
      case 'grayscale':
      case 'invert': {
        layout.grow(this.memory);
        const kernel = filter.name === 'grayscale' ? k.grayscale : k.invert;
        return () => kernel(at(src, y0, srcTop), at(dst, y0, dstTop), (y1 - y0) * width);
      }
      case 'box': {
        const columns = layout.take(stride * 4);
        layout.grow(this.memory);
        return () => k.box(...rowArgs(job), filter.radius, columns);
      }
      case 'sharpen':
        layout.grow(this.memory);
        return () => k.sharpen(...rowArgs(job));
      case 'sobel': {
        const top = clamp(y0 - 1, height);
        const bottom = clamp(y1, height) + 1;
        const lum = layout.take((bottom - top) * width);
        layout.grow(this.memory);
        return () => {
          k.lumaRows(src, srcTop, lum, width, top, bottom);
          k.sobel(...rowArgs({ ...job, src: lum, srcTop: top }));
        };
      }
      case 'gaussian': {
        const weights = gaussianWeights(filter.sigma);
        const radius = (weights.length - 1) >> 1;
        const top = Math.max(0, y0 - radius);
        const bottom = Math.min(height, y1 + radius);
        const w = layout.take(weights.length * 4);
        const middle = layout.take((bottom - top) * stride * 2);
        const padded = layout.take((stride + 8 * radius) * 4);
        const rows = layout.take(verticalScratch(weights.length));
        layout.grow(this.memory);
        this.setWeights(w, weights);
        return () => {
          k.gaussianHorizontal(src, srcTop, middle, top, width, top, bottom, w, radius, padded);
          k.gaussianVertical(...rowArgs({ ...job, src: middle, srcTop: top }), w, radius, rows);
        };
      }
    }
  }
}
