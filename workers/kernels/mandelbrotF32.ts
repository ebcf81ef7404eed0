import type { MandelbrotView } from './mandelbrot';

/**
 * What the WebGPU f32 Mandelbrot computes, in JavaScript: `mandelbrotRows`' iteration with every operation rounded to
 * f32 by `Math.fround` (an f64 operation on two f32 values rounded once to f32 is the correctly rounded f32 result:
 * 53 ≥ 2·24 + 2 bits). A GPU that rounds f32 as IEEE 754 does gives these counts exactly; one that fuses a multiply
 * and an add (FMA) or flushes tiny values may differ in a few pixels. It separates "f32 is not f64" (the lesson)
 * from "this GPU rounds differently".
 */
export function mandelbrotCoordinates(view: MandelbrotView): { cr: Float32Array; ci: Float32Array } {
  const { width, height, xMin, xMax, yMin, yMax } = view;
  const dx = (xMax - xMin) / width;
  const dy = (yMax - yMin) / height;
  // Computed in f64 as the reference does, then rounded once: Float32Array stores with round-to-nearest-even.
  const cr = Float32Array.from({ length: width }, (_, col) => xMin + (col + 0.5) * dx);
  const ci = Float32Array.from({ length: height }, (_, row) => yMin + (row + 0.5) * dy);
  return { cr, ci };
}

/** Escape counts for rows [rowStart, rowEnd) in f32 arithmetic, row-major, like `mandelbrotRows`. */
export function mandelbrotRowsF32(view: MandelbrotView, rowStart: number, rowEnd: number): Uint16Array {
  const f = Math.fround;
  const { width, maxIterations } = view;
  const { cr, ci } = mandelbrotCoordinates(view);
  const out = new Uint16Array((rowEnd - rowStart) * width);
  let index = 0;
  for (let row = rowStart; row < rowEnd; row++) {
    const cy = ci[row]!;
    for (let col = 0; col < width; col++) {
      const cx = cr[col]!;
      let zr = 0;
      let zi = 0;
      let n = 0;
      while (n < maxIterations) {
        const zr2 = f(zr * zr);
        const zi2 = f(zi * zi);
        if (f(zr2 + zi2) > 4) break;
        zi = f(f(2 * zr * zi) + cy);
        zr = f(f(zr2 - zi2) + cx);
        n++;
      }
      out[index++] = n;
    }
  }
  return out;
}
