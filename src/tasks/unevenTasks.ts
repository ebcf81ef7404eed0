import { fibMixedTask } from './fibMixed';
import { mandelbrotTask } from './mandelbrot';
import type { UnevenTask } from './uneven';

/** The uneven tasks of the scheduling demo, by id (apart from the speedup demo's tasks: it loads neither). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each task has its own parameter and result types
export const UNEVEN_TASKS: Record<string, UnevenTask<any, any>> = {
  [mandelbrotTask.id]: mandelbrotTask,
  [fibMixedTask.id]: fibMixedTask,
};
