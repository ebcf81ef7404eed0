/**
 * The native C reference of the kernels suite (issue 15): compiles bench/native/kernels.c with the machine's `cc`
 * (-O3 -march=native -ffp-contract=off -fno-math-errno), runs each kernel the suite ran, at the same size, checks its output's
 * checksum equals the JavaScript kernel's, and adds a `native` row per kernel plus `ratioToNative` on every row.
 * Beside a filter's kernel-scaling rows it runs the same C on 2 threads, the picture banded as the pool bands it in
 * shared mode, and gives the 2-worker rows `nativeSpeedup2`: this machine's own 2-thread gain for that kernel, the
 * honest ceiling of theirs. Without a compiler it says so and adds nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kernelRecord, type BenchRecord } from '../bench/record.ts';
import { gaussianWeights } from '../workers/kernels/image/gaussian.ts';
import { median } from '../src/measure/stats.ts';

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
  execFileSync('cc', [...FLAGS, '-pthread', '-o', binary, SOURCE, '-lm'], { stdio: 'inherit' });
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
    addNativeSpeedup2(binary, rows, { kernel, side, extra, checksum: js.checksum }, options);
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

/**
 * `nativeSpeedup2` on a filter's 2-worker kernel-scaling rows: the C kernel on 2 threads over the 1-thread run, the
 * two taking turns in one process (bench/native/kernels.c -t), at the bench's bands per worker and repetitions.
 */
function addNativeSpeedup2(
  binary: string,
  rows: BenchRecord[],
  run: { kernel: string; side: string; extra: string[]; checksum: unknown },
  options: Record<string, string>,
): void {
  const scaling = rows.filter((row) => row.kernel === run.kernel && row.mode === 'shared' && row.workers === 2);
  if (scaling.length === 0) return;
  const bands = options['scaling-bands'] ?? '4';
  const reps = options['scaling-reps'] ?? '3';
  // The C program checks its 2-thread bytes equal its 1-thread bytes; here they must equal JavaScript's too.
  const output = execFileSync(binary, ['-t', '2', '-b', bands, run.kernel, run.side, reps, ...run.extra], {
    encoding: 'utf8',
  });
  const { times, times1, checksum } = JSON.parse(output) as { times: number[]; times1: number[]; checksum: number };
  if (checksum !== run.checksum) {
    console.error(`native ${run.kernel} on 2 threads: checksum ${checksum} differs from JavaScript's ${run.checksum}`);
    return;
  }
  for (const row of scaling) row.nativeSpeedup2 = median(times1) / median(times);
}
