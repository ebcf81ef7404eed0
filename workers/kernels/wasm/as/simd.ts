// The SIMD module (backend `wasm-simd`): the same exports as scalar.ts, built with `--enable simd`. Sharpen has no
// SIMD version yet and runs its scalar twin.
export { sumSquaresMod32 } from './sumSimd';
export { mandelbrotRows } from './mandelbrotSimd';
export { grayscale, invert, box, gaussianHorizontal, gaussianVertical, sharpen, lumaRows, sobel } from './imageSimd';
