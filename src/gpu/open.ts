import { GpuRunner, summarizeAdapter } from './runner';

/** Why the WebGPU backend cannot run here, as a code the UI can branch on and a sentence it can show. */
export type GpuUnavailableReason = 'no-webgpu' | 'no-adapter' | 'no-device';

export interface GpuUnavailable {
  ok: false;
  reason: GpuUnavailableReason;
  message: string;
}

export interface GpuAvailable {
  ok: true;
  runner: GpuRunner;
}

export type GpuOpened = GpuAvailable | GpuUnavailable;

/** The part of `navigator` (or a worker's `navigator`) this needs: injectable, so a test can pass one without `gpu`. */
export interface GpuNavigator {
  readonly gpu?: GPU | undefined;
}

export interface OpenGpuOptions {
  powerPreference?: GPUPowerPreference;
  /** Whether the page is a secure context (WebGPU exists only in one); defaults to `globalThis.isSecureContext`. */
  secureContext?: boolean;
}

/**
 * Finds a WebGPU adapter and device and returns a runner for the kernels, or the reason there is none. Never throws
 * for a missing feature: a browser without WebGPU is an ordinary case that the option list shows, not an error.
 */
export async function openGpu(
  nav: GpuNavigator | undefined = globalThis.navigator,
  options: OpenGpuOptions = {},
): Promise<GpuOpened> {
  const gpu = nav?.gpu;
  if (!gpu) {
    const secure = options.secureContext ?? globalThis.isSecureContext;
    return unavailable(
      'no-webgpu',
      secure === false
        ? 'This browser has no WebGPU here: it is offered only in a secure context (https or localhost).'
        : 'This browser has no WebGPU (navigator.gpu is missing).',
    );
  }
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: options.powerPreference });
  } catch (error) {
    return unavailable('no-adapter', `WebGPU found no adapter: ${messageOf(error)}`);
  }
  if (!adapter) {
    return unavailable(
      'no-adapter',
      'WebGPU is present but offers no adapter: no usable GPU, or the browser has it switched off ' +
        '(headless Chromium on Linux needs --enable-unsafe-webgpu).',
    );
  }
  try {
    // The picture kernels bind whole pictures: ask for the adapter's largest buffers, not the 128 MiB default.
    const device = await adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
        maxBufferSize: adapter.limits.maxBufferSize,
      },
    });
    return { ok: true, runner: new GpuRunner(device, summarizeAdapter(adapter)) };
  } catch (error) {
    return unavailable('no-device', `The WebGPU adapter gave no device: ${messageOf(error)}`);
  }
}

function unavailable(reason: GpuUnavailableReason, message: string): GpuUnavailable {
  return { ok: false, reason, message };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
