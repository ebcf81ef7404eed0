import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFilter } from '../../workers/kernels/image/band';
import type { Filter } from '../../workers/kernels/image/filter';
import { mandelbrotRows, type MandelbrotView } from '../../workers/kernels/mandelbrot';
import type { Picture } from '../../src/image/picture';
import { BOUNDARY_ZOOM } from '../reference/mandelbrotViews';
import { everyFilter, randomPicture } from '../reference/pictures';
import {
  checkMandelbrotF32,
  GpuError,
  openGpu,
  pageGpu,
  runFilterGpu,
  runMandelbrotGpu,
  type GpuRunner,
} from '../../src/gpu';

/**
 * The WebGPU backend on the adapter this Chromium offers: SwiftShader, a CPU emulation started by the test config's
 * --enable-unsafe-webgpu. Correctness only; sizes stay small because SwiftShader is slow.
 */
let runner: GpuRunner;
beforeAll(async () => {
  const opened = await openGpu();
  if (!opened.ok) throw new Error(`the browser tests need WebGPU (see scripts/chromium.ts): ${opened.message}`);
  runner = opened.runner;
});
afterAll(() => runner?.destroy());

function filterJs(picture: Picture, filter: Filter): Uint8ClampedArray {
  const { width, height, data } = picture;
  const out = new Uint8ClampedArray(data.length);
  applyFilter(filter, data, 0, out, 0, width, height, 0, height);
  return out;
}

/**
 * Byte equality with a short failure: the first differing byte. (`toEqual` on a 256×256 picture's 262 144 bytes
 * takes seconds.)
 */
function expectSameBytes(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string) {
  expect(actual.length, what).toBe(expected.length);
  let i = 0;
  while (i < expected.length && actual[i] === expected[i]) i++;
  const where = i === expected.length ? 'none' : `byte ${i} (pixel ${i >> 2}): ${actual[i]} instead of ${expected[i]}`;
  expect(where, `${what}: first differing byte`).toBe('none');
}

const FILTERS = everyFilter({ radii: [1, 4], sigmas: [0.3, 1.7] });
const label = (filter: Filter) => JSON.stringify(filter);
/** Single pixels, single rows and columns, primes and sizes not a multiple of the 8×8 workgroup. */
const SMALL_SIZES = [
  [1, 1],
  [1, 9],
  [9, 1],
  [3, 2],
  [13, 11],
  [37, 29],
] as const;

describe('WebGPU picture filters equal the JS kernels byte for byte', () => {
  for (const filter of FILTERS) {
    it(`${label(filter)} on small odd sizes`, async () => {
      for (const [width, height] of SMALL_SIZES) {
        const picture = randomPicture(width, height, width * 31 + height);
        const { value } = await runFilterGpu(runner, picture, filter);
        expectSameBytes(value, filterJs(picture, filter), `${width}×${height}`);
      }
    });
  }

  it('every filter on a 256×256 picture, with the timing split', async () => {
    const picture = randomPicture(256, 256);
    for (const filter of [...FILTERS, { name: 'gaussian', sigma: 3 } as const]) {
      const { value, timings } = await runFilterGpu(runner, picture, filter);
      expectSameBytes(value, filterJs(picture, filter), label(filter));
      for (const ms of Object.values(timings)) expect(ms).toBeGreaterThanOrEqual(0);
      expect(timings.totalMs).toBeCloseTo(timings.uploadMs + timings.dispatchMs + timings.readbackMs, 6);
    }
  });

  it('compiles a kernel once: the second run of a filter reports no compile time to speak of', async () => {
    const picture = randomPicture(16, 16);
    await runFilterGpu(runner, picture, { name: 'invert' });
    const again = await runFilterGpu(runner, picture, { name: 'invert' });
    // A cached pipeline is a resolved promise: microseconds, where compiling takes milliseconds.
    expect(again.timings.compileMs).toBeLessThan(5);
  });

  it('reads a picture held in shared memory as it is', async () => {
    const picture = randomPicture(21, 17);
    const shared = new Uint8ClampedArray(new SharedArrayBuffer(picture.data.length));
    shared.set(picture.data);
    const { value } = await runFilterGpu(runner, { ...picture, data: shared }, { name: 'sobel' });
    expectSameBytes(value, filterJs(picture, { name: 'sobel' }), 'sobel');
  });

  it('rejects a filter the kernels cannot honour before touching the GPU', async () => {
    const picture = randomPicture(4, 4);
    await expect(runFilterGpu(runner, picture, { name: 'box', radius: 0 })).rejects.toThrow(RangeError);
    await expect(runFilterGpu(runner, { ...picture, width: 5 }, { name: 'invert' })).rejects.toThrow(/bytes/);
  });
});

