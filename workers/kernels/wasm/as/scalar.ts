// The scalar module (backend `wasm`): built without `--enable simd`, so ASC_FEATURE_SIMD is false and no v128
// instruction is compiled anywhere.
export { sumSquaresMod32 } from './sum';
export { mandelbrotRows } from './mandelbrot';
export { grayscale, invert, box, gaussianHorizontal, gaussianVertical, sharpen, lumaRows, sobel } from './image';
