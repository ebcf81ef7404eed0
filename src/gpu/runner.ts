import type { GpuJob, KernelSource } from './job';
import type { GpuRun, GpuTimings } from './timings';
import { BUFFER_USAGE, MAP_READ } from './usage';

/** Cancellation and progress for one run. The GPU cannot stop a dispatch halfway: a cancelled run stops between passes. */
export interface GpuRunOptions {
  signal?: AbortSignal;
  /** Passes finished so far, of all the job's passes (a long Mandelbrot has many). */
  onProgress?: (done: number, total: number) => void;
}

/** A GPU failure the runner can name: a shader that did not compile, a validation error, a lost device. */
export class GpuError extends Error {
  override name = 'GpuError';
}

/** What the adapter says about itself, and what that means for the timings. */
export interface GpuAdapterSummary {
  vendor: string;
  architecture: string;
  description: string;
  /** A software or otherwise reduced adapter (SwiftShader in headless Chromium): correct results, meaningless speed. */
  isFallbackAdapter: boolean;
  /** A sentence for the UI when the speed should not be read as a GPU's, else null. */
  speedNote: string | null;
}

const FALLBACK_NOTE =
  'This is a fallback adapter (a software GPU such as SwiftShader, running on the CPU): its results are right, ' +
  'but its speed says nothing about a real GPU.';

/**
 * What an adapter says about itself. `info.isFallbackAdapter` is recent (Chrome 136); before it the flag was on the
 * adapter, and `info` itself is missing before Chrome 127: read both, default to "not a fallback".
 */
