import { median } from '../src/measure/stats.ts';

/**
 * One line of benchmark output. `task` names what was measured; the other keys that are strings (mode, schedule…)
 * tell rows of one task apart. Written to the JSON file as it is.
 */
export interface BenchRecord {
  task: string;
  workers: number;
  medianMs: number;
  speedup: number;
  efficiency: number;
  [detail: string]: string | number | boolean;
}

/**
 * A row of the kernels suite (one thread, the C reference's too): times in ms, the throughput (MP/s for pictures,
 * ns a term for the sum), the speedup over the first JavaScript version (`beforeMs`, its median), the checksum.
 */
export function kernelRecord(row: {
  kernel: string;
  backend: string;
  size: string;
  times: number[];
  /** The untimed first call's ms (a browser row: the cold figure before the optimising compiler). */
  firstMs?: number;
  units: number;
  unit: 'MP/s' | 'ns/term';
  beforeMs: number;
  checksum: number;
  matches: boolean;
}): BenchRecord {
  const { kernel, backend, size, times, firstMs, units, unit, beforeMs, checksum, matches } = row;
  const medianMs = median(times);
  return {
    task: 'kernels',
    kernel,
    backend,
    size,
    workers: 1,
    medianMs,
    minMs: Math.min(...times),
    ...(firstMs === undefined ? {} : { firstMs }),
    ...(unit === 'MP/s' ? { mps: units / medianMs / 1e3 } : { nsPerTerm: (medianMs * 1e6) / units }),
    speedup: beforeMs / medianMs,
    efficiency: Number.NaN,
    checksum,
    matches,
  };
}

/** A suite runs in the benchmark page and returns its records. Options come from the command line, as text. */
export type BenchSuite = (options: Record<string, string>) => Promise<BenchRecord[]>;

/** A numeric command-line option, or its default. */
export function numberOption(options: Record<string, string>, key: string, fallback: number): number {
  const value = options[key];
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new RangeError(`--${key} must be a number, got "${value}"`);
  return parsed;
}

/** `--max-workers N` (default: the cores) as the worker counts to sweep, 1 to N. */
export function workerCountsOption(options: Record<string, string>): number[] {
  return Array.from({ length: numberOption(options, 'max-workers', navigator.hardwareConcurrency) }, (_, i) => i + 1);
}

/** The timing columns of one sweep row: every sweeping suite reports them alike. */
export function timingFigures(row: {
  workers: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  speedup: number;
  efficiency: number;
}): Pick<BenchRecord, 'workers' | 'medianMs' | 'speedup' | 'efficiency'> & { minMs: number; maxMs: number } {
  const { workers, medianMs, minMs, maxMs, speedup, efficiency } = row;
  return { workers, medianMs, minMs, maxMs, speedup, efficiency };
}
