/** Settings that several demos share: which worker counts to sweep, how many repetitions, a task's parameters. */
import { defaultWorkerCounts, parseWorkerCounts } from '../measure/workerCounts';
import { BACKEND_LABELS } from '../../workers/kernels/backend';
import { choice, integer, text, type ChoiceSetting, type Step, type TextSetting } from '../settings';
import type { Task } from '../tasks/task';

/** Timed runs per count: enough to see the spread, few enough to stay quick. */
export const MAX_REPETITIONS = 20;

export function repetitions(defaultCount = 3, label = 'Repetitions') {
  return integer({
    label,
    min: 1,
    max: MAX_REPETITIONS,
    default: defaultCount,
    help: `Timed runs per count (1–${MAX_REPETITIONS}), after one discarded warm-up`,
  });
}

/** The choice of a demo's task: one option per task, labelled with the task's own label. */
export function taskChoice<Id extends string>(
  tasks: Readonly<Record<string, { id: Id; label: string }>>,
  defaultTask: NoInfer<Id>,
  label = 'Task',
): ChoiceSetting<Id> {
  const options = Object.values(tasks).map((task) => ({ value: task.id, label: task.label }));
  return choice({ label, options, default: defaultTask });
}

/**
 * Worker counts to sweep, as a list and ranges ("1-4", "1, 2, 4"): up to the cores, or twice the cores where the
 * demo lets people oversubscribe (`overSubscription` then holds them to the cores unless it is allowed).
 */
export function workerCounts(
  cores: number,
  { upToTwiceTheCores = true, label = 'Worker counts' } = {},
): TextSetting<number[]> {
  return text({
    label,
    help: `A list or ranges, e.g. 1-${cores} or 1, 2, 4`,
    default: defaultWorkerCounts(cores),
    parse: (raw) => parseWorkerCounts(raw, cores, upToTwiceTheCores),
  });
}

/** The message for counts above the cores when oversubscription is not allowed, or undefined. */
export function overSubscription(counts: readonly number[], cores: number, allowed: boolean): string | undefined {
  if (allowed || counts.every((count) => count <= cores)) return undefined;
  return `At most ${cores} workers (the cores reported); allow oversubscription to go up to ${2 * cores}`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tasks of any parameter and result types
export type AnyTask = Task<any, any>;

/** The setting name of one task parameter: `<task>-<parameter>`, e.g. `speedup.fib-n` in the address. */
export const paramKey = (taskId: string, key: string) => `${taskId}-${key}`;

/**
 * A setting for every parameter of every task, checked by the task's own validation and applying only while its
 * task is chosen (in the `task` setting), so that a demo offering several tasks keeps what was typed for each; and,
 * for a task that more than JavaScript can run, the choice of its kernels' backend.
 */
export function taskParameters(
  tasks: Readonly<Record<string, AnyTask>>,
  /** The parameters a learner changes most, by setting name, and how their − and + buttons move them. */
  steps: Readonly<Record<string, Step>> = {},
): Record<string, TextSetting<string> | ChoiceSetting<string>> {
  const fields: Record<string, TextSetting<string> | ChoiceSetting<string>> = {};
  for (const task of Object.values(tasks)) {
    const when = (raw: Readonly<Record<string, string | boolean>>) => raw.task === task.id;
    for (const parameter of task.parameters) {
      const key = parameter.key;
      fields[paramKey(task.id, key)] = text({
        label: parameter.label,
        help: parameter.help,
        ...(parameter.advanced && { advanced: true }),
        ...(steps[paramKey(task.id, key)] && { step: steps[paramKey(task.id, key)] }),
        default: task.defaults[key] ?? '',
        when,
        parse: (raw) => {
          const validation = task.validate({ ...task.defaults, [key]: raw });
          return validation.ok ? { ok: true, value: raw } : { ok: false, error: validation.errors[key] ?? 'invalid' };
        },
      });
    }
    if (task.backends && task.backends.length > 1) {
      fields[paramKey(task.id, 'backend')] = choice({
        label: 'Kernels in',
        options: task.backends.map((backend: keyof typeof BACKEND_LABELS) => ({
          value: backend,
          label: BACKEND_LABELS[backend],
        })),
        default: 'js',
        when,
      });
    }
  }
  return fields;
}

/** One task's raw parameters, read back from the settings' values. */
export function taskRaw(task: AnyTask, values: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.keys(task.defaults).map((key) => [key, String(values[paramKey(task.id, key)])]));
}

/** The keys of the chosen task's parameter settings, in order, for the form. */
export function taskParameterKeys(task: AnyTask): string[] {
  const keys = task.parameters.map((parameter: { key: string }) => paramKey(task.id, parameter.key));
  return task.backends && task.backends.length > 1 ? [...keys, paramKey(task.id, 'backend')] : keys;
}