describe('WebGPU Mandelbrot, the labelled f32 variant', () => {
  it('reports how many pixels differ from the f64 reference, and equals f32 arithmetic done in JS', async () => {
    // A zoom on the boundary, where f32's 24-bit significand shows: neighbouring pixels 2e-6 apart.
    const view = BOUNDARY_ZOOM;
    const { value, timings } = await runMandelbrotGpu(runner, view);
    expect(timings.dispatchMs).toBeGreaterThanOrEqual(0);
    const f64 = mandelbrotRows(view, 0, view.height);
    const check = checkMandelbrotF32(view, value, f64);
    let recount = 0;
    for (let i = 0; i < f64.length; i++) if (value[i] !== f64[i]) recount++;
    expect(check.differFromF64).toBe(recount);
    expect(check.differFromF64).toBeGreaterThan(0);
    expect(check.message).toContain(`${recount} of ${view.width * view.height} pixels`);
    expect(check.message).toMatch(/f32/);
    expect(check.differFromF32, check.message).toBe(0);
    expect(check.ok).toBe(true);
  });

  it('cuts a long run into several dispatches and still covers every row once', async () => {
    const view: MandelbrotView = {
      width: 40,
      height: 33,
      xMin: -2.2,
      xMax: 0.8,
      yMin: -1.5,
      yMax: 1,
      maxIterations: 10_000,
    };
    const { value } = await runMandelbrotGpu(runner, view);
    const check = checkMandelbrotF32(view, value);
    expect(check.differFromF32, check.message).toBe(0);
    expect(check.differFromF64).toBeLessThan(view.width * view.height * 0.05);
  });
});

describe('cancelling and progress', () => {
  // Far outside the set (every point escapes at once) but wide and with the largest limit: many short dispatches.
  const outside: MandelbrotView = {
    width: 4096,
    height: 40,
    xMin: 3,
    xMax: 4,
    yMin: 3,
    yMax: 4,
    maxIterations: 10_000,
  };

  it('reports every pass, and stops between passes when aborted; the runner carries on', async () => {
    const seen: [number, number][] = [];
    const { value } = await runMandelbrotGpu(runner, outside, {
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(value.every((n) => n === 1)).toBe(true);
    const total = seen[0]![1];
    expect(total).toBeGreaterThan(2);
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));

    const controller = new AbortController();
    let passes = 0;
    const aborted = runMandelbrotGpu(runner, outside, {
      signal: controller.signal,
      onProgress: () => {
        passes++;
        controller.abort();
      },
    });
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(passes).toBe(1);
    const after = await runFilterGpu(runner, randomPicture(5, 3), { name: 'invert' });
    expectSameBytes(after.value, filterJs(randomPicture(5, 3), { name: 'invert' }), 'after an abort');
  });
});

describe('where WebGPU is missing, a reason instead of an exception', () => {
  const fakeGpu = (gpu: Partial<GPU>) => ({ gpu: gpu as GPU });

  it('a navigator without gpu: "no-webgpu"', async () => {
    const opened = await openGpu({}, { secureContext: true });
    expect(opened).toEqual({ ok: false, reason: 'no-webgpu', message: expect.stringMatching(/no WebGPU/) });
    const insecure = await openGpu({}, { secureContext: false });
    expect(insecure.ok || insecure.message).toMatch(/secure context/);
  });

  it('a gpu without an adapter: "no-adapter", thrown or null', async () => {
    const nullAdapter = await openGpu(fakeGpu({ requestAdapter: async () => null }));
    expect(nullAdapter).toMatchObject({ ok: false, reason: 'no-adapter' });
    const throwing = await openGpu(
      fakeGpu({
        requestAdapter: async () => {
          throw new Error('blocked');
        },
      }),
    );
    expect(throwing).toMatchObject({ ok: false, reason: 'no-adapter', message: expect.stringMatching(/blocked/) });
  });

  it('an adapter that refuses a device: "no-device"', async () => {
    const adapter = {
      limits: { maxStorageBufferBindingSize: 1 << 27, maxBufferSize: 1 << 28 },
      requestDevice: async () => {
        throw new Error('device limit');
      },
    } as unknown as GPUAdapter;
    const opened = await openGpu(fakeGpu({ requestAdapter: async () => adapter }));
    expect(opened).toMatchObject({ ok: false, reason: 'no-device', message: expect.stringMatching(/device limit/) });
  });

  it('the real adapter here is a fallback one, and the runner says its speed means nothing', () => {
    expect(runner.adapter.speedNote === null).toBe(!runner.adapter.isFallbackAdapter);
    if (runner.adapter.isFallbackAdapter) expect(runner.adapter.speedNote).toMatch(/says nothing/);
  });
});

describe('GPU failures are named', () => {
  it('a shader that does not compile rejects with the compiler message', async () => {
    const job = {
      buffers: { out: { kind: 'scratch', bytes: 4 } as const },
      passes: [
        { kernel: { id: 'broken', code: 'fn main( {', entry: 'main' }, bindings: {}, workgroups: [1, 1] as const },
      ],
      output: 'out',
    };
    await expect(runner.run(job)).rejects.toThrow(GpuError);
  });

  it("the page's shared device is opened once, and replaced once it is gone", async () => {
    const first = await pageGpu();
    if (!first.ok) throw new Error(first.message);
    expect(await pageGpu()).toBe(first);
    first.runner.destroy();
    const [second, third] = await Promise.all([pageGpu(), pageGpu()]);
    expect(second).not.toBe(first);
    expect(third).toBe(second);
    if (!second.ok) throw new Error(second.message);
    expect(second.runner.lost).toBeNull();
    second.runner.destroy();
  });

  it('a destroyed runner refuses further runs', async () => {
    const opened = await openGpu();
    if (!opened.ok) throw new Error(opened.message);
    opened.runner.destroy();
    await expect(runFilterGpu(opened.runner, randomPicture(2, 2), { name: 'invert' })).rejects.toThrow(GpuError);
  });
});
