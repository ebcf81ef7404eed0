/**
 * The kernels suite's WebGPU rows (issue 15): each filter as a compute shader, and Mandelbrot's labelled f32 variant,
 * on the page's adapter, with the upload / dispatch / read-back split. A filter's bytes must equal the JavaScript
 * kernel's; the f32 Mandelbrot must equal the same f32 arithmetic done in JavaScript, and its row counts the pixels
 * that differ from the f64 reference. A fallback adapter (SwiftShader, on the CPU: what headless Chromium offers with
 * --enable-unsafe-webgpu) is marked `fallbackAdapter` — its speed means nothing — and by default runs a smaller
 * picture (--webgpu-size, --webgpu-mandelbrot-size), since it is there for correctness. Without an adapter the row
 * says why and has no figures. --webgpu off leaves the rows out.
 */
import { checkMandelbrotF32, pageGpu, runFilterGpu, runMandelbrotGpu, type GpuTimings } from '../../src/gpu';
import { equalBytes } from '../../src/image/picture';
import { median } from '../../src/measure/stats';
import { applyFilter } from '../../workers/kernels/image/band';
import type { Filter } from '../../workers/kernels/image/filter';
import type { MandelbrotView } from '../../workers/kernels/mandelbrot';
import { numberOption, type BenchRecord } from '../record';

/** The sides a fallback adapter runs by default: enough to check every byte, small enough to finish soon. */
const FALLBACK_SIDE = 1024;
const FALLBACK_MANDELBROT_SIDE = 512;

export type WebgpuCase =
  | { kernel: string; filter: Filter; picture: (side: number) => Uint8ClampedArray; side: number }
  | { kernel: 'mandelbrot'; view: MandelbrotView };

export async function webgpuRows(wanted: WebgpuCase, options: Record<string, string>): Promise<BenchRecord[]> {
  const opened = await pageGpu();
  const base = { task: 'kernels', kernel: wanted.kernel, backend: 'webgpu', workers: 1, efficiency: Number.NaN };
  if (!opened.ok) return [{ ...base, medianMs: Number.NaN, speedup: Number.NaN, skipped: opened.message }];
  const { runner } = opened;
  const fallback = runner.adapter.isFallbackAdapter;
  const reps = numberOption(options, 'kernel-reps', 3);
  const adapter = {
    adapter: runner.adapter.description || runner.adapter.vendor || 'unnamed adapter',
    fallbackAdapter: fallback,
  };
  const times: GpuTimings[] = [];
  let compileMs = 0;
  const timed = async <T>(run: () => Promise<{ value: T; timings: GpuTimings }>): Promise<T> => {
    // One untimed run first: it compiles the shaders (its compileMs is kept) and warms the driver.
    const first = await run();
    compileMs = first.timings.compileMs;
    for (let rep = 0; rep < reps; rep++) times.push((await run()).timings);
    return first.value;
  };
  const split = () => ({
    medianMs: median(times.map((t) => t.totalMs)),
    minMs: Math.min(...times.map((t) => t.totalMs)),
    uploadMs: median(times.map((t) => t.uploadMs)),
    dispatchMs: median(times.map((t) => t.dispatchMs)),
    readbackMs: median(times.map((t) => t.readbackMs)),
    compileMs,
  });

  if ('filter' in wanted) {
    const side = numberOption(options, 'webgpu-size', fallback ? Math.min(FALLBACK_SIDE, wanted.side) : wanted.side);
    const data = wanted.picture(side);
    const picture = { width: side, height: side, data };
    const value = await timed(() => runFilterGpu(runner, picture, wanted.filter));
    const expected = new Uint8ClampedArray(data.length);
    applyFilter(wanted.filter, data, 0, expected, 0, side, side, 0, side);
    const matches = equalBytes(value, expected);
    if (!matches) throw new Error(`${wanted.kernel}: the WebGPU output differs from JavaScript's`);
    const figures = split();
    return [
      {
        ...base,
        size: `${side}x${side}`,
        ...figures,
        mps: (side * side) / figures.medianMs / 1e3,
        speedup: Number.NaN,
        matches,
        ...adapter,
      },
    ];
  }
  const defaultSide = fallback ? Math.min(FALLBACK_MANDELBROT_SIDE, wanted.view.width) : wanted.view.width;
  const side = numberOption(options, 'webgpu-mandelbrot-size', defaultSide);
  const view = { ...wanted.view, width: side, height: side };
  const counts = await timed(() => runMandelbrotGpu(runner, view));
  const check = checkMandelbrotF32(view, counts);
  if (!check.ok) throw new Error(`mandelbrot: ${check.message}`);
  const figures = split();
  return [
    {
      ...base,
      variant: 'f32',
      size: `${side}x${side}`,
      ...figures,
      mps: (side * side) / figures.medianMs / 1e3,
      speedup: Number.NaN,
      matches: check.ok,
      differFromF64: check.differFromF64,
      differFromF32: check.differFromF32,
      ...adapter,
    },
  ];
}
