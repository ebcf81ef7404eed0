import { mandelbrotRowSimd } from './mandelbrotSimd';

/**
 * Escape counts for rows [rowStart, rowEnd) into `out` (u16, row-major), as workers/kernels/mandelbrot.ts: the
 * same IEEE double operations in the same order, so the same counts. The SIMD module (ASC_FEATURE_SIMD, a
 * compile-time constant: the scalar module has no v128 code) runs most of each row in vector lanes; the scalar
 * code does the rest. As in JavaScript, two neighbouring pixels iterate side by side (one pixel's loop is a chain
 * of dependent multiplies the CPU waits on) until either escapes, then each finishes alone from where it was.
 */
export function mandelbrotRows(
  out: usize,
  width: i32,
  height: i32,
  xMin: f64,
  xMax: f64,
  yMin: f64,
  yMax: f64,
  maxIterations: i32,
  rowStart: i32,
  rowEnd: i32,
): void {
  const dx = (xMax - xMin) / <f64>width;
  const dy = (yMax - yMin) / <f64>height;
  let p = out;
  for (let row = rowStart; row < rowEnd; row++) {
    const ci = yMin + (<f64>row + 0.5) * dy;
    let col = 0;
    if (ASC_FEATURE_SIMD) {
      col = mandelbrotRowSimd(p, width, xMin, dx, ci, maxIterations);
      p += (<usize>col) << 1;
    }
    for (; col + 2 <= width; col += 2) {
      const ca = xMin + (<f64>col + 0.5) * dx;
      const cb = xMin + (<f64>(col + 1) + 0.5) * dx;
      let ar = 0.0;
      let ai = 0.0;
      let br = 0.0;
      let bi = 0.0;
      let n = 0;
      while (n < maxIterations) {
        const ar2 = ar * ar;
        const ai2 = ai * ai;
        const br2 = br * br;
        const bi2 = bi * bi;
        if (ar2 + ai2 > 4.0 || br2 + bi2 > 4.0) break;
        ai = 2.0 * ar * ai + ci;
        ar = ar2 - ai2 + ca;
        bi = 2.0 * br * bi + ci;
        br = br2 - bi2 + cb;
        n++;
      }
      store<u16>(p, <u16>escapeCount(ca, ci, ar, ai, n, maxIterations));
      store<u16>(p, <u16>escapeCount(cb, ci, br, bi, n, maxIterations), 2);
      p += 4;
    }
    if (col < width) {
      store<u16>(p, <u16>escapeCount(xMin + (<f64>col + 0.5) * dx, ci, 0.0, 0.0, 0, maxIterations));
      p += 2;
    }
  }
}

/** One pixel's iteration from z = zr + zi·i after n steps: the count at which it escapes (or the limit). */
export function escapeCount(cr: f64, ci: f64, zr: f64, zi: f64, n: i32, maxIterations: i32): i32 {
  while (n < maxIterations) {
    const zr2 = zr * zr;
    const zi2 = zi * zi;
    if (zr2 + zi2 > 4.0) break;
    zi = 2.0 * zr * zi + ci;
    zr = zr2 - zi2 + cr;
    n++;
  }
  return n;
}
