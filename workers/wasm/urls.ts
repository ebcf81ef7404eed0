import type { WasmBackend } from '../kernels/backend';

/**
 * Where each backend's module is: build outputs of scripts/wasmBuild.ts. Written out as `new URL(…, import.meta.url)`
 * so that Vite ships them as assets with the worker, and Node tests can read them from disk.
 */
export const WASM_URLS: Record<WasmBackend, URL> = {
  wasm: new URL('../kernels/wasm/build/scalar.wasm', import.meta.url),
  'wasm-simd': new URL('../kernels/wasm/build/simd.wasm', import.meta.url),
};
