import { describe, expect, it } from 'vitest';
import { TASKS } from '../../src/tasks';
import { fibTask } from '../../src/tasks/fib';
import { rawParams, taskParameterSettings } from '../../src/ui/taskSettings';

describe('task parameters as URL settings', () => {
  const { defaults, checks } = taskParameterSettings(TASKS);

  it('gives every parameter of every task its own setting, with the task default', () => {
    expect(defaults).toEqual({ 'sum-n': '100000000', 'sum-backend': 'js', 'fib-n': '30', 'fib-k': '16' });
  });

  it("checks a link's value with the task's own validation", () => {
    expect(checks['fib-n']!('42')).toBe(true);
    expect(checks['fib-n']!('43')).toBe(false);
    expect(checks['sum-n']!('<script>')).toBe(false);
    expect(checks['sum-backend']!('wasm-simd')).toBe(true);
    expect(checks['sum-backend']!('webgpu')).toBe(false);
  });

  it("reads one task's raw parameters back", () => {
    expect(rawParams(fibTask, { ...defaults, 'fib-n': '25', task: 'fib' })).toEqual({ n: '25', k: '16' });
  });
});
