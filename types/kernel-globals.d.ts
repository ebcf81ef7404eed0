/**
 * The only host facility the kernels may use besides the language: the high-resolution clock, which workers,
 * pages and Node all have. Declared here, for the kernels' own program only, instead of pulling in a DOM library.
 */
declare const performance: { now(): number; readonly timeOrigin: number };
