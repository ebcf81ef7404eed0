import { BACKEND_LABELS } from '../../../workers/kernels/backend';
import type { Environment } from '../../environment';
import { Guess } from '../../learn/guess.svelte';
import { noiseWarnings } from '../../measure/noise';
import { CancelledError } from '../../pool';
import { Settings } from '../../settings';
import { cellAt, countsOf, gridTable, lessonFrom } from './grid';
import { RunState, type Measured } from '../runState.svelte';
import { meta } from './meta';
import { gridFraction, runGrid, type GridProgress, type GridResult } from './runGrid';
import { kernelOrCoresSchema, type KernelOrCoresSchema } from './settings';
import { GRID_TASKS, type AnyGridTask } from './tasks';

/** What a shown grid was measured with: the task, its size and parameters, not the ones edited since. */
interface Ran extends Measured {
  task: AnyGridTask;
  size: number;
  params: unknown;
}

/** The "faster kernel or more cores?" demo: one task on every backend at every worker count, against 1 JS worker. */
export class KernelOrCoresState extends RunState<KernelOrCoresSchema, GridResult<unknown>, GridProgress, Ran> {
  /** Predict, then run: how many times faster one worker of WebAssembly SIMD is than one of JavaScript. */
  readonly guess = new Guess('speedup');

  constructor(env: Environment) {
    super(env, new Settings(meta.id, kernelOrCoresSchema(env.hardwareConcurrency)), `the ${meta.title} demo`);
  }

  /** The task picked now (the radio group only offers known ones). */
  get task(): AnyGridTask {
    return Object.hasOwn(GRID_TASKS, this.settings.raw.task)
      ? GRID_TASKS[this.settings.raw.task as keyof typeof GRID_TASKS]
      : GRID_TASKS.sum;
  }

  /** The work set now, in words ("Σ i² for i < N, N = 200,000,000"); null while its size is invalid. */
  get sizing(): string | null {
    const result = this.settings.result;
    return result.ok ? this.task.describe(result.values[this.task.sizeKey]) : null;
  }

  get ready(): boolean {
    return this.settings.result.ok;
  }

  /** Runs the grid; resolves once it has ended, however it ended. */
  async run(): Promise<void> {
    const result = this.settings.result;
    // Blocked by another experiment, the shown grid stays with what it was measured with.
    if (!result.ok || this.runner.blockedBy) return;
    const values = result.values;
    const task = GRID_TASKS[values.task];
    const size = values[task.sizeKey];
    const settings = { ...this.settings.raw };
    this.guess.lockIn();
    await this.runner.run(async (signal, onProgress) => {
      // Made once, before any clock starts (the blur's picture); every backend gets the same parameters.
      const params: unknown = await task.params(size);
      if (signal.aborted) throw new CancelledError();
      this.ran = { task, size, params, settings };
      return runGrid({
        task: task.task,
        params,
        workerCounts: values.workers,
        repetitions: values.reps,
        signal,
        onProgress,
      });
    });
  }

  get progress(): { value: number; label: string } | null {
    const p = this.runner.progress;
    if (!p) return { value: 0, label: 'starting workers…' };
    const who = `${BACKEND_LABELS[p.backend]}, ${p.workers} worker${p.workers > 1 ? 's' : ''}`;
    const label = `${who}, ${p.warmup ? 'warm-up' : 'timed run'} · backend ${p.backendsDone + 1} of ${p.backends}`;
    return { value: gridFraction(p), label };
  }

  /** The worker counts of the shown grid, in order. */
  get counts(): number[] {
    return countsOf(this.runner.result?.cells ?? []);
  }

  /** The shown grid's 1-worker WebAssembly SIMD speedup, the measurement a guess is compared with. */
  get simdSpeedup(): number | undefined {
    const cells = this.runner.result?.cells;
    return cells ? cellAt(cells, 'wasm-simd', 1)?.speedup : undefined;
  }

  /** The lesson as the shown measurements tell it. */
  get lesson(): string | null {
    return this.runner.result ? lessonFrom(this.runner.result.cells) : null;
  }

  /** The shown result's reference (the 1-worker JavaScript run), as the task writes it. */
  get resultText(): string {
    const result = this.runner.result;
    return result && this.ran ? this.ran.task.task.format(this.ran.params, result.reference) : '';
  }

  get table() {
    return this.runner.result ? gridTable(this.runner.result.cells) : null;
  }

  /**
   * The noise warnings, named by backend: all of JavaScript's (its 1-worker run is the baseline), and only the
   * uneven repetitions of the others, whose runs are meant to be shorter.
   */
  get noise(): string[] {
    const sweeps = this.runner.result?.sweeps ?? [];
    return sweeps.flatMap(({ backend, rows }) =>
      noiseWarnings(rows)
        .filter((warning) => backend === 'js' || warning.includes('varied'))
        .map((warning) => `${BACKEND_LABELS[backend]}: ${warning}`),
    );
  }
}
