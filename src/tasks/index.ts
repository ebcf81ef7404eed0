import { fibTask } from './fib';
import { sumTask } from './sum';
import type { Task } from './task';

/** The tasks of the speedup demo, by id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each task has its own parameter and result types
export const TASKS: Record<string, Task<any, any>> = { [sumTask.id]: sumTask, [fibTask.id]: fibTask };
