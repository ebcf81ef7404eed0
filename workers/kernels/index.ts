import type { Backend } from './backend';
import { countShared } from './counter';
import { fibBatch } from './fib';
import { sumFloat64 } from './floatSum';
import { filterBand } from './image/band';
import { filterShared } from './image/shared';
import { mandelbrotRows } from './mandelbrot';
import { noop } from './noop';
import { sumSquaresMod32 } from './sum';
import { touchBytes } from './touch';

/**
 * Every kernel a worker can run, by name. A task names one of these for each chunk; the worker looks it up here.
 * Kernels are pure: numbers and typed arrays in, numbers and typed arrays out, no DOM and no messaging.
 */
export const kernels = {
  sumSquaresMod32,
  fibBatch,
  mandelbrotRows,
  noop,
  countShared,
  touchBytes,
  filterBand,
  filterShared,
  sumFloat64,
};

export type Kernels = typeof kernels;
export type KernelName = keyof Kernels;
export type KernelArgs<K extends KernelName> = Parameters<Kernels[K]>;
export type KernelResult<K extends KernelName> = ReturnType<Kernels[K]>;

/** One chunk of work: which kernel, with which arguments. Structured-cloneable, so it can cross to a worker. */
export interface Job<K extends KernelName = KernelName> {
  kernel: K;
  args: KernelArgs<K>;
  /** What runs the kernel; JavaScript when absent. Only the worker runs the WebAssembly backends. */
  backend?: Backend;
}

/** Runs a job right here, on the calling thread: the worker's dispatch and the main-thread baseline share it. */
export function runJob<K extends KernelName>(job: Job<K>): KernelResult<K> {
  return runKernel(job.kernel, job.args);
}

/** Runs kernel `name` on `args`: what `runJob` does, for a caller that got the two apart (the pool's messages). */
export function runKernel<K extends KernelName>(name: K, args: KernelArgs<K>): KernelResult<K> {
  const kernel = kernels[name] as (...args: KernelArgs<K>) => KernelResult<K>;
  if (typeof kernel !== 'function') throw new TypeError(`unknown kernel "${String(name)}"`);
  return kernel(...args);
}
