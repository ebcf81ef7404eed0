/**
 * Where one GPU run's time goes, each phase waited for on the queue (`onSubmittedWorkDone`) so that it is not
 * counted in the next: the GPU's own "moving data vs computing" split.
 */
export interface GpuTimings {
  /** Compiling the shaders and building the pipelines: the first run of a kernel only, 0 once cached. */
  compileMs: number;
  /** Creating the buffers and writing the input into them, until the GPU has it. */
  uploadMs: number;
  /** The compute passes, from submission until the GPU has finished them. */
  dispatchMs: number;
  /** Copying the result to a mappable buffer, mapping it and copying it out into a JS array. */
  readbackMs: number;
  /** Upload + dispatch + read-back (compilation excluded, as the JS backends exclude their warm-up). */
  totalMs: number;
}

export interface GpuRun<T> {
  value: T;
  timings: GpuTimings;
}
