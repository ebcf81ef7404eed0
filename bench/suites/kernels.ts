/**
 * Kernel speed per backend (issue 15): each kernel alone, on one thread (the benchmark page's own, so nothing but
 * the kernel is timed: no messages, no copies into a module's memory), JavaScript before tuning, tuned JavaScript,
 * WebAssembly and WebAssembly SIMD. Every backend's output is checked equal to the JavaScript kernel's; its FNV-1a
 * checksum goes in the row so that `npm run bench` can check the native C reference against it (scripts/benchNative.ts).
 * Options: --kernel-size 4096 --mandelbrot-size 2048 --kernel-sum-n 3e8 --kernel-reps 3 --kernels grayscale,sum
 * After each filter's single-thread rows come its scaling rows through the pool (kernelScaling.ts; its options
 * there, --scaling-workers 0 to skip them), then its WebGPU row (kernelsWebgpu.ts; --webgpu off to skip).
 */
import { applyFilter } from '../../workers/kernels/image/band';
import type { Filter } from '../../workers/kernels/image/filter';
import { wholePictureJob } from '../../workers/kernels/image/rows';
import { mandelbrotRows, type MandelbrotView } from '../../workers/kernels/mandelbrot';
import { sumSquaresMod32 } from '../../workers/kernels/sum';
import type { WasmBackend } from '../../workers/kernels/backend';
import { WasmKernels } from '../../workers/wasm/kernels';
import { wasmKernels } from '../../workers/wasm/load';
import { WASM_URLS } from '../../workers/wasm/urls';
// The first JavaScript versions, kept by the tests as the tuned kernels' reference: the "before" row.
import * as before from '../../tests/reference/kernels';
import { median } from '../../src/measure/stats';
import { kernelRecord, numberOption, type BenchRecord, type BenchSuite } from '../record';
import { kernelScaling } from './kernelScaling';
import { webgpuRows, type WebgpuCase } from './kernelsWebgpu';

type KernelBackend = 'js-before' | 'js' | WasmBackend;
const BACKENDS: KernelBackend[] = ['js-before', 'js', 'wasm', 'wasm-simd'];

/** One timed case: `run` does the work, `result` reads what it made (bytes for the checksum, or the sum). */
interface Prepared {
  run(): void;
  result(): Uint8Array | number;
}

/** The picture both the browser and the C reference generate: a hash of the byte index. */
export function benchPicture(width: number, height: number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i++) data[i] = Math.imul(i, 0x9e3779b1) >>> 24;
  return data;
}

/** FNV-1a over bytes, 32 bits: the same in scripts/benchNative's C program. */
export function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

const asBytes = (array: ArrayBufferView) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

const FILTERS: Record<string, Filter> = {
  grayscale: { name: 'grayscale' },
  box: { name: 'box', radius: 3 },
  gaussian: { name: 'gaussian', sigma: 2 },
  sharpen: { name: 'sharpen' },
  sobel: { name: 'sobel' },
};

function prepareFilter(
  name: string,
  backend: KernelBackend,
  wasm: WasmKernels | undefined,
  src: Uint8ClampedArray,
  w: number,
  h: number,
): Prepared {
  const filter = FILTERS[name]!;
  if (wasm) {
    const band = wasm.prepareBand(filter, src, 0, w, h, 0, h);
    return { run: band.run, result: () => asBytes(band.output()) };
  }
  const dst = new Uint8ClampedArray(src.length);
  const result = () => asBytes(dst);
  const job = wholePictureJob(src, dst, w, h, 0, h);
  if (backend === 'js-before' && filter.name === 'grayscale') return { run: () => before.grayscaleRows(job), result };
  if (backend === 'js-before' && filter.name === 'box')
    return { run: () => before.boxRows(job, filter.radius), result };
  if (backend === 'js-before' && filter.name === 'sobel') return { run: () => before.sobelRows(job), result };
  // The Gaussian and sharpen were not tuned (the issue measured no gain): their "before" is the current kernel.
  return { run: () => applyFilter(filter, src, 0, dst, 0, w, h, 0, h), result };
}

function time(prepared: Prepared, reps: number): { times: number[]; first: number } {
  const times: number[] = [];
  let first = Number.NaN;
  // One untimed run first: JavaScript's optimising compiler and WebAssembly's tier-up both want a warm call.
  for (let rep = 0; rep <= reps; rep++) {
    const started = performance.now();
    prepared.run();
    const ms = performance.now() - started;
    if (rep === 0) first = ms;
    else times.push(ms);
  }
  return { times, first };
}

