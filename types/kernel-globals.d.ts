/**
 * The only host facility the kernels may use besides the language: the high-resolution clock, which workers,
 * pages and Node all have. Declared here, for the kernels' own program only, instead of pulling in a DOM library.
 */
declare const performance: { now(): number; readonly timeOrigin: number };

/**
 * The type a shared picture's WebAssembly.Memory has (image/shared.ts names it; the kernels never touch it): the
 * part of the real one this program needs to type-check.
 */
declare namespace WebAssembly {
  interface Memory {
    readonly buffer: ArrayBuffer | SharedArrayBuffer;
    grow(delta: number): number;
  }
}
