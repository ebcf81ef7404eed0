/**
 * The Mandelbrot set, row by row: the classic uneven workload. A pixel inside the set runs the full iteration limit,
 * one outside escapes after a few steps, so rows through the set cost hundreds of times more than rows above it.
 */
export interface MandelbrotView {
  width: number;
  height: number;
  /** The region of the complex plane: real part from xMin to xMax, imaginary part from yMin (top) to yMax. */
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  maxIterations: number;
}

/**
 * The iteration limit's bound: counts are stored as 16-bit integers, and beyond 10 000 one image at the largest size
 * takes minutes.
 */
export const MAX_MANDELBROT_ITERATIONS = 10_000;
export const MAX_MANDELBROT_SIDE = 4096;

/**
 * Escape counts for rows [rowStart, rowEnd), row-major: 0 … maxIterations, where maxIterations means "did not escape"
 * (inside the set). Each pixel's coordinate is computed from its own column and row only, never accumulated across
 * the row, so any split of the rows gives the same bits.
 *
 * Tuned (issue 15; the first version is tests/reference/kernels.ts): one pixel's loop is a chain of dependent
 * multiplies, so the CPU mostly waits. Two neighbouring pixels iterate side by side until either escapes, then each
 * finishes alone from where it was; every pixel still does exactly its own operations in their order.
 */
export function mandelbrotRows(view: MandelbrotView, rowStart: number, rowEnd: number): Uint16Array {
  checkMandelbrotRows(view, rowStart, rowEnd);
  const { width, height, xMin, xMax, yMin, yMax, maxIterations } = view;
  const out = new Uint16Array((rowEnd - rowStart) * width);
  const dx = (xMax - xMin) / width;
  const dy = (yMax - yMin) / height;
  let index = 0;
  for (let row = rowStart; row < rowEnd; row++) {
    const ci = yMin + (row + 0.5) * dy;
    let col = 0;
    for (; col + 2 <= width; col += 2) {
      const ca = xMin + (col + 0.5) * dx;
      const cb = xMin + (col + 1 + 0.5) * dx;
      let ar = 0;
      let ai = 0;
      let br = 0;
      let bi = 0;
      let n = 0;
      while (n < maxIterations) {
        const ar2 = ar * ar;
        const ai2 = ai * ai;
        const br2 = br * br;
        const bi2 = bi * bi;
        if (ar2 + ai2 > 4 || br2 + bi2 > 4) break;
        ai = 2 * ar * ai + ci;
        ar = ar2 - ai2 + ca;
        bi = 2 * br * bi + ci;
        br = br2 - bi2 + cb;
        n++;
      }
      out[index++] = escapeCount(ca, ci, ar, ai, n, maxIterations);
      out[index++] = escapeCount(cb, ci, br, bi, n, maxIterations);
    }
    if (col < width) out[index++] = escapeCount(xMin + (col + 0.5) * dx, ci, 0, 0, 0, maxIterations);
  }
  return out;
}

/** One pixel's iteration from z = zr + zi·i after n steps: the count at which it escapes (or the limit). */
function escapeCount(cr: number, ci: number, zr: number, zi: number, n: number, maxIterations: number): number {
  while (n < maxIterations) {
    const zr2 = zr * zr;
    const zi2 = zi * zi;
    if (zr2 + zi2 > 4) break;
    zi = 2 * zr * zi + ci;
    zr = zr2 - zi2 + cr;
    n++;
  }
  return n;
}

/** Throws a RangeError for rows or an iteration limit the kernels cannot honour. */
export function checkMandelbrotRows(view: MandelbrotView, rowStart: number, rowEnd: number): void {
  const { height, maxIterations } = view;
  if (
    !Number.isInteger(rowStart) ||
    !Number.isInteger(rowEnd) ||
    rowStart < 0 ||
    rowEnd < rowStart ||
    rowEnd > height
  ) {
    throw new RangeError(`rows must satisfy 0 ≤ start ≤ end ≤ ${height}, got [${rowStart}, ${rowEnd})`);
  }
  if (!Number.isInteger(maxIterations) || maxIterations < 1 || maxIterations > MAX_MANDELBROT_ITERATIONS) {
    throw new RangeError(`maxIterations must be from 1 to ${MAX_MANDELBROT_ITERATIONS}, got ${maxIterations}`);
  }
}