export const kernels: BenchSuite = async (options) => {
  const side = numberOption(options, 'kernel-size', 4096);
  const mandelbrotSide = numberOption(options, 'mandelbrot-size', 2048);
  const sumN = numberOption(options, 'kernel-sum-n', 3e8);
  const reps = numberOption(options, 'kernel-reps', 3);
  const only = options['kernels']?.split(',');
  const wasm: Record<WasmBackend, WasmKernels> = {
    wasm: (await wasmKernels('wasm')).kernels,
    'wasm-simd': (await wasmKernels('wasm-simd')).kernels,
  };
  const src = benchPicture(side, side);
  const view: MandelbrotView = {
    width: mandelbrotSide,
    height: mandelbrotSide,
    xMin: -2.2,
    xMax: 0.8,
    yMin: -1.5,
    yMax: 1,
    maxIterations: 1000,
  };
  const cases: { kernel: string; size: string; units: number; unit: 'MP/s' | 'ns/term'; make: MakeCase }[] = [
    ...Object.keys(FILTERS).map((kernel) => ({
      kernel,
      size: `${side}x${side}`,
      units: side * side,
      unit: 'MP/s' as const,
      make: (backend: KernelBackend, module?: WasmKernels) => prepareFilter(kernel, backend, module, src, side, side),
    })),
    {
      kernel: 'mandelbrot',
      size: `${mandelbrotSide}x${mandelbrotSide}`,
      units: mandelbrotSide * mandelbrotSide,
      unit: 'MP/s',
      make: (backend, module) => {
        let out: Uint16Array = new Uint16Array(0);
        const run = module
          ? () => (out = module.mandelbrotRows(view, 0, view.height))
          : backend === 'js-before'
            ? () => (out = before.mandelbrotRows(view, 0, view.height))
            : () => (out = mandelbrotRows(view, 0, view.height));
        return { run, result: () => asBytes(out) };
      },
    },
    {
      kernel: 'sum',
      size: String(sumN),
      units: sumN,
      unit: 'ns/term',
      make: (backend, module) => {
        let value = 0;
        const kernel = module
          ? (a: number, b: number) => module.sumSquaresMod32(a, b)
          : backend === 'js-before'
            ? before.sumSquaresMod32
            : sumSquaresMod32;
        return { run: () => (value = kernel(0, sumN)), result: () => value };
      },
    },
  ];

  const records: BenchRecord[] = [];
  for (const { kernel, size, units, unit, make } of cases) {
    if (only && !only.includes(kernel)) continue;
    let reference: { checksum: number; bytes?: Uint8Array; medianMs: number } | undefined;
    let jsBytes: Uint8Array | undefined;
    for (const backend of BACKENDS) {
      const module = backend === 'wasm' || backend === 'wasm-simd' ? wasm[backend] : undefined;
      const prepared = make(backend, module);
      const { times, first } = time(prepared, reps);
      const out = prepared.result();
      const checksum = typeof out === 'number' ? out : fnv1a(out);
      if (backend === 'js' && typeof out !== 'number') jsBytes = out.slice();
      if (backend === 'js-before') reference = { checksum, medianMs: median(times) };
      const matches = checksum === reference!.checksum;
      const beforeMs = reference!.medianMs;
      records.push(
        kernelRecord({ kernel, backend, size, times, firstMs: first, units, unit, beforeMs, checksum, matches }),
      );
      if (!matches) throw new Error(`${kernel}: the ${backend} output differs from JavaScript's`);
    }
    // A fresh module's first full-size call, unwarmed: the cold figure the warm-up keeps out of timed runs.
    for (const backend of ['wasm', 'wasm-simd'] as const) {
      const bytes = await (await fetch(WASM_URLS[backend])).arrayBuffer();
      const cold = make(backend, await WasmKernels.instantiate(bytes));
      const started = performance.now();
      cold.run();
      const row = records.find((r) => r.kernel === kernel && r.backend === backend)!;
      row.coldMs = performance.now() - started;
    }
    const filter = FILTERS[kernel];
    if (filter && jsBytes && numberOption(options, 'scaling-workers', 2) > 0) {
      const picture = { width: side, height: side, data: src };
      records.push(...(await kernelScaling({ kernel, filter, picture, expected: jsBytes }, options)));
    }
    if (options['webgpu'] !== 'off' && (filter || kernel === 'mandelbrot')) {
      const wanted: WebgpuCase = filter
        ? { kernel, filter, picture: (s: number) => benchPicture(s, s), side }
        : { kernel: 'mandelbrot', view };
      records.push(...(await webgpuRows(wanted, options)));
    }
  }
  return records;
};

type MakeCase = (backend: KernelBackend, module?: WasmKernels) => Prepared;
