// The SIMD module (backend `wasm-simd`): the same exports as scalar.ts, built with `--enable simd`. Each image filter's
// SIMD version has its own file.
export { sumSquaresMod32 } from './sumSimd';
export { mandelbrotRows } from './mandelbrotSimd';
export { grayscale, invert } from './pixelSimd';
export { box } from './boxSimd';
export { gaussianHorizontal, gaussianVertical } from './gaussianSimd';
export { sharpen } from './sharpenSimd';
export { lumaRows, sobel } from './sobelSimd';
