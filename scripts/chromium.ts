import { existsSync } from 'node:fs';

/**
 * Which Chromium the tests and the benchmark drive: CHROMIUM_PATH if set, else Debian's /usr/bin/chromium if
 * present, else undefined so that Playwright uses its own downloaded browser (what a user elsewhere has).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/**
 * Flags for a headless Chromium in a sandboxed container: running as root needs --no-sandbox, and a machine with a
 * closed network refuses Chromium's background connections, so switch them off.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Exposes WebGPU in headless Chromium on Linux, where it is off by default. With --disable-gpu above, the adapter is
 * SwiftShader, a CPU emulation of a GPU (`isFallbackAdapter` true): right for correctness tests, meaningless for speed.
 * Without this flag `navigator.gpu` exists but `requestAdapter()` gives null.
 */
export const webgpuArgs = ['--enable-unsafe-webgpu'];
