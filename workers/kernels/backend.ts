/**
 * What runs a kernel. Every backend gives the same bytes; they differ only in speed.
 * - `js`: the JavaScript kernels in this folder;
 * - `wasm`: their AssemblyScript twins (wasm/as), compiled to scalar WebAssembly;
 * - `wasm-simd`: the same with hand-written 128-bit SIMD.
 */
export const BACKENDS = ['js', 'wasm', 'wasm-simd'] as const;
export type Backend = (typeof BACKENDS)[number];
export type WasmBackend = Exclude<Backend, 'js'>;

export const BACKEND_LABELS: Record<Backend, string> = {
  js: 'JavaScript',
  wasm: 'WebAssembly',
  'wasm-simd': 'WebAssembly SIMD',
};

export const isBackend = (raw: string): raw is Backend => (BACKENDS as readonly string[]).includes(raw);
