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
  box(
    src: number,
    srcTop: number,
    dst: number,
    dstTop: number,
    width: number,
    height: number,
    y0: number,
    y1: number,
    radius: number,
    columns: number,
  ): void;
  gaussianHorizontal(
    src: number,
    srcTop: number,
    dst: number,
    dstTop: number,
    width: number,
    y0: number,
    y1: number,
    weights: number,
    radius: number,
    padded: number,
  ): void;
  gaussianVertical(
    src: number,
    srcTop: number,
    dst: number,
    dstTop: number,
    width: number,
    height: number,
    y0: number,
    y1: number,
    weights: number,
    radius: number,
    rows: number,
  ): void;
  sharpen(
    src: number,
    srcTop: number,
    dst: number,
    dstTop: number,
    width: number,
    height: number,
    y0: number,
    y1: number,
  ): void;
  lumaRows(src: number, srcTop: number, lum: number, width: number, top: number, bottom: number): void;
  sobel(
    lum: number,
    top: number,
    dst: number,
    dstTop: number,
    width: number,
    height: number,
    y0: number,
    y1: number,
  ): void;
}
