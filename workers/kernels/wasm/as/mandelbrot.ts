/**
 * Escape counts for rows [rowStart, rowEnd) into `out` (u16, row-major), as workers/kernels/mandelbrot.ts: the
 * same IEEE double operations in the same order, so the same counts.
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
    for (let col = 0; col < width; col++) {
      const cr = xMin + (<f64>col + 0.5) * dx;
      let zr = 0.0;
      let zi = 0.0;
      let n = 0;
      while (n < maxIterations) {
        const zr2 = zr * zr;
        const zi2 = zi * zi;
        if (zr2 + zi2 > 4.0) break;
        zi = 2.0 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
        n++;
      }
      store<u16>(p, <u16>n);
      p += 2;
    }
  }
}
