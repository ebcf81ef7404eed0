// The SIMD module (backend `wasm-simd`): the same kernels as scalar.ts, built with `--enable simd`, so
// ASC_FEATURE_SIMD is true and each kernel runs the bulk of its work in its *Simd.ts vector code.
export * from './scalar';
