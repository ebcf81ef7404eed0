import { describe, expect, it } from 'vitest';
import { imageSchema } from '../../src/demos/image/settings';
import { refineScheduling, schedulingSchema } from '../../src/demos/scheduling/settings';
import { refineSpeedup, speedupSchema } from '../../src/demos/speedup/settings';
import { paramKey, taskParameters, taskRaw } from '../../src/demos/fields';
import { filterFrom } from '../../src/image/filterParams';
import { decimal, defaultsOf, errorOf, integer, parseSettings, type RawValues, type Schema } from '../../src/settings';
import { TASKS } from '../../src/tasks';
import { fibTask } from '../../src/tasks/fib';

function parse<S extends Schema>(
  schema: S,
  changes: Partial<RawValues<S>>,
  refine?: Parameters<typeof parseSettings<S>>[2],
) {
  return parseSettings(schema, { ...defaultsOf(schema), ...changes }, refine);
}

describe('number fields', () => {
  const count = integer({ label: 'Count', min: 1, max: 2e9, default: 4 });
  const ratio = decimal({ label: 'Ratio', min: -5, max: 5, default: 0.5 });

  it('read the ways people write numbers', () => {
    for (const [raw, value] of [
      ['2e9', 2e9],
      ['1_000', 1000],
      ['1,000', 1000],
      [' 7 ', 7],
    ] as const)
      expect(count.parse(raw)).toEqual({ ok: true, value });
    for (const [raw, value] of [
      ['-2.5', -2.5],
      ['.75', 0.75],
      ['1e-3', 0.001],
    ] as const)
      expect(ratio.parse(raw)).toEqual({ ok: true, value });
  });

  it('refuse what is out of bounds or not a number, naming the field', () => {
    expect(count.parse('0')).toEqual({ ok: false, error: 'Count must be from 1 to 2,000,000,000' });
    expect(count.parse('2.5')).toMatchObject({ ok: false, error: /Count must be a whole number/ });
    expect(ratio.parse('6')).toMatchObject({ ok: false, error: /Ratio must be from -5 to 5/ });
    expect(ratio.parse('abc')).toMatchObject({ ok: false, error: /Ratio must be a number/ });
    expect(count.parse('')).toEqual({ ok: false, error: 'Count is required' });
  });

  it('let a keyboard type every character they accept', () => {
    expect(count.inputmode).toBe('text');
    expect(ratio.inputmode).toBe('text');
  });
});

describe('parseSettings', () => {
  it('gives typed values when every field is valid, else a message per invalid field', () => {
    const schema = speedupSchema(4);
    const ok = parse(schema, { reps: '5', workers: '1-2' });
    expect(ok.ok && ok.values).toMatchObject({ task: 'fib', reps: 5, workers: [1, 2], main: false });
    const bad = parse(schema, { reps: '0', workers: '1-x' });
    expect(errorOf(bad, 'reps')).toMatch(/Repetitions must be from 1 to 20/);
    expect(errorOf(bad, 'workers')).toMatch(/is not a worker count/);
    expect(errorOf(bad, 'task')).toBeUndefined();
  });

  it('checks rules across fields with refine', () => {
    const schema = speedupSchema(2);
    const refine = refineSpeedup(2);
    expect(errorOf(parse(schema, { workers: '1-4' }, refine), 'workers')).toMatch(/At most 2 workers/);
    expect(parse(schema, { workers: '1-4', oversubscribe: true }, refine).ok).toBe(true);
  });

  it('ignores what is typed in a field that does not apply (another task’s parameter, another filter’s)', () => {
    const speedup = speedupSchema(2);
    expect(parse(speedup, { task: 'fib', [paramKey('sum', 'n')]: 'oops' }).ok).toBe(true);
    const sumN = parse(speedup, { task: 'sum', [paramKey('sum', 'n')]: 'oops' });
    expect(sumN.ok ? undefined : Object.entries(sumN.errors)).toContainEqual(['sum-n', expect.any(String)]);
    const image = imageSchema(2, true);
    expect(parse(image, { filter: 'sobel', radius: '0', sigma: '99' }).ok).toBe(true);
    expect(errorOf(parse(image, { filter: 'box', radius: '0' }), 'radius')).toMatch(/Radius must be from 1 to 50/);
    expect(errorOf(parse(image, { filter: 'gaussian', sigma: '0.1' }), 'sigma')).toMatch(
      /Sigma must be from 0.3 to 25/,
    );
  });

  it('offers shared memory only where the page has it', () => {
    expect(parse(imageSchema(2, true), { mode: 'shared' }).ok).toBe(true);
    expect(errorOf(parse(imageSchema(2, false), { mode: 'shared' }), 'mode')).toMatch(/copy, transfer/);
  });

  it('holds a chunk to the whole work of the chosen task', () => {
    const schema = schedulingSchema(2);
    const rows = { [paramKey('mandelbrot', 'height')]: '400' };
    expect(parse(schema, { ...rows, chunk: '400' }, refineScheduling).ok).toBe(true);
    for (const chunk of ['0', '401'])
      expect(errorOf(parse(schema, { ...rows, chunk }, refineScheduling), 'chunk')).toMatch(
        /Chunk size must be from 1 to 400 rows/,
      );
  });
});

describe('task parameters as settings', () => {
  const fields = taskParameters(TASKS);

  it('gives every parameter of every task its own setting, with the task default', () => {
    expect(defaultsOf(fields)).toEqual({ 'sum-n': '100000000', 'fib-n': '30', 'fib-k': '16' });
  });

  it("checks a value with the task's own validation", () => {
    expect(fields['fib-n']!.parse('42').ok).toBe(true);
    expect(fields['fib-n']!.parse('43').ok).toBe(false);
    expect(fields['sum-n']!.parse('<script>').ok).toBe(false);
  });

  it("reads one task's raw parameters back", () => {
    expect(taskRaw(fibTask, { ...defaultsOf(fields), 'fib-n': '25', task: 'fib' })).toEqual({ n: '25', k: '16' });
  });
});

describe('filterFrom', () => {
  it('keeps only the chosen filter’s parameter', () => {
    expect(filterFrom('gaussian', { radius: 3, sigma: 1.5 })).toEqual({ name: 'gaussian', sigma: 1.5 });
    expect(filterFrom('box', { radius: 7, sigma: 2 })).toEqual({ name: 'box', radius: 7 });
    expect(filterFrom('sobel', { radius: 7, sigma: 2 })).toEqual({ name: 'sobel' });
  });
});
