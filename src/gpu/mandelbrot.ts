import { MAX_MANDELBROT_ITERATIONS, type MandelbrotView } from '../../workers/kernels/mandelbrot';
import { mandelbrotCoordinates } from '../../workers/kernels/mandelbrotF32';
import { mandelbrotWgsl } from '../../workers/kernels/webgpu/mandelbrot';
import { WORKGROUP_SIDE } from '../../workers/kernels/webgpu/pixels';
import { groupsFor, type GpuBufferSpec, type GpuJob, type GpuPass } from './job';
import type { GpuRunner, GpuRunOptions } from './runner';
import type { GpuRun } from './timings';

/**
 * The most iterations one dispatch may run in the worst case (every pixel inside the set): well under a second on
 * a real GPU, so that no submission trips a watchdog (Windows resets a GPU stuck for 2 s).
 */
const ITERATIONS_PER_DISPATCH = 2 ** 27;

const KERNEL = { id: 'mandelbrot-f32', code: mandelbrotWgsl, entry: 'main' };

/** The GPU job for a whole Mandelbrot view in f32, cut into dispatches of whole rows. */
export function mandelbrotJob(view: MandelbrotView, maxBindingBytes = Infinity): GpuJob {
  const { width, height, maxIterations } = view;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new RangeError(`a Mandelbrot view is at least 1×1 whole pixels, got ${width}×${height}`);
  }
  if (!Number.isInteger(maxIterations) || maxIterations < 1 || maxIterations > MAX_MANDELBROT_ITERATIONS) {
    throw new RangeError(`maxIterations must be from 1 to ${MAX_MANDELBROT_ITERATIONS}, got ${maxIterations}`);
  }
  if (width * height * 4 > maxBindingBytes) {
    throw new RangeError(
      `a ${width}×${height} view needs ${width * height * 4} bytes; this device binds ${maxBindingBytes}`,
    );
  }
  const { cr, ci } = mandelbrotCoordinates(view);
  const buffers: Record<string, GpuBufferSpec> = {
    cr: { kind: 'input', data: cr },
    ci: { kind: 'input', data: ci },
    counts: { kind: 'scratch', bytes: width * height * 4 },
  };
  const rowsPerDispatch = Math.max(1, Math.floor(ITERATIONS_PER_DISPATCH / (width * maxIterations)));
  const passes: GpuPass[] = [];
  for (let rowStart = 0; rowStart < height; rowStart += rowsPerDispatch) {
    const rowEnd = Math.min(height, rowStart + rowsPerDispatch);
    const name = `view${passes.length}`;
    buffers[name] = { kind: 'uniform', data: new Uint32Array([width, rowStart, rowEnd, maxIterations]) };
    passes.push({
      kernel: KERNEL,
      bindings: { 0: name, 1: 'cr', 2: 'ci', 3: 'counts' },
      workgroups: [groupsFor(width, WORKGROUP_SIDE), groupsFor(rowEnd - rowStart, WORKGROUP_SIDE)],
    });
  }
  return { buffers, passes, output: 'counts' };
}

/**
 * Escape counts for the whole view, computed in f32 on the GPU: NOT the f64 reference's bytes. Pass the result to
 * `checkMandelbrotF32` to say how many pixels differ and why.
 */
export async function runMandelbrotGpu(
  runner: GpuRunner,
  view: MandelbrotView,
  options?: GpuRunOptions,
): Promise<GpuRun<Uint16Array>> {
  const run = await runner.run(mandelbrotJob(view, runner.maxBindingBytes), options);
  return { value: Uint16Array.from(new Uint32Array(run.value)), timings: run.timings };
}
