import type { Environment } from '../../environment';
import { countsToPredict } from '../../measure/amdahl';
import type { MakePool } from '../../measure/repeat';
import { chunkSweep, defaultChunkSizes, type ChunkSweepProgress, type ChunkSweepRow } from '../../measure/chunkSweep';
import { resultTable, type ResultTable } from '../../measure/export';
import { noiseWarnings } from '../../measure/noise';
import {
  sweep,
  sweepFraction,
  type FailedRun,
  type RunRecord,
  type SweepProgress,
  type SweepResult,
} from '../../measure/sweep';
import { roundCell, sweepTable } from '../../measure/tables';
import type { Schedule } from '../../pool';
import { JobRunner } from '../../run/jobRunner.svelte';
import { Settings } from '../../settings';
import { UNEVEN_TASKS } from '../../tasks/unevenTasks';
import { chunkCount, chunkRanges, type UnevenTask } from '../../tasks/uneven';
import { taskRaw } from '../fields';
import { RunState, type Measured } from '../runState.svelte';
import { meta } from './meta';
import { refineScheduling, schedulingSchema, unitsOf, type SchedulingSchema } from './settings';

/** What a shown result was measured with, not what has been edited since. */
export interface Setup extends Measured {
  task: UnevenTask<unknown, unknown>;
  params: unknown;
  schedule: Schedule;
  chunkSize: number;
  units: number;
}

/**
 * The Scheduling demo: uneven work cut into chunks of a chosen size and handed out by a schedule, swept over pool
 * sizes (with every run's timeline kept), and, apart, the same work swept over chunk sizes at one pool size.
 */
export class SchedulingState extends RunState<SchedulingSchema, SweepResult<unknown>, SweepProgress, Setup> {
  readonly chunkRunner = new JobRunner<ChunkSweepRow[], ChunkSweepProgress>({ label: 'the chunk-size sweep' });
  chunkRan = $state.raw<(Setup & { workers: number }) | null>(null);
  /** Which run's timeline is shown, as an index into the sweep's runs; the last run unless one is picked. */
  picked = $state<number | null>(null);
  /** The run that failed the last sweep (a chunk past its time limit, a kernel that threw), to show where. */
  failedRun = $state.raw<FailedRun | null>(null);

  /** Tests pass a pool maker with a short chunk time limit; the page uses the sweep's own. */
  constructor(
    env: Environment,
    private readonly createPool?: MakePool,
  ) {
    const settings = new Settings(meta.id, schedulingSchema(env.hardwareConcurrency), { refine: refineScheduling });
    super(env, settings, `the ${meta.title} demo`);
  }

  /** The task picked now (the radio group only offers known ones). */
  get task(): UnevenTask<unknown, unknown> {
    return UNEVEN_TASKS[String(this.settings.raw.task)] ?? UNEVEN_TASKS.mandelbrot!;
  }

  /** The whole work of the task as set now, in its units, when its parameters are valid. */
  get units(): number | undefined {
    return unitsOf(this.settings.raw);
  }

  get busy(): boolean {
    return this.runner.running || this.chunkRunner.running;
  }

  /** One click for the Amdahl panel: enough worker counts (oversubscribed) for it to predict, and a run with them. */
  get countsToPredict(): { counts: string; apply: () => void; disabled: boolean } | null {
    const counts = countsToPredict(this.env.hardwareConcurrency);
    if (!counts) return null;
    const apply = () => {
      this.settings.raw.workers = counts;
      void this.run();
    };
    return { counts, apply, disabled: this.runner.running || !!this.runner.blockedBy };
  }

  get ready(): boolean {
    return this.settings.result.ok;
  }

