import type { Environment } from '../environment';
import { JobRunner } from '../run/jobRunner.svelte';
import type { Schema, Settings } from '../settings';

/** What a shown result was measured with, not what has been edited since: at the least the settings, to export. */
export interface Measured {
  settings: Readonly<Record<string, string | boolean>>;
}

/**
 * A demo with one main run: its settings, the runner that runs it (cancellable, holding the page's run lock) and what
 * the result shown was measured with.
 */
export abstract class RunState<S extends Schema, Result, Progress, Ran extends Measured> {
  readonly runner: JobRunner<Result, Progress>;
  ran = $state.raw<Ran | null>(null);

  constructor(
    readonly env: Environment,
    readonly settings: Settings<S>,
    /** Names the run to whoever the page's run lock blocks ("the Speedup demo"). */
    label: string,
  ) {
    this.runner = new JobRunner<Result, Progress>({ label });
  }
}
