import type { RowJob } from '../kernels/image/rows';

/** Where a picture kernel reads (`src`, holding picture rows [srcTop, …)) and writes (`dst`, rows [dstTop, …)). */
type Ends = [src: number, srcTop: number, dst: number, dstTop: number];

/** A picture kernel's first arguments: a RowJob's fields (image/rows.ts), its arrays as addresses in memory. */
export type RowArgs = [...Ends, width: number, height: number, y0: number, y1: number];

/** A job's fields in the kernels' order. */
export function rowArgs({ src, srcTop, dst, dstTop, width, height, y0, y1 }: RowJob<number, number>): RowArgs {
  return [src, srcTop, dst, dstTop, width, height, y0, y1];
}

/**
 * What a kernel module exports (wasm/as/scalar.ts and wasm/as/simd.ts export the same names). Pointers are byte
 * addresses in the imported memory; see the AssemblyScript sources for each kernel's layout.
 */
export interface KernelExports {
  sumSquaresMod32(start: number, end: number): number;
  mandelbrotRows(
    out: number,
    width: number,
    height: number,
    xMin: number,
    xMax: number,
    yMin: number,
    yMax: number,
    maxIterations: number,
    rowStart: number,
    rowEnd: number,
  ): void;
  grayscale(src: number, dst: number, pixels: number): void;
  invert(src: number, dst: number, pixels: number): void;
  box(...args: [...RowArgs, radius: number, columns: number]): void;
  /** Rows [y0, y1) into 16-bit rows: reads no row above or below, so takes no height. */
  gaussianHorizontal(...args: [...Ends, width: number, y0: number, y1: number, ...Taps]): void;
  gaussianVertical(...args: [...RowArgs, ...Taps]): void;
  sharpen(...args: RowArgs): void;
  lumaRows(src: number, srcTop: number, lum: number, width: number, top: number, bottom: number): void;
  /** `src` is the luma that lumaRows wrote, a byte a pixel, from picture row `srcTop` on. */
  sobel(...args: RowArgs): void;
}

/** The Gaussian's weights (2R + 1 int32s), R, and the pass's scratch. */
type Taps = [weights: number, radius: number, scratch: number];
