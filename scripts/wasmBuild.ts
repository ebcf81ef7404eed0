/**
 * Builds the kernels' WebAssembly from the AssemblyScript sources in workers/kernels/wasm/as: a scalar module
 * (backend `wasm`) and a SIMD one (`wasm-simd`), each also for a shared memory. The .wasm files are build outputs
 * (gitignored). Run by
 * `npm run build:wasm`, by the Vite plugin (dev server, `vite build`, bench) and by Vitest's global setup.
 *
 * Flags: -O3 for speed; --noAssert because kernels check their arguments on the JavaScript side (and the tests
 * compare every kernel with its JavaScript twin on odd sizes); --runtime stub and --importMemory because kernels
 * work on raw pointers into memory the page owns and lays out, so the module has no GC and no data segments.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

export const WASM_SOURCES = fileURLToPath(new URL('../workers/kernels/wasm/as/', import.meta.url));
const OUT = fileURLToPath(new URL('../workers/kernels/wasm/build/', import.meta.url));

const COMMON = ['-O3', '--noAssert', '--runtime', 'stub', '--importMemory'];
/**
 * The `-shared` builds import a shared memory (shared mode's picture lives in one, so the workers filter it in place):
 * a module built for shared memory rejects an unshared one and vice versa, hence two builds of each. The maximum is
 * wasm32's 4 GiB; the page's memory declares its own, at most that.
 */
const SHARED = ['--enable', 'threads', '--sharedMemory', '--maximumMemory', '65536'];
const MODULES = [
  { entry: 'scalar.ts', out: 'scalar.wasm', flags: [] },
  { entry: 'simd.ts', out: 'simd.wasm', flags: ['--enable', 'simd'] },
  { entry: 'scalar.ts', out: 'scalar-shared.wasm', flags: SHARED },
  { entry: 'simd.ts', out: 'simd-shared.wasm', flags: ['--enable', 'simd', ...SHARED] },
];

function newest(dir: string): number {
  return Math.max(...readdirSync(dir).map((name) => statSync(dir + name).mtimeMs));
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/** Compiles each module whose output is older than the newest source (or every one with `force`). */
export async function buildWasm({ force = false, log = console.log } = {}): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const sources = newest(WASM_SOURCES);
  for (const { entry, out, flags } of MODULES) {
    if (!force && mtime(OUT + out) > sources) continue;
    const errors: string[] = [];
    const { error } = await asc.main([WASM_SOURCES + entry, '-o', OUT + out, ...COMMON, ...flags], {
      stderr: { write: (text: string | Uint8Array) => (errors.push(String(text)), true) },
    });
    if (error) throw new Error(`asc ${entry}: ${error.message}\n${errors.join('')}`);
    log(`wasm: built ${out}`);
  }
}

/** Vitest global setup: the tests load the modules from disk. */
export default async function setup(): Promise<void> {
  await buildWasm({ log: () => {} });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildWasm({ force: process.argv.includes('--force') });
}
