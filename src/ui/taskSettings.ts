import type { Task } from '../tasks/task';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tasks of any parameter and result types
type AnyTask = Task<any, any>;

/** The URL-setting name of one task parameter: `<task>-<parameter>`, e.g. `speedup.fib-n` in the address. */
export const paramKey = (taskId: string, key: string) => `${taskId}-${key}`;

/**
 * URL-setting defaults and checks for every parameter of every task, so that a demo offering several tasks keeps
 * what was typed for each, and a link's value is checked by the task's own validation.
 */
export function taskParameterSettings(tasks: Record<string, AnyTask>): {
  defaults: Record<string, string>;
  checks: Record<string, (raw: string) => boolean>;
} {
  const defaults: Record<string, string> = {};
  const checks: Record<string, (raw: string) => boolean> = {};
  for (const task of Object.values(tasks)) {
    for (const [key, value] of Object.entries(task.defaults)) {
      defaults[paramKey(task.id, key)] = value as string;
      checks[paramKey(task.id, key)] = (raw) => task.validate({ ...task.defaults, [key]: raw }).ok;
    }
  }
  return { defaults, checks };
}

/** One task's raw parameters, read back from the settings. */
export function rawParams(task: AnyTask, settings: Record<string, string | boolean>): Record<string, string> {
  return Object.fromEntries(Object.keys(task.defaults).map((key) => [key, settings[paramKey(task.id, key)] as string]));
}
