import { SCHEDULES } from '../../pool/schedule';
import { boolean, choice, integer, text, type Errors, type Values } from '../../settings';
import { UNEVEN_TASKS } from '../../tasks/unevenTasks';
import { parseInteger } from '../../tasks/validate';
import { repetitions, taskChoice, taskParameters, taskRaw, workerCounts } from '../fields';
import type { Environment } from '../../environment';

export function schedulingSchema(cores: number) {
  return {
    task: taskChoice(UNEVEN_TASKS, 'mandelbrot', 'Work'),
    schedule: choice({
      label: 'Schedule',
      options: SCHEDULES.map((schedule) => ({ value: schedule, label: schedule })),
      default: 'dynamic',
    }),
    // Its upper bound is the whole work, which depends on the task: checked in `refineScheduling`.
    chunk: text({
      label: 'Chunk size',
      default: '16',
      step: 'double',
      parse: (raw) => parseInteger(raw, { label: 'Chunk size', min: 0, max: Number.MAX_SAFE_INTEGER }),
    }),
    workers: {
      ...workerCounts(cores, { label: 'Pool sizes' }),
      help: `A list or ranges, e.g. 1-${cores}; up to ${2 * cores} (more than the cores oversubscribes them)`,
    },
    reps: repetitions(3, 'Timed runs each'),
    sweepWorkers: integer({
      label: 'Workers for the chunk-size sweep',
      min: 1,
      max: 2 * cores,
      default: cores,
    }),
    gustafson: boolean({ label: 'Gustafson', default: false }),
    ...taskParameters(UNEVEN_TASKS),
  };
}

/** The schema on this machine, by the name src/demos/registry.ts loads every demo's by. */
export const schemaFor = (env: Environment) => schedulingSchema(env.hardwareConcurrency);

export type SchedulingSchema = ReturnType<typeof schedulingSchema>;

/** How many units (rows, calls) the chosen task's work has, when its parameters are valid. */
export function unitsOf(values: Readonly<Record<string, unknown>>): number | undefined {
  const task = UNEVEN_TASKS[String(values.task)];
  if (!task) return undefined;
  const validation = task.validate(taskRaw(task, values));
  return validation.ok ? task.units(validation.params) : undefined;
}

/** A chunk holds 1 unit at least and the whole work at most. */
export function refineScheduling(values: Values<SchedulingSchema>): Errors<SchedulingSchema> {
  const units = unitsOf(values);
  const unit = UNEVEN_TASKS[values.task]?.unit ?? 'units';
  if (units !== undefined && (values.chunk < 1 || values.chunk > units)) {
    return { chunk: `Chunk size must be from 1 to ${units.toLocaleString('en')} ${unit} (the whole work)` };
  }
  return {};
}
