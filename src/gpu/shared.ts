import { openGpu, type GpuOpened } from './open';

let opened: Promise<GpuOpened> | null = null;

/**
 * The page's one WebGPU device, opened on first use and shared by every demo: one device compiles each kernel once.
 * A device that was lost (driver reset, tab in the background too long) is replaced at the next call.
 */
export async function pageGpu(): Promise<GpuOpened> {
  const pending = opened;
  const current = pending ? await pending : null;
  if (current && !(current.ok && current.runner.lost !== null)) return current;
  // Only the first caller to see the lost device replaces it; the others share the replacement.
  if (opened === pending) opened = openGpu();
  return opened!;
}
