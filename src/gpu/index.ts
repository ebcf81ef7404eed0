/**
 * The WebGPU backend, framework-free: open a device (or learn why not), then run the picture filters and the f32
 * Mandelbrot with the upload / dispatch / read-back split.
 */
export { openGpu, type GpuAvailable, type GpuNavigator, type GpuOpened, type GpuUnavailable } from './open';
export type { GpuUnavailableReason, OpenGpuOptions } from './open';
export { GpuError, GpuRunner, summarizeAdapter, type GpuAdapterSummary, type GpuRunOptions } from './runner';
export { pageGpu } from './shared';
export type { GpuRun, GpuTimings } from './timings';
export { filterJob, runFilterGpu } from './filters';
export { mandelbrotJob, runMandelbrotGpu } from './mandelbrot';
export { checkMandelbrotF32, type MandelbrotF32Check } from './mandelbrotCheck';
