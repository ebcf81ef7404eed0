import type { Environment } from '../../environment';
import { measureTimerResolution, speedupPlateau, type TimerResolution } from '../../lab/machine';
import { MAX_SPREAD, spread } from '../../measure/noise';
import { sweep, sweepFraction, type SweepProgress, type SweepResult } from '../../measure/sweep';
import { sweepTable } from '../../measure/tables';
import { JobRunner } from '../../run/jobRunner.svelte';
import { fibTask } from '../../tasks/fib';
import { meta } from './meta';

/** 32 calls of fib(27): a fraction of a second per run on one worker, a few seconds for the whole sweep. */
export const MACHINE_PARAMS = { n: 27, k: 32 };
const REPETITIONS = 2;

/**
 * What the browser reports about the machine, next to what it measures: the clock's real resolution, and the worker
 * count where the speedup stops growing. Nothing to set: the experiment is fixed, sized from the reported cores.
 */
export class MachineState {
  readonly runner = new JobRunner<SweepResult<number[]>, SweepProgress>({ label: `the “${meta.title}” demo` });
  /** Up to twice the reported cores (at most 16): enough to see the speedup flatten past the real core count. */
  readonly counts: readonly number[];
  timer = $state.raw<TimerResolution | null>(null);

  /** `counts` replaces the sweep's worker counts (tests pass a short one). */
  constructor(
    readonly env: Environment,
    { counts }: { counts?: readonly number[] } = {},
  ) {
    this.counts = counts ?? Array.from({ length: Math.min(16, 2 * env.hardwareConcurrency) }, (_, i) => i + 1);
  }

  /** Reads the clock for a few ms (it blocks the page meanwhile). */
  measureTimer(): void {
    this.timer = measureTimerResolution();
  }

  async run(): Promise<void> {
    const settings = { workerCounts: this.counts, repetitions: REPETITIONS, chunksPerWorker: 2 };
    await this.runner.run((signal, onProgress) =>
      sweep({ task: fibTask, params: MACHINE_PARAMS, settings, signal, onProgress }),
    );
  }

  get progress(): { value: number; label: string } {
    return { value: sweepFraction(this.runner.progress), label: 'sweeping worker counts…' };
  }

  get plateau(): number {
    return this.runner.result ? speedupPlateau(this.runner.result.rows) : Number.NaN;
  }

  get bestSpeedup(): number {
    return this.runner.result ? Math.max(...this.runner.result.rows.map((row) => row.speedup)) : Number.NaN;
  }

  get resultText(): string {
    return this.runner.result ? fibTask.format(MACHINE_PARAMS, this.runner.result.reference) : '';
  }

  /** The fixed work is short by design, so only the spread of the repetitions is checked. */
  get noise(): string[] {
    const noisy = (this.runner.result?.rows ?? []).filter((row) => spread(row.timesMs) > MAX_SPREAD);
    if (noisy.length === 0) return [];
    return [
      `The repetitions varied a lot at ${noisy.map((row) => row.workers).join(', ')} worker${noisy.length > 1 ? 's' : ''}: ` +
        'something else was using the cores, and the plateau may be off. Close other tabs or programs and run again.',
    ];
  }

  get table() {
    return this.runner.result ? sweepTable(this.runner.result.rows) : null;
  }
}
