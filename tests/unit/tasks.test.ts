import { describe, expect, it } from 'vitest';
import { runJob } from '../../workers/kernels';
import { fibTask } from '../../src/tasks/fib';
import { sumTask } from '../../src/tasks/sum';
import { parseInteger } from '../../src/tasks/validate';

describe('parseInteger', () => {
  const rule = { label: 'N', min: 1, max: 4_000_000_000 };
  it.each([
    ['42', 42],
    [' 2e9 ', 2_000_000_000],
    ['1_000', 1000],
    ['1,000,000', 1_000_000],
    ['+7', 7],
  ])('reads %j as %i', (raw, value) => {
    expect(parseInteger(raw, rule)).toEqual({ ok: true, value });
  });

  it.each([
    ['', /required/],
    ['   ', /required/],
    ['-5', /negative/],
    ['abc', /must be a number/],
    ['0x10', /must be a number/],
    ['1.5', /whole number/],
    ['0', /from 1 to 4,000,000,000/],
    ['5e9', /from 1 to 4,000,000,000/],
    ['Infinity', /must be a number/],
  ])('refuses %j', (raw, message) => {
    const parsed = parseInteger(raw, rule);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

/** Runs a split on this thread and merges it: what any worker count must reproduce. */
function runSplit<P, R>(task: typeof sumTask | typeof fibTask, params: P, chunks: number): R {
  const t = task as unknown as { split(p: P, c: number): never[]; merge(p: P, r: unknown[]): R };
  return t.merge(params, t.split(params, chunks).map(runJob));
}

describe('sum task', () => {
  it.each([1, 2, 3, 7, 16, 64])('merges to the same value from %i chunks', (chunks) => {
    const params = { n: 100_003 };
    expect(runSplit(sumTask, params, chunks)).toBe(runSplit(sumTask, params, 1));
  });

  it('cuts N smaller than the chunk count into one chunk per index', () => {
    const jobs = sumTask.split({ n: 3 }, 8);
    expect(jobs.map((job) => job.args)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it('validates N, accepting 2·10⁹', () => {
    expect(sumTask.validate({ n: '2e9' })).toEqual({ ok: true, params: { n: 2e9, backend: 'js' } });
    expect(sumTask.validate({ n: '' })).toMatchObject({ ok: false, errors: { n: expect.any(String) } });
  });

  it('takes a backend it offers and puts it on every job', () => {
    expect(sumTask.backends).toEqual(['js', 'wasm', 'wasm-simd']);
    const validation = sumTask.validate({ n: '10', backend: 'wasm-simd' });
    expect(validation).toEqual({ ok: true, params: { n: 10, backend: 'wasm-simd' } });
    if (!validation.ok) return;
    expect(sumTask.split(validation.params, 3).map((job) => job.backend)).toEqual([
      'wasm-simd',
      'wasm-simd',
      'wasm-simd',
    ]);
    expect(sumTask.validate({ n: '10', backend: 'cuda' })).toMatchObject({
      ok: false,
      errors: { backend: expect.stringContaining('wasm-simd') },
    });
  });
});

describe('fib task', () => {
  it.each([1, 2, 3, 5, 13])('keeps all k results in order from %i chunks', (chunks) => {
    const result = runSplit<{ n: number; k: number }, number[]>(fibTask, { n: 15, k: 13 }, chunks);
    expect(result).toEqual(Array(13).fill(610));
  });

  it('reports each bad field', () => {
    expect(fibTask.validate({ n: '99', k: '0' })).toEqual({
      ok: false,
      errors: { n: 'n must be from 0 to 42', k: 'k must be from 1 to 256' },
    });
  });

  it('compares results element by element', () => {
    expect(fibTask.equal([1, 2], [1, 2])).toBe(true);
    expect(fibTask.equal([1, 2], [1, 3])).toBe(false);
    expect(fibTask.equal([1], [1, 1])).toBe(false);
  });
});
