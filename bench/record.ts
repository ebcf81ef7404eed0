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
