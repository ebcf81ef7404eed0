import { describe, expect, it } from 'vitest';
import { runJob } from '../../workers/kernels';
import { mandelbrotRows } from '../../workers/kernels/mandelbrot';
import { fibMixedTask, mixedNs } from '../../src/tasks/fibMixed';
import { mandelbrotTask } from '../../src/tasks/mandelbrot';
import { chunkCount } from '../../src/tasks/uneven';
import { parseDecimal } from '../../src/tasks/validate';

const view = { width: 40, height: 30, xMin: -2.2, xMax: 0.8, yMin: -1.5, yMax: 1, maxIterations: 300 };

describe('mandelbrotRows', () => {
  it('marks a point inside the set with the limit and one far outside with few steps', () => {
    const single = { ...view, width: 1, height: 1 };
    expect(mandelbrotRows({ ...single, xMin: -0.1, xMax: 0.1, yMin: -0.1, yMax: 0.1 }, 0, 1)[0]).toBe(300);
    expect(mandelbrotRows({ ...single, xMin: 1.9, xMax: 2.1, yMin: 1.9, yMax: 2.1 }, 0, 1)[0]).toBe(1);
  });

  it('refuses rows outside the image and a limit beyond the bound', () => {
    expect(() => mandelbrotRows(view, 0, 31)).toThrow(RangeError);
    expect(() => mandelbrotRows({ ...view, maxIterations: 10_001 }, 0, 1)).toThrow(RangeError);
  });

  it.each([1, 2, 3, 7, 30])('merges to the same bits from %i bands', (chunks) => {
    const whole = mandelbrotRows(view, 0, view.height);
    const merged = mandelbrotTask.merge(view, mandelbrotTask.split(view, chunks).map(runJob));
    expect(mandelbrotTask.equal(merged, whole)).toBe(true);
    expect(mandelbrotTask.split(view, chunks)).toHaveLength(chunks);
  });
});

describe('mandelbrot task validation', () => {
  const raw = mandelbrotTask.defaults;
  it('accepts the defaults', () => {
    expect(mandelbrotTask.validate(raw)).toMatchObject({ ok: true, params: { width: 480, xMin: -2.2, yMax: 1 } });
  });
  it.each([
    [{ xMax: '-2.2' }, 'xMax', /no width/],
    [{ yMax: '-2' }, 'yMax', /no height/],
    [{ maxIterations: '20000' }, 'maxIterations', /from 1 to 10,000/],
    [{ width: '0' }, 'width', /from 1 to 4,096/],
    [{ xMin: 'abc' }, 'xMin', /must be a number/],
  ])('refuses %j', (change, key, message) => {
    const result = mandelbrotTask.validate({ ...raw, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[key as keyof typeof result.errors]).toMatch(message);
  });
});

describe('fib mixed batch', () => {
  const params = { nMin: 10, nMax: 20, count: 50, seed: 7 };
  it('draws the same batch from the same seed, within the range, and another from another seed', () => {
    const ns = mixedNs(params);
    expect(mixedNs(params)).toEqual(ns);
    expect(ns.every((n) => n >= 10 && n <= 20)).toBe(true);
    expect(new Set(ns).size).toBeGreaterThan(5);
    expect(mixedNs({ ...params, seed: 8 })).not.toEqual(ns);
  });

  it.each([1, 3, 50])('merges to the same values from %i chunks', (chunks) => {
    const merged = fibMixedTask.merge(params, fibMixedTask.split(params, chunks).map(runJob));
    expect(merged).toEqual(fibMixedTask.merge(params, fibMixedTask.split(params, 1).map(runJob)));
  });

  it.each([
    [{ nMax: '39' }, 'nMax', /from 0 to 38/],
    [{ nMin: '25', nMax: '20' }, 'nMax', /at least the smallest/],
    [{ count: '0' }, 'count', /from 1 to 1,000/],
  ])('refuses %j', (change, key, message) => {
    const result = fibMixedTask.validate({ ...fibMixedTask.defaults, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[key as keyof typeof result.errors]).toMatch(message);
  });
});

describe('helpers', () => {
  it('chunkCount rounds up', () => {
    expect(chunkCount(400, 16)).toBe(25);
    expect(chunkCount(401, 16)).toBe(26);
  });
  it('parseDecimal reads signs, fractions and exponents', () => {
    expect(parseDecimal('−2.5', { label: 'x', min: -4, max: 4 })).toEqual({ ok: true, value: -2.5 });
    expect(parseDecimal('.75', { label: 'x', min: -4, max: 4 })).toEqual({ ok: true, value: 0.75 });
    expect(parseDecimal('5', { label: 'x', min: -4, max: 4 }).ok).toBe(false);
  });
});
