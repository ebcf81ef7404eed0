// The scalar module (backend `wasm`): no v128 instruction anywhere, built without `--enable simd`.
export { sumSquaresMod32 } from './sum';
export { mandelbrotRows } from './mandelbrot';
export { grayscale, invert, box, gaussianHorizontal, gaussianVertical, sharpen, lumaRows, sobel } from './image';
