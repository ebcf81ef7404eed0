import { BACKENDS, type Backend } from '../../../workers/kernels/backend';
import type { MakePool } from '../../measure/repeat';
import { sweep, sweepFraction, type SweepProgress, type SweepRow } from '../../measure/sweep';
import type { Task } from '../../tasks/task';
import { againstJavaScript, type GridCell } from './grid';

export interface GridProgress extends SweepProgress {
  backend: Backend;
  /** Backends finished before this one, and in all. */
  backendsDone: number;
  backends: number;
}

export interface GridResult<R> {
  cells: GridCell[];
  /** The 1-worker JavaScript warm-up's result, which every run of every backend is compared with. */
  reference: R;
  /** Runs (warm-ups included) whose result differed from it, and runs in all. */
  mismatches: number;
  runs: number;
  /** Each backend's own sweep rows, as the Speedup demo shows them (speedups against its own 1-worker run). */
  sweeps: { backend: Backend; rows: SweepRow[] }[];
}

export interface GridOptions<P extends { backend?: Backend }, R> {
  task: Task<P, R>;
  /** The task's parameters without a backend: each backend is added in turn. */
  params: P;
  workerCounts: readonly number[];
  repetitions: number;
  /** JavaScript first: it gives the reference and the baseline. */
  backends?: readonly Backend[];
  signal?: AbortSignal;
  onProgress?: (progress: GridProgress) => void;
  createPool?: MakePool;
}

/**
 * Every backend × every worker count: the Speedup demo's sweep once per backend (a fresh pool per count, a
 * discarded warm-up run that also loads and warms each worker's WebAssembly module, then the timed runs), with
 * every result checked against the 1-worker JavaScript result, bit for bit. A mismatch is counted, never dropped.
 */
export async function runGrid<P extends { backend?: Backend }, R>({
  task,
  params,
  workerCounts,
  repetitions,
  backends = BACKENDS,
  signal,
  onProgress,
  createPool,
}: GridOptions<P, R>): Promise<GridResult<R>> {
  if (backends[0] !== 'js') throw new RangeError('the grid starts with JavaScript, its reference and baseline');
  let javaScript: { value: R } | undefined;
  let mismatches = 0;
  let runs = 0;
  const cells: Omit<GridCell, 'speedup'>[] = [];
  const sweeps: GridResult<R>['sweeps'] = [];
  for (const [index, backend] of backends.entries()) {
    const reference = javaScript;
    // The sweep checks every run against its own first result; after JavaScript, "equal" means equal to
    // JavaScript's, and that first result is checked against it below: no run escapes the comparison.
    const checked: Task<P, R> = reference
      ? { ...task, equal: (_first, value) => task.equal(reference.value, value) }
      : task;
    const result = await sweep({
      task: checked,
      params: { ...params, backend },
      settings: { workerCounts, repetitions },
      signal,
      createPool,
      onProgress: (progress) => onProgress?.({ ...progress, backend, backendsDone: index, backends: backends.length }),
    });
    const firstDiffers = reference !== undefined && !task.equal(reference.value, result.reference);
    if (!reference) javaScript = { value: result.reference };
    mismatches += result.mismatches + (firstDiffers ? 1 : 0);
    runs += result.runs.length;
    sweeps.push({ backend, rows: result.rows });
    for (const row of result.rows) {
      const matches = row.matches && !(firstDiffers && row.workers === 1);
      cells.push({ backend, workers: row.workers, medianMs: row.medianMs, timesMs: row.timesMs, matches });
    }
  }
  return { cells: againstJavaScript(cells), reference: javaScript!.value, mismatches, runs, sweeps };
}

/** The share of the whole grid done, 0 to 1. */
export function gridFraction(progress: GridProgress | null): number {
  if (!progress || progress.backends === 0) return 0;
  return Math.min(1, (progress.backendsDone + sweepFraction(progress)) / progress.backends);
}
