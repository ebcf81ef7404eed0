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
    for (let col = 0; col < width; col++) {
      const cr = xMin + (col + 0.5) * dx;
      let zr = 0;
      let zi = 0;
      let n = 0;
      while (n < maxIterations) {
        const zr2 = zr * zr;
        const zi2 = zi * zi;
        if (zr2 + zi2 > 4) break;
        zi = 2 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
        n++;
      }
      out[index++] = n;
    }
  }
  return out;
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