  #setup(): Setup | undefined {
    const result = this.settings.result;
    if (!result.ok) return undefined;
    const { values } = result;
    const task = UNEVEN_TASKS[values.task]!;
    const validation = task.validate(taskRaw(task, values));
    if (!validation.ok) return undefined;
    const params = validation.params;
    const units = task.units(params);
    return {
      task,
      params,
      schedule: values.schedule,
      chunkSize: values.chunk,
      units,
      settings: { ...this.settings.raw },
    };
  }

  async run(): Promise<void> {
    const setup = this.#setup();
    const result = this.settings.result;
    if (!setup || !result.ok) return;
    this.ran = setup;
    this.picked = null;
    this.failedRun = null;
    const settings = {
      workerCounts: result.values.workers,
      repetitions: result.values.reps,
      chunks: chunkCount(setup.units, setup.chunkSize),
      schedule: setup.schedule,
    };
    await this.runner.run((signal, onProgress) =>
      sweep({
        task: setup.task,
        params: setup.params,
        settings,
        signal,
        onProgress,
        createPool: this.createPool,
        onFailedRun: (run) => (this.failedRun = run),
      }),
    );
  }

  async runChunkSweep(): Promise<void> {
    const setup = this.#setup();
    const result = this.settings.result;
    if (!setup || !result.ok) return;
    const workers = result.values.sweepWorkers;
    this.chunkRan = { ...setup, workers };
    await this.chunkRunner.run((signal, onProgress) =>
      chunkSweep({
        task: setup.task,
        params: setup.params,
        workers,
        schedule: setup.schedule,
        chunkSizes: defaultChunkSizes(setup.units),
        repetitions: result.values.reps,
        signal,
        onProgress,
      }),
    );
  }

  get runs(): RunRecord[] {
    return this.runner.result?.runs ?? [];
  }

  get shownRun(): RunRecord | undefined {
    return this.runs[this.picked ?? this.runs.length - 1];
  }

  /** The result as the task writes it. */
  get resultText(): string {
    const result = this.runner.result;
    return result && this.ran ? this.ran.task.format(this.ran.params, result.reference) : '';
  }

  /** Names a chunk of the shown run by the units it holds: "rows 24–31". */
  get chunkLabel(): ((chunk: number) => string) | undefined {
    const ran = this.ran;
    if (!ran) return undefined;
    const ranges = chunkRanges(ran.units, ran.chunkSize);
    const unit = ran.task.unit;
    return (chunk) => {
      const [start, end] = ranges[chunk] ?? [0, 0];
      return end - start === 1 ? `${unit.replace(/s$/, '')} ${start}` : `${unit} ${start}–${end - 1}`;
    };
  }

  get progress(): { value: number; label: string } {
    const p = this.runner.progress;
    if (!p) return { value: 0, label: 'starting workers…' };
    const label = `${p.workers} worker${p.workers > 1 ? 's' : ''}, ${p.warmup ? 'warm-up' : 'timed run'}: ${p.chunksDone}/${p.chunks} chunks · run ${p.runsDone + 1} of ${p.runs}`;
    return { value: sweepFraction(p), label };
  }

  get chunkProgress(): { value: number; label: string } {
    const p = this.chunkRunner.progress;
    if (!p) return { value: 0, label: 'starting workers…' };
    return { value: p.runsDone / p.runs, label: `chunk size ${p.chunkSize}: run ${p.runsDone + 1} of ${p.runs}` };
  }

  get noise(): string[] {
    return this.runner.result ? noiseWarnings(this.runner.result.rows) : [];
  }

  get table(): ResultTable | null {
    return this.runner.result ? sweepTable(this.runner.result.rows) : null;
  }

  get chunkTable(): ResultTable | null {
    const rows = this.chunkRunner.result;
    if (!rows) return null;
    return resultTable(rows, [
      ['chunkSize', 'chunk size', (row) => row.chunkSize],
      ['chunks', 'chunks', (row) => row.chunks],
      ['medianMs', 'median ms', (row) => roundCell(row.medianMs)],
      ['minMs', 'min ms', (row) => roundCell(row.minMs)],
      ['maxMs', 'max ms', (row) => roundCell(row.maxMs)],
      ['matches', 'equals the first result', (row) => row.matches],
    ]);
  }
}

/** A run's name in the run picker: "2 workers, repetition 1: 12.3 ms". */
export function runName(run: RunRecord): string {
  const which = run.repetition === 0 ? 'warm-up (not timed)' : `repetition ${run.repetition}`;
  return `${run.workers} worker${run.workers > 1 ? 's' : ''}, ${which}: ${run.ms.toFixed(1)} ms`;
}
