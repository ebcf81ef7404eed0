import { MAX_MANDELBROT_SIDE } from '../../../workers/kernels/mandelbrot';
import { MAX_SUM_N } from '../../../workers/kernels/sum';
import { integer } from '../../settings';
import { repetitions, taskChoice, workerCounts } from '../fields';
import { MAX_BLUR_WIDTH, MIN_BLUR_WIDTH } from './blurTask';
import { GRID_TASKS, type GridTaskId } from './tasks';
import type { Environment } from '../../environment';

/** 1, 2 and all the cores: enough to see more cores help, few enough that the grid stays quick on a big machine. */
export function gridWorkerCounts(cores: number): string {
  if (cores <= 2) return cores === 1 ? '1' : '1-2';
  return cores === 3 ? '1-3' : `1, 2, ${cores}`;
}

/**
 * One task, its size, the worker counts and the repetitions; every backend runs them all. Defaults sized so that
 * the whole grid takes a few seconds on a 2-core machine.
 */
export function kernelOrCoresSchema(cores: number) {
  const when = (task: GridTaskId) => (raw: Readonly<Record<string, string | boolean>>) => raw.task === task;
  return {
    task: taskChoice(GRID_TASKS, 'sum'),
    'sum-n': integer({
      label: 'N',
      step: 'double',
      min: 1,
      max: MAX_SUM_N,
      default: 200_000_000,
      help: `Terms to add, 1 to ${MAX_SUM_N.toLocaleString('en')}`,
      when: when('sum'),
    }),
    'blur-width': integer({
      label: 'Picture width',
      step: 'double',
      min: MIN_BLUR_WIDTH,
      max: MAX_BLUR_WIDTH,
      // About a third of a second on one JavaScript worker of a 2-core laptop: long enough to time.
      default: 1400,
      unit: 'px',
      help: `${MIN_BLUR_WIDTH} to ${MAX_BLUR_WIDTH}; the height is two thirds of it`,
      when: when('blur'),
    }),
    'mandelbrot-width': integer({
      label: 'Image width',
      step: 'double',
      min: 16,
      max: MAX_MANDELBROT_SIDE,
      default: 800,
      unit: 'px',
      help: `16 to ${MAX_MANDELBROT_SIDE}; the height is three quarters of it`,
      when: when('mandelbrot'),
    }),
    workers: {
      ...workerCounts(cores, { upToTwiceTheCores: false }),
      default: gridWorkerCounts(cores),
    },
    reps: repetitions(3),
  };
}

/** The schema on this machine, by the name src/demos/registry.ts loads every demo's by. */
export const schemaFor = (env: Environment) => kernelOrCoresSchema(env.hardwareConcurrency);

export type KernelOrCoresSchema = ReturnType<typeof kernelOrCoresSchema>;
