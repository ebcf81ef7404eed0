import { fibTask } from './fib';
import { fibMixedTask } from './fibMixed';
import { mandelbrotTask } from './mandelbrot';
import { sumTask } from './sum';
import type { Task } from './task';
import type { UnevenTask } from './uneven';

/** The tasks of the speedup demo, by id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each task has its own parameter and result types
export const TASKS: Record<string, Task<any, any>> = { [sumTask.id]: sumTask, [fibTask.id]: fibTask };

/** The uneven tasks of the scheduling demo, by id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each task has its own parameter and result types
export const UNEVEN_TASKS: Record<string, UnevenTask<any, any>> = {
  [mandelbrotTask.id]: mandelbrotTask,
  [fibMixedTask.id]: fibMixedTask,
};
