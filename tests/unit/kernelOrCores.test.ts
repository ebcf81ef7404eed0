import { describe, expect, it } from 'vitest';
import type { Backend } from '../../workers/kernels/backend';
import { blurTask } from '../../src/demos/kernel-or-cores/blurTask';
import {
  againstJavaScript,
  countsOf,
  gridTable,
  lessonFrom,
  type GridCell,
} from '../../src/demos/kernel-or-cores/grid';
import { gridWorkerCounts, kernelOrCoresSchema } from '../../src/demos/kernel-or-cores/settings';
import { runJob } from '../../workers/kernels';
import { parseSettings } from '../../src/settings';

/** A grid from medians in ms, by backend and worker count; every run matched unless listed. */
function grid(medians: Partial<Record<Backend, Record<number, number>>>, differing: string[] = []): GridCell[] {
  const cells = Object.entries(medians).flatMap(([backend, byCount]) =>
    Object.entries(byCount).map(([workers, medianMs]) => ({
      backend: backend as Backend,
      workers: Number(workers),
      medianMs,
      timesMs: [medianMs],
      matches: !differing.includes(`${backend}@${workers}`),
    })),
  );
  return againstJavaScript(cells);
}

describe('the grid against one JavaScript worker', () => {
  it('measures every cell against the 1-worker JavaScript median', () => {
    const cells = grid({ js: { 1: 800, 2: 400 }, 'wasm-simd': { 1: 100, 2: 50 } });
    expect(cells.map((cell) => cell.speedup)).toEqual([1, 2, 8, 16]);
    expect(countsOf(cells)).toEqual([1, 2]);
    expect(gridTable(cells).rows[3]).toMatchObject({ backend: 'wasm-simd', workers: 2, speedup: 16, matches: true });
  });

  it.each([
    {
      says: 'one worker of SIMD beat two of JavaScript, and that the gains multiply',
      medians: { js: { 1: 800, 2: 420 }, wasm: { 1: 400, 2: 210 }, 'wasm-simd': { 1: 160, 2: 85 } },
      lesson:
        '1 worker of WebAssembly SIMD (5.00×) beat 2 workers of JavaScript (1.90×). Together, 2 workers of ' +
        'WebAssembly SIMD: 9.41×, against 5.00 × 1.90 = 9.52× if the two gains multiplied: they multiply.',
    },
    {
      says: 'so, honestly, when no WebAssembly kernel beat JavaScript',
      medians: { js: { 1: 100, 2: 52 }, wasm: { 1: 150, 2: 80 }, 'wasm-simd': { 1: 125, 2: 66 } },
      lesson:
        'Here no WebAssembly kernel beat JavaScript on one worker (the best: 1 worker of WebAssembly SIMD ' +
        '(1.25× slower)); only more cores helped: 2 workers of JavaScript (1.92×).',
    },
  ])('says $says', ({ medians, lesson }) => {
    expect(lessonFrom(grid(medians))).toBe(lesson);
  });

  it('says so when the cores gained more than the kernel, and when together fell short of the product', () => {
    const cells = grid({ js: { 1: 800, 2: 400 }, wasm: { 1: 640, 2: 500 }, 'wasm-simd': { 1: 700, 2: 600 } });
    const lesson = lessonFrom(cells)!;
    expect(lesson).toMatch(
      /^2 workers of JavaScript \(2\.00×\) beat 1 worker of WebAssembly \(1\.25×\): here more cores/,
    );
    expect(lesson).toMatch(
      /1\.60×, against 1\.25 × 2\.00 = 2\.50×.*: here no better than the faster of the two alone; its runs may be too short/,
    );
    const between = grid({ js: { 1: 800, 2: 400 }, 'wasm-simd': { 1: 200, 2: 150 } });
    expect(lessonFrom(between)).toMatch(/5\.33×.*more than either alone, less than the product/);
  });

  it('says when more workers did not help, or nothing did, or together beat the product', () => {
    const slowCores = grid({ js: { 1: 120, 2: 280 }, 'wasm-simd': { 1: 20, 2: 25 } });
    expect(lessonFrom(slowCores)).toBe(
      '1 worker of WebAssembly SIMD (6.00×) beat 2 workers of JavaScript (2.33× slower). More workers did not ' +
        'speed JavaScript up here, so there was no gain from the cores to multiply; is something else using the cores?',
    );
    const barely = grid({ js: { 1: 700, 2: 675 }, 'wasm-simd': { 1: 100, 2: 125 } });
    expect(lessonFrom(barely)).toMatch(/\(1\.04×\)\. More workers barely sped JavaScript up here, so there was little/);
    const nothing = grid({ js: { 1: 100, 2: 120 }, wasm: { 1: 110, 2: 90 } });
    expect(lessonFrom(nothing)).toMatch(/^Neither a faster kernel nor more cores beat 1 worker of JavaScript here/);
    const beyond = grid({ js: { 1: 800, 2: 400 }, 'wasm-simd': { 1: 200, 2: 50 } });
    expect(lessonFrom(beyond)).toMatch(/16\.00×, against 4\.00 × 2\.00 = 8\.00×.*even more than the product/);
  });

  it('with one worker only, speaks of the kernel and asks for more workers; without a baseline, says nothing', () => {
    expect(lessonFrom(grid({ js: { 1: 900 }, 'wasm-simd': { 1: 300 } }))).toMatch(
      /^With one worker, WebAssembly SIMD ran at 3\.00× against JavaScript\. Add 2 or more workers/,
    );
    expect(lessonFrom(grid({ 'wasm-simd': { 1: 300 } }))).toBeNull();
    expect(grid({ js: { 2: 100 } })[0]!.speedup).toBeNaN();
  });

  it('keeps a mismatch in the export', () => {
    const cells = grid({ js: { 1: 800 }, wasm: { 1: 400 } }, ['wasm@1']);
    expect(gridTable(cells).rows.map((row) => row.matches)).toEqual([true, false]);
  });
});

describe('the settings and the blur task', () => {
  it('default to 1, 2 and all the cores, and refuse counts beyond the cores', () => {
    expect([1, 2, 3, 8].map(gridWorkerCounts)).toEqual(['1', '1-2', '1-3', '1, 2, 8']);
    const schema = kernelOrCoresSchema(2);
    const raw = {
      task: 'blur',
      'sum-n': '1e8',
      'blur-width': '8',
      'mandelbrot-width': '800',
      workers: '1-3',
      reps: '3',
    };
    const result = parseSettings(schema, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['blur-width', 'workers']);
  });

  it('blurs in bands to the same bytes as in one piece', () => {
    const validation = blurTask.validate({ picture: '40', backend: 'js' });
    if (!validation.ok) throw new Error('a valid width');
    const params = validation.params;
    const merge = (chunks: number) =>
      blurTask.merge(
        params,
        blurTask.split(params, chunks).map((job) => runJob(job)),
      );
    const whole = merge(1);
    expect(whole.length).toBe(40 * 27 * 4);
    expect(whole).not.toEqual(params.picture.data);
    for (const chunks of [2, 3, 7]) expect(blurTask.equal(whole, merge(chunks))).toBe(true);
  });
});
