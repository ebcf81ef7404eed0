import type { Job } from '../../workers/kernels';

/** A numeric parameter as the UI shows it: the raw text is validated by the task, not by the input element. */
export interface ParameterSpec<P> {
  key: keyof P & string;
  label: string;
  help: string;
}

export type RawParams<P> = Record<keyof P & string, string>;

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
