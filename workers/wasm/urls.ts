import type { WasmBackend } from '../kernels/backend';

/**
 * Where each backend's module is: build outputs of scripts/wasmBuild.ts. Written out as `new URL(…, import.meta.url)`
 * so that Vite ships them as assets with the worker, and Node tests can read them from disk.
 */
export const WASM_URLS: Record<WasmBackend, URL> = {
  wasm: new URL('../kernels/wasm/build/scalar.wasm', import.meta.url),
  'wasm-simd': new URL('../kernels/wasm/build/simd.wasm', import.meta.url),
};

/** The same kernels built for an imported shared memory: shared mode filters the picture in place with them. */
export const WASM_SHARED_URLS: Record<WasmBackend, URL> = {
  wasm: new URL('../kernels/wasm/build/scalar-shared.wasm', import.meta.url),
  'wasm-simd': new URL('../kernels/wasm/build/simd-shared.wasm', import.meta.url),
};
