/**
 * One GPU computation as plain data: the buffers it needs and the compute passes that run in order over them. The
 * filter and Mandelbrot planners build these; `GpuRunner.run` executes any of them with the same timing and checks.
 */
export interface KernelSource {
  /** Names the compiled module in the runner's cache: one id, one WGSL source. */
  id: string;
  code: string;
  entry: string;
}

export type GpuBufferSpec =
  /** Written from the page before the passes run. */
  | { kind: 'uniform' | 'input'; data: ArrayBufferView<ArrayBufferLike> }
  /** Made on the GPU (zeroed): intermediates and the output. */
  | { kind: 'scratch'; bytes: number };

export interface GpuPass {
  kernel: KernelSource;
  /**
   * Buffer names by binding number in group 0: exactly the bindings the entry point uses, since a pipeline with an
   * automatic layout accepts no others.
   */
  bindings: Readonly<Record<number, string>>;
  /** Workgroups along x and y. */
  workgroups: readonly [number, number];
}

export interface GpuJob {
  buffers: Readonly<Record<string, GpuBufferSpec>>;
  /** Run in order, each submitted on its own so that no single submission runs long enough to trip a GPU watchdog. */
  passes: readonly GpuPass[];
  /** The buffer read back at the end (a scratch buffer). */
  output: string;
}

/** Workgroups needed to cover `size` items with groups of `side`. */
export const groupsFor = (size: number, side: number) => Math.ceil(size / side);
