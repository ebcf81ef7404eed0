// The arithmetic of the 3 × 3 stencil filters, sharpen and Sobel: one output row from three input rows, each pixel
// the twin of its JavaScript kernel in workers/kernels/image (same integer arithmetic, same bytes). Their band
// loops are in image.ts; the SIMD module hands the interior of each row to sharpenSimd.ts and sobelSimd.ts.
import { clampi } from './common';
import { sharpenSimd } from './sharpenSimd';
import { sobelSimd } from './sobelSimd';

/**
 * One output row `d` of a 3 × 3 filter on the rows `up`, `mid` and `down`, whose element T picks the filter: u8, luma
 * bytes, for Sobel; u32, RGBA pixels, for sharpen (each its own compiled copy, the choice made at compile time).
 * Column 0 clamps its left neighbour, so it is scalar; the SIMD module does the interior in vector lanes; the scalar
 * loop does the rest.
 */
export function stencilRow<T>(up: usize, mid: usize, down: usize, d: usize, width: i32): void {
  let x = 0;
  if (ASC_FEATURE_SIMD) {
    for (; x < 1 && x < width; x++) stencilPixel<T>(up, mid, down, d, x, width);
    if (sizeof<T>() == 1) x = sobelSimd(up, mid, down, d, x, width);
    else x = sharpenSimd(mid, up, down, d, x, width);
  }
  for (; x < width; x++) stencilPixel<T>(up, mid, down, d, x, width);
}

function stencilPixel<T>(up: usize, mid: usize, down: usize, d: usize, x: i32, width: i32): void {
  if (sizeof<T>() == 1) sobelPixel(up, mid, down, d, x, width);
  else sharpenPixel(mid, up, down, d, x, width);
}

/** One sharpened pixel at column x of the row `row` (rows `up` and `down` around it) into the output row `d`. */
function sharpenPixel(row: usize, up: usize, down: usize, d: usize, x: i32, width: i32): void {
  const i = (<usize>x) << 2;
  const left = (<usize>clampi(x - 1, width)) << 2;
  const right = (<usize>clampi(x + 1, width)) << 2;
  for (let c: usize = 0; c < 3; c++) {
    const v =
      5 * <i32>load<u8>(row + i + c) -
      <i32>load<u8>(up + i + c) -
      <i32>load<u8>(down + i + c) -
      <i32>load<u8>(row + left + c) -
      <i32>load<u8>(row + right + c);
    store<u8>(d + i + c, <u8>(v < 0 ? 0 : v > 255 ? 255 : v));
  }
  store<u8>(d + i + 3, load<u8>(row + i + 3));
}

/** a + 2b + c of the bytes at three addresses: one side of a Sobel gradient. */
function sobelSide(a: usize, b: usize, c: usize): i32 {
  return <i32>load<u8>(a) + 2 * <i32>load<u8>(b) + <i32>load<u8>(c);
}

/** The Sobel pixel at column x into the output row `d`: min(255, round(√(gx² + gy²))) as opaque gray. */
function sobelPixel(up: usize, mid: usize, down: usize, d: usize, x: i32, width: i32): void {
  const l = <usize>clampi(x - 1, width);
  const c = <usize>x;
  const r = <usize>clampi(x + 1, width);
  const gx = sobelSide(up + r, mid + r, down + r) - sobelSide(up + l, mid + l, down + l);
  const gy = sobelSide(down + l, down + c, down + r) - sobelSide(up + l, up + c, up + r);
  // √n is never exactly k + ½ for an integer n, so floor(√n + ½) is JavaScript's Math.round here.
  const m = <u32>Math.floor(Math.sqrt(<f64>(gx * gx + gy * gy)) + 0.5);
  store<u32>(d + ((<usize>x) << 2), 0xff000000 | ((m > 255 ? 255 : m) * 0x010101));
}
