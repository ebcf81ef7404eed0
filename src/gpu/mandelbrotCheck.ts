import { mandelbrotRows, type MandelbrotView } from '../../workers/kernels/mandelbrot';
import { mandelbrotRowsF32 } from '../../workers/kernels/mandelbrotF32';

/**
 * The f32 Mandelbrot's result check. It does not pass or fail on equality with f64, which f32 cannot give; it counts
 * the pixels that differ from the f64 reference and says why, and checks the part that must hold: the GPU's counts
 * equal the same f32 arithmetic done in JavaScript (`mandelbrotRowsF32`).
 */
export interface MandelbrotF32Check {
  pixels: number;
  /** Pixels whose escape count differs from the f64 reference (the JS kernel every other backend equals). */
  differFromF64: number;
  /** Pixels that differ from f32 arithmetic emulated in JS: 0 on a GPU that rounds f32 as IEEE 754 does. */
  differFromF32: number;
  /** True when the GPU matched the f32 emulation exactly: the f64 differences are then all f32's. */
  ok: boolean;
  message: string;
}

export function checkMandelbrotF32(
  view: MandelbrotView,
  gpu: Uint16Array,
  f64Reference: Uint16Array = mandelbrotRows(view, 0, view.height),
  f32Reference: Uint16Array = mandelbrotRowsF32(view, 0, view.height),
): MandelbrotF32Check {
  const pixels = view.width * view.height;
  if (gpu.length !== pixels) throw new RangeError(`expected ${pixels} counts, got ${gpu.length}`);
  const differFromF64 = countDifferent(gpu, f64Reference);
  const differFromF32 = countDifferent(gpu, f32Reference);
  const share = ((100 * differFromF64) / pixels).toLocaleString('en', { maximumFractionDigits: 3 });
  const why =
    'WGSL has no 64-bit floats, so this variant iterates in f32 (24-bit significand instead of 53): near the ' +
    "set's boundary the orbit's rounding errors grow until a point escapes one step earlier or later, or not at all.";
  const f32Part =
    differFromF32 === 0
      ? 'It equals the same f32 arithmetic done in JavaScript exactly.'
      : `It also differs from the same f32 arithmetic done in JavaScript in ${differFromF32} pixels: this GPU ` +
        'rounds f32 differently (fused multiply-add or flushed tiny values).';
  return {
    pixels,
    differFromF64,
    differFromF32,
    ok: differFromF32 === 0,
    message: `f32 variant: ${differFromF64} of ${pixels} pixels (${share} %) differ from the f64 reference. ${why} ${f32Part}`,
  };
}

function countDifferent(a: Uint16Array, b: Uint16Array): number {
  if (a.length !== b.length) throw new RangeError(`cannot compare ${a.length} counts with ${b.length}`);
  let different = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) different++;
  return different;
}
