import { describe, expect, it } from 'vitest';
import { checkMandelbrotF32, filterJob, mandelbrotJob, openGpu, summarizeAdapter } from '../../src/gpu';
import { gaussianWeights } from '../../workers/kernels/image/gaussian';
import { mandelbrotRows, type MandelbrotView } from '../../workers/kernels/mandelbrot';
import { BOUNDARY_ZOOM } from '../reference/mandelbrotViews';
import { mandelbrotCoordinates, mandelbrotRowsF32 } from '../../workers/kernels/mandelbrotF32';

const picture = (width: number, height: number) => ({ width, height, data: new Uint8ClampedArray(width * height * 4) });
const VIEW: MandelbrotView = { width: 60, height: 45, xMin: -2.2, xMax: 0.8, yMin: -1.5, yMax: 1, maxIterations: 200 };
/** Neighbouring pixels 2e-6 apart on the boundary: f32's 24-bit significand shows. */
const ZOOM = BOUNDARY_ZOOM;

describe('the f32 Mandelbrot in JS (what the GPU must equal)', () => {
  it('gives the same counts whatever the split of rows', () => {
    const whole = mandelbrotRowsF32(VIEW, 0, VIEW.height);
    const parts = [mandelbrotRowsF32(VIEW, 0, 17), mandelbrotRowsF32(VIEW, 17, 30), mandelbrotRowsF32(VIEW, 30, 45)];
    expect(Uint16Array.from(parts.flatMap((part) => [...part]))).toEqual(whole);
  });

  it('rounds each coordinate once from the f64 one', () => {
    const { cr, ci } = mandelbrotCoordinates(VIEW);
    const dx = (VIEW.xMax - VIEW.xMin) / VIEW.width;
    expect(cr[7]).toBe(Math.fround(VIEW.xMin + 7.5 * dx));
    expect(ci.length).toBe(VIEW.height);
  });

  it('agrees with f64 in most pixels of the whole set, and disagrees visibly on a deep zoom', () => {
    const count = (view: MandelbrotView) =>
      checkMandelbrotF32(view, mandelbrotRowsF32(view, 0, view.height)).differFromF64;
    expect(count(VIEW)).toBeLessThan(VIEW.width * VIEW.height * 0.01);
    expect(count(ZOOM)).toBeGreaterThan(ZOOM.width * ZOOM.height * 0.05);
  });
});

describe('the f32 check', () => {
  it('counts the differing pixels and says why, without failing on them', () => {
    const f64 = mandelbrotRows(ZOOM, 0, ZOOM.height);
    const f32 = mandelbrotRowsF32(ZOOM, 0, ZOOM.height);
    const check = checkMandelbrotF32(ZOOM, f32, f64, f32);
    let differ = 0;
    for (let i = 0; i < f64.length; i++) if (f64[i] !== f32[i]) differ++;
    expect(check).toMatchObject({ pixels: 1920, differFromF64: differ, differFromF32: 0, ok: true });
    expect(check.message).toContain(`${differ} of 1920 pixels`);
    expect(check.message).toMatch(/no 64-bit floats/);
  });

  it('fails when the GPU does not even equal f32 arithmetic', () => {
    const f32 = mandelbrotRowsF32(VIEW, 0, VIEW.height);
    const gpu = f32.slice();
    gpu[3]! += 1;
    const check = checkMandelbrotF32(VIEW, gpu, mandelbrotRows(VIEW, 0, VIEW.height), f32);
    expect(check).toMatchObject({ differFromF32: 1, ok: false });
    expect(check.message).toMatch(/rounds f32 differently/);
  });
});

describe('GPU jobs, planned without a GPU', () => {
  it('a point filter is one pass over the picture; a separable one is two, through a 16-bit intermediate', () => {
    const gray = filterJob(picture(9, 20), { name: 'grayscale' });
    expect(gray.passes).toHaveLength(1);
    expect(gray.passes[0]!.workgroups).toEqual([2, 3]);
    const gaussian = filterJob(picture(9, 20), { name: 'gaussian', sigma: 1.7 });
    expect(gaussian.passes.map((pass) => pass.kernel.entry)).toEqual(['horizontal', 'vertical']);
    expect(gaussian.buffers.mid).toEqual({ kind: 'scratch', bytes: 9 * 20 * 8 });
    const weights = gaussian.buffers.weights;
    expect(weights?.kind === 'input' && [...(weights.data as Uint32Array)]).toEqual([...gaussianWeights(1.7)]);
  });

  it('refuses what the kernels or the device cannot take', () => {
    expect(() => filterJob(picture(4, 4), { name: 'box', radius: 51 })).toThrow(RangeError);
    expect(() => filterJob({ ...picture(4, 4), width: 3 }, { name: 'invert' })).toThrow(/bytes/);
    expect(() => filterJob(picture(64, 64), { name: 'box', radius: 2 }, 64 * 64 * 4)).toThrow(/binds at most/);
    expect(() => mandelbrotJob({ ...VIEW, maxIterations: 0 })).toThrow(RangeError);
  });

  it('cuts a long Mandelbrot into dispatches that cover every row once', () => {
    const view = { ...VIEW, width: 2048, height: 2048, maxIterations: 10_000 };
    const job = mandelbrotJob(view);
    expect(job.passes.length).toBeGreaterThan(1);
    let next = 0;
    for (const pass of job.passes) {
      const uniform = job.buffers[pass.bindings[0]!];
      const [width, rowStart, rowEnd, iterations] =
        uniform?.kind === 'uniform' ? [...(uniform.data as Uint32Array)] : [];
      expect([width, rowStart, iterations]).toEqual([2048, next, 10_000]);
      expect(pass.workgroups).toEqual([256, Math.ceil((rowEnd! - rowStart!) / 8)]);
      expect(width! * (rowEnd! - rowStart!) * iterations!).toBeLessThanOrEqual(2 ** 27);
      next = rowEnd!;
    }
    expect(next).toBe(2048);
  });
});

describe('opening WebGPU where there is none', () => {
  it('Node has no navigator.gpu: a reason, not an exception', async () => {
    expect(await openGpu()).toMatchObject({ ok: false, reason: 'no-webgpu' });
    expect(await openGpu(undefined)).toMatchObject({ ok: false, reason: 'no-webgpu' });
  });
});

describe('what an adapter says about itself', () => {
  const info = { vendor: 'google', architecture: 'swiftshader', description: '' };

  it('a fallback adapter comes with a note that its speed means nothing', () => {
    const summary = summarizeAdapter({ info: { ...info, isFallbackAdapter: true } } as unknown as GPUAdapter);
    expect(summary).toMatchObject({ architecture: 'swiftshader', isFallbackAdapter: true });
    expect(summary.speedNote).toMatch(/says nothing about a real GPU/);
  });

  it('reads the older flag on the adapter, and copes without `info`', () => {
    expect(summarizeAdapter({ info, isFallbackAdapter: true } as unknown as GPUAdapter).isFallbackAdapter).toBe(true);
    expect(summarizeAdapter({} as GPUAdapter)).toEqual({
      vendor: '',
      architecture: '',
      description: '',
      isFallbackAdapter: false,
      speedNote: null,
    });
  });
});