export function summarizeAdapter(adapter: GPUAdapter): GpuAdapterSummary {
  const info = (adapter as { info?: GPUAdapterInfo }).info;
  const isFallbackAdapter =
    (info?.isFallbackAdapter ?? (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter) === true;
  return {
    vendor: info?.vendor ?? '',
    architecture: info?.architecture ?? '',
    description: info?.description ?? '',
    isFallbackAdapter,
    speedNote: isFallbackAdapter ? FALLBACK_NOTE : null,
  };
}

/**
 * Runs GPU jobs on one device: compiles each kernel once and keeps its pipeline, then for each job uploads the
 * inputs, runs the passes and reads the output back, timing the three apart. Runs are queued one after another, as
 * the device's queue runs them anyway, so that each run's error scope and timings are its own.
 */
export class GpuRunner {
  readonly adapter: GpuAdapterSummary;
  readonly #device: GPUDevice;
  readonly #modules = new Map<string, GPUShaderModule>();
  readonly #pipelines = new Map<string, Promise<GPUComputePipeline>>();
  #lost: string | null = null;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(device: GPUDevice, adapter: GpuAdapterSummary) {
    this.#device = device;
    this.adapter = adapter;
    void device.lost.then((info) => {
      this.#lost = info.message || info.reason;
    });
  }

  /** Why the device is gone (lost or destroyed), or null while it works. A lost device needs a new `openGpu`. */
  get lost(): string | null {
    return this.#lost;
  }

  /** The largest buffer a kernel may bind, in bytes. */
  get maxBindingBytes(): number {
    return this.#device.limits.maxStorageBufferBindingSize;
  }

  /** Runs a job after every job queued before it; resolves with the output buffer's bytes. */
  run(job: GpuJob, options: GpuRunOptions = {}): Promise<GpuRun<ArrayBuffer>> {
    const result = this.#tail.then(() => this.#runNow(job, options));
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** Releases the device; the runner cannot be used after. */
  destroy(): void {
    this.#lost ??= 'destroyed';
    this.#device.destroy();
  }

  async #runNow(job: GpuJob, options: GpuRunOptions): Promise<GpuRun<ArrayBuffer>> {
    if (this.#lost !== null) throw new GpuError(`the GPU device is gone (${this.#lost})`);
    options.signal?.throwIfAborted();
    const device = this.#device;
    const compileStart = performance.now();
    const pipelines = await Promise.all(job.passes.map((pass) => this.#pipeline(pass.kernel)));
    const compileMs = performance.now() - compileStart;
    device.pushErrorScope('out-of-memory');
    device.pushErrorScope('validation');
    const buffers = new Map<string, GPUBuffer>();
    let outcome: { ok: true; run: GpuRun<ArrayBuffer> } | { ok: false; error: unknown };
    try {
      const { value, timings } = await this.#execute(job, pipelines, buffers, options);
      outcome = { ok: true, run: { value, timings: { compileMs, ...timings } } };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      for (const buffer of buffers.values()) buffer.destroy();
    }
    const validation = await device.popErrorScope();
    const outOfMemory = await device.popErrorScope();
    const gpuError = validation ?? outOfMemory;
    if (gpuError) throw new GpuError(gpuError.message);
    if (this.#lost !== null) throw new GpuError(`the GPU device was lost during the run (${this.#lost})`);
    if (!outcome.ok) throw outcome.error;
    return outcome.run;
  }

  async #execute(
    job: GpuJob,
    pipelines: GPUComputePipeline[],
    buffers: Map<string, GPUBuffer>,
    { signal, onProgress }: GpuRunOptions,
  ): Promise<{ value: ArrayBuffer; timings: Omit<GpuTimings, 'compileMs'> }> {
    const device = this.#device;
    const { queue } = device;
    const uploadStart = performance.now();
    for (const [name, spec] of Object.entries(job.buffers)) {
      const isOutput = name === job.output;
      if (spec.kind === 'scratch') {
        const usage = BUFFER_USAGE.STORAGE | (isOutput ? BUFFER_USAGE.COPY_SRC : 0);
        buffers.set(name, device.createBuffer({ label: name, size: spec.bytes, usage }));
        continue;
      }
      const usage = (spec.kind === 'uniform' ? BUFFER_USAGE.UNIFORM : BUFFER_USAGE.STORAGE) | BUFFER_USAGE.COPY_DST;
      const buffer = device.createBuffer({ label: name, size: spec.data.byteLength, usage });
      buffers.set(name, buffer);
      queue.writeBuffer(buffer, 0, spec.data);
    }
    await queue.onSubmittedWorkDone();
    signal?.throwIfAborted();
    const dispatchStart = performance.now();
    for (const [i, pass] of job.passes.entries()) {
      const pipeline = pipelines[i]!;
      const entries = Object.entries(pass.bindings).map(([binding, name]) => ({
        binding: Number(binding),
        resource: { buffer: bufferOf(buffers, name) },
      }));
      const bindGroup = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries });
      const encoder = device.createCommandEncoder();
      const computePass = encoder.beginComputePass({ label: `${pass.kernel.id}.${pass.kernel.entry}` });
      computePass.setPipeline(pipeline);
      computePass.setBindGroup(0, bindGroup);
      computePass.dispatchWorkgroups(pass.workgroups[0], pass.workgroups[1]);
      computePass.end();
      queue.submit([encoder.finish()]);
      // Waiting between passes costs a round trip each; only a caller who can cancel or shows progress needs it.
      if (signal || onProgress) {
        await queue.onSubmittedWorkDone();
        onProgress?.(i + 1, job.passes.length);
        signal?.throwIfAborted();
      }
    }
    await queue.onSubmittedWorkDone();
    const readbackStart = performance.now();
    const output = bufferOf(buffers, job.output);
    const staging = device.createBuffer({
      label: 'read-back',
      size: output.size,
      usage: BUFFER_USAGE.MAP_READ | BUFFER_USAGE.COPY_DST,
    });
    buffers.set('\0read-back', staging);
    const encoder = device.createCommandEncoder();
    encoder.copyBufferToBuffer(output, 0, staging, 0, output.size);
    queue.submit([encoder.finish()]);
    await staging.mapAsync(MAP_READ);
    const value = staging.getMappedRange().slice(0);
    staging.unmap();
    const end = performance.now();
    return {
      value,
      timings: {
        uploadMs: dispatchStart - uploadStart,
        dispatchMs: readbackStart - dispatchStart,
        readbackMs: end - readbackStart,
        totalMs: end - uploadStart,
      },
    };
  }

  /** The kernel's pipeline, compiled on first use; a shader that does not compile fails with the compiler's words. */
  #pipeline(kernel: KernelSource): Promise<GPUComputePipeline> {
    const key = `${kernel.id}\0${kernel.entry}`;
    let pipeline = this.#pipelines.get(key);
    if (!pipeline) {
      let module = this.#modules.get(kernel.id);
      if (!module) {
        module = this.#device.createShaderModule({ label: kernel.id, code: kernel.code });
        this.#modules.set(kernel.id, module);
      }
      const compiled = module;
      pipeline = this.#device
        .createComputePipelineAsync({
          label: key,
          layout: 'auto',
          compute: { module: compiled, entryPoint: kernel.entry },
        })
        .catch(async (error: unknown) => {
          this.#pipelines.delete(key);
          const info = await compiled.getCompilationInfo();
          const messages = info.messages.map((m) => `${m.type} at ${m.lineNum}:${m.linePos}: ${m.message}`);
          const why = error instanceof Error ? error.message : String(error);
          throw new GpuError(`kernel ${kernel.id}.${kernel.entry} did not compile: ${[why, ...messages].join('; ')}`);
        });
      this.#pipelines.set(key, pipeline);
    }
    return pipeline;
  }
}

function bufferOf(buffers: Map<string, GPUBuffer>, name: string): GPUBuffer {
  const buffer = buffers.get(name);
  if (!buffer) throw new GpuError(`the job binds a buffer "${name}" it does not declare`);
  return buffer;
}
