import type { Environment } from '../../environment';
import type { ResultTable } from '../../measure/export';
import type { RunnerStatus } from '../../run/jobRunner.svelte';
import type { Schema, Settings } from '../../settings';

/** What the shell reads of a demo's state: its settings, and whether something of it runs. */
export interface LabState {
  readonly env: Environment;
  readonly settings: Settings<Schema>;
  /** The demo's main run, when it has one (a demo of several experiments says `running` to its `DemoLab`). */
  readonly runner?: RunnerStatus;
}

/** A state whose form starts a run: its runner, and whether its settings allow one. */
export interface RunnableState extends LabState {
  readonly runner: RunnerStatus;
  readonly ready: boolean;
}

/** A state whose run gives a result: how far to trust its numbers, and its table to save. */
export interface ResultState extends LabState {
  /** From measure/noise: why the numbers may not be trusted, and what to do. */
  readonly noise: readonly string[];
  readonly table: ResultTable | null;
}
