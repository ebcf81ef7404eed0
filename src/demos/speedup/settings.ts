import { boolean, type Errors, type Values } from '../../settings';
import { TASKS } from '../../tasks';
import { overSubscription, repetitions, taskChoice, taskParameters, workerCounts } from '../fields';
import type { Environment } from '../../environment';

export function speedupSchema(cores: number) {
  return {
    task: taskChoice(TASKS, 'fib'),
    workers: workerCounts(cores),
    reps: repetitions(),
    oversubscribe: boolean({
      label: `Allow up to ${2 * cores} workers (more workers than cores: oversubscription)`,
      default: false,
    }),
    main: boolean({ label: 'Also run on the main thread — this blocks the page while it runs', default: false }),
    gustafson: boolean({ label: 'Gustafson', default: false }),
    ...taskParameters(TASKS, { 'fib-n': 'one', 'sum-n': 'double' }),
  };
}

/** The schema on this machine, by the name src/demos/registry.ts loads every demo's by. */
export const schemaFor = (env: Environment) => speedupSchema(env.hardwareConcurrency);

export type SpeedupSchema = ReturnType<typeof speedupSchema>;

export function refineSpeedup(cores: number) {
  return (values: Values<SpeedupSchema>): Errors<SpeedupSchema> => {
    const workers = overSubscription(values.workers, cores, values.oversubscribe);
    return workers ? { workers } : {};
  };
}
