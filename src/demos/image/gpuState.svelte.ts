import { pageGpu, runFilterGpu, type GpuAdapterSummary, type GpuTimings } from '../../gpu';
import { describeFilter } from '../../image/filterParams';
import { runFilter } from '../../image/filterRun';
import { equalBytes, type Picture } from '../../image/picture';
import { withPool } from '../../measure/repeat';
import { JobRunner } from '../../run/jobRunner.svelte';
import type { Filter } from '../../../workers/kernels/image/filter';

export interface GpuFilterResult {
  text: string;
  timings: GpuTimings;
  /** The GPU's bytes equal one worker's JavaScript bytes. */
  matches: boolean;
  /** The JavaScript reference's time on one worker, copy mode, for scale. */
  workerMs: number;
  adapter: GpuAdapterSummary;
}

/**
 * The Image demo's WebGPU backend: the same filter as a compute shader, timed as upload, dispatch and read-back (the
 * GPU's own moving data against computing), and checked byte for byte against one worker's JavaScript result.
 */
export class GpuFilter {
  readonly runner = new JobRunner<GpuFilterResult>({ label: 'the WebGPU filter' });
  /** Why there is no WebGPU here, once known; null while unknown or when there is. */
  unavailable = $state<string | null>(null);
  adapter = $state.raw<GpuAdapterSummary | null>(null);

  /** Learns whether this browser offers a device, for the option to say why not before anyone presses it. */
  async probe(): Promise<void> {
    const gpu = await pageGpu();
    if (gpu.ok) this.adapter = gpu.runner.adapter;
    else this.unavailable = gpu.message;
  }

  async run(picture: Picture, filter: Filter, pictureLabel: string): Promise<void> {
    await this.runner.run(async (signal) => {
      const gpu = await pageGpu();
      if (!gpu.ok) throw new Error(gpu.message);
      const { value, timings } = await runFilterGpu(gpu.runner, picture, filter, { signal });
      const reference = await withPool(1, (pool) => runFilter({ pool, signal }, picture, filter, 'copy', 1), {
        signal,
      });
      return {
        text: `${describeFilter(filter)} on ${pictureLabel} (${picture.width}×${picture.height})`,
        timings,
        matches: equalBytes(reference.value, value),
        workerMs: reference.ms,
        adapter: gpu.runner.adapter,
      };
    });
  }
}
