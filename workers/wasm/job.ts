import type { KernelArgs, KernelName, KernelResult, Kernels } from '../kernels/index';
import type { WasmKernels } from './kernels';

/** The kernels that have WebAssembly twins; a task offers the wasm backends only if all its kernels are here. */
export const WASM_TWINS = ['sumSquaresMod32', 'mandelbrotRows', 'filterBand', 'filterShared'] as const;
export type WasmTwin = (typeof WASM_TWINS)[number];

// The twins take the JavaScript kernels' arguments and give their results: checked here, at compile time.
type Same<A, B> = A extends B ? (B extends A ? true : false) : false;
const _sameSignatures: { [K in WasmTwin]: Same<Parameters<WasmKernels[K]>, Parameters<Kernels[K]>> } = {
  sumSquaresMod32: true,
  mandelbrotRows: true,
  filterBand: true,
  filterShared: true,
};

export const hasWasmTwin = (kernel: KernelName): kernel is WasmTwin =>
  (WASM_TWINS as readonly string[]).includes(kernel);

/** Runs kernel `name` on a module's twin of it. No silent fallback: a kernel without a twin is an error. */
export function runWasmKernel<K extends KernelName>(
  kernels: WasmKernels,
  name: K,
  args: KernelArgs<K>,
): KernelResult<K> {
  if (!hasWasmTwin(name)) throw new TypeError(`kernel "${name}" has no WebAssembly version`);
  const twin = kernels[name] as unknown as (...args: unknown[]) => KernelResult<K>;
  return twin.apply(kernels, args);
}
