import type { Backend } from '../../workers/kernels/backend';
import type { Job } from '../../workers/kernels';

/** A numeric parameter as the UI shows it: the raw text is validated by the task, not by the input element. */
export interface ParameterSpec<P> {
  key: keyof P & string;
  label: string;
  help: string;
  /** Rarely changed: the form shows it under "More settings". */
  advanced?: boolean;
}

/** The parameters as typed; an optional parameter (the backend) may be left out. */
export type RawParams<P> = { [K in keyof P]: string };

export type Validation<P> = { ok: true; params: P } | { ok: false; errors: Partial<Record<keyof P & string, string>> };

/**
 * What a user picks to run. Pure and framework-free: it checks its parameters, cuts the work into chunks (naming the
 * kernel for each) and merges the chunk results. It knows nothing about workers.
 */
export interface Task<P, R> {
  id: string;
  label: string;
  /** One sentence on what is computed. */
  summary: string;
  parameters: readonly ParameterSpec<P>[];
  /**
   * The backends that can run this task's kernels, JavaScript first; absent means JavaScript only. A task that has
   * them takes the choice as its `backend` parameter (raw text 'js' | 'wasm' | 'wasm-simd', in `defaults` too) and
   * puts it on every job it makes.
   */
  backends?: readonly Backend[];
  defaults: RawParams<P>;
  validate(raw: RawParams<P>): Validation<P>;
  /** Cuts the work into at most `chunks` jobs. */
  split(params: P, chunks: number): Job[];
  /** Combines the chunk results, given in chunk order. */
  merge(params: P, results: readonly unknown[]): R;
  /** Equal results, bit for bit: how a parallel run is checked against the one-worker run. */
  equal(a: R, b: R): boolean;
  format(params: P, result: R): string;
}
