import type { WasmBackend } from '../backend';

/**
 * Where each backend's module is: build outputs of scripts/wasmBuild.ts. Written out as `new URL(…, import.meta.url)`
 * so that Vite ships them as assets with the worker, and Node tests can read them from disk.
 */
export const WASM_URLS: Record<WasmBackend, URL> = {
  wasm: new URL('./build/scalar.wasm', import.meta.url),
  'wasm-simd': new URL('./build/simd.wasm', import.meta.url),
};
