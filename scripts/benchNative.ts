/**
 * The native C reference of the kernels suite (issue 15): compiles bench/native/kernels.c with the machine's `cc`
 * (-O3 -march=native -ffp-contract=off -fno-math-errno), runs each kernel the suite ran, at the same size, checks its output's
 * checksum equals the JavaScript kernel's, and adds a `native` row per kernel plus `ratioToNative` on every row.
 * Without a compiler it says so and adds nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kernelRecord, type BenchRecord } from '../bench/record.ts';
import { gaussianWeights } from '../workers/kernels/image/gaussian.ts';

const SOURCE = fileURLToPath(new URL('../bench/native/kernels.c', import.meta.url));
// -fno-math-errno: see bench/native/kernels.c (it lets gcc vectorise Sobel's square roots; same results).
const FLAGS = ['-O3', '-march=native', '-ffp-contract=off', '-fno-math-errno'];

/** The kernels suite's kernels, in its order (bench/suites/kernels.ts): the bench runs them one at a time. */
export const KERNEL_NAMES = ['grayscale', 'box', 'gaussian', 'sharpen', 'sobel', 'mandelbrot', 'sum'];

let compiled: string | null | undefined;

/** The compiled reference (compiled once per bench run), or null without a compiler. */
function compile(): string | null {
  if (compiled !== undefined) return compiled;
  if (spawnSync('cc', ['--version']).status !== 0) {
    console.log('native reference skipped: no C compiler (`cc`) on this machine');
    return (compiled = null);
  }
  const binary = join(mkdtempSync(join(tmpdir(), 'kernels-native-')), 'kernels');
  execFileSync('cc', [...FLAGS, '-o', binary, SOURCE, '-lm'], { stdio: 'inherit' });
  return (compiled = binary);
}

/** Adds the native rows and ratios to the kernels suite's rows (in place); returns the native rows. */
export function nativeKernels(rows: BenchRecord[], options: Record<string, string>): BenchRecord[] {
  const binary = compile();
  if (!binary) return [];
  const reps = options['kernel-reps'] ?? '3';
  const native: BenchRecord[] = [];
  for (const kernel of [...new Set(rows.map((row) => String(row.kernel)))]) {
    const js = rows.find((row) => row.kernel === kernel && row.backend === 'js')!;
    const size = String(js.size);
    const side = kernel === 'sum' ? String(Number(size)) : size.split('x')[0]!;
    const extra = kernel === 'gaussian' ? Array.from(gaussianWeights(2), String) : [];
    const run = (program: string, backend: string): BenchRecord => {
      const output = execFileSync(binary, [program, side, reps, ...extra], { encoding: 'utf8' });
      const { times, checksum } = JSON.parse(output) as { times: number[]; checksum: number };
      const matches = checksum === js.checksum;
      if (!matches) console.error(`native ${program}: checksum ${checksum} differs from JavaScript's ${js.checksum}`);
      const units = kernel === 'sum' ? Number(size) : Number(side) * Number(side);
      const unit = kernel === 'sum' ? 'ns/term' : 'MP/s';
      const beforeMs = Number(rows.find((row) => row.kernel === kernel && row.backend === 'js-before')?.medianMs);
      return kernelRecord({ kernel, backend, size, times, units, unit, beforeMs, checksum, matches });
    };
    const reference = run(kernel, 'native');
    // Mandelbrot's reference runs pixels side by side in vector lanes, as wasm-simd does; the literal one-pixel
    // port is shown beside it (it waits on each multiply's latency), as the scalar twin of the scalar backends.
    const extraRows = kernel === 'mandelbrot' ? [run('mandelbrot-scalar', 'native-scalar')] : [];
    native.push(reference, ...extraRows);
    for (const row of [
      ...rows.filter((r) => r.kernel === kernel && r.mode === undefined && r.size === size),
      reference,
      ...extraRows,
    ]) {
      row.ratioToNative = row.medianMs / reference.medianMs;
      // On a shared, busy machine the fastest repetition is the least disturbed one: its ratio is the steadier.
      row.minRatioToNative = Number(row.minMs) / Number(reference.minMs);
    }
  }
  return native;
}
