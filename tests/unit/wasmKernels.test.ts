import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { WasmBackend } from '../../workers/kernels/backend';
import { filterBand } from '../../workers/kernels/image/band';
import { MAX_BOX_RADIUS, type Filter } from '../../workers/kernels/image/filter';
import { CONTROL_LENGTH, filterShared } from '../../workers/kernels/image/shared';
import { mandelbrotRows, type MandelbrotView } from '../../workers/kernels/mandelbrot';
import { sumSquaresMod32 } from '../../workers/kernels/sum';
import { WasmKernels } from '../../workers/wasm/kernels';
import { WASM_SHARED_URLS, WASM_URLS } from '../../workers/wasm/urls';
import { equalBytes, sharedScratch, sharePicture } from '../../src/image/picture';
import { seededRandom } from '../../src/random';
import { everyFilter } from '../reference/pictures';

const FILTERS = everyFilter({ radii: [1, 3, 9], sigmas: [0.5, 2, 4.3, 0.3, 25] });

/** Odd sizes: single pixels, single rows and columns, primes, widths that are not a multiple of any lane count. */
const SIZES: [number, number][] = [
  [1, 1],
  [1, 13],
  [13, 1],
  [2, 3],
  [4, 2],
  [5, 3],
  [6, 4],
  [7, 5],
  [17, 11],
  [31, 7],
  [9, 33],
  [64, 6],
  [67, 9],
];

function picture(width: number, height: number, seed: number): Uint8ClampedArray {
  const random = seededRandom(seed);
  return Uint8ClampedArray.from({ length: width * height * 4 }, () => Math.floor(random() * 256));
}

/** Bands to filter (each with its halo window, as the copy mode cuts them): all rows, a middle band, the last row. */
function bands(height: number): [number, number][] {
  const all: [number, number][] = [[0, height]];
  if (height >= 3) all.push([1, height - 1]);
  if (height >= 2) all.push([height - 1, height]);
  return all;
}

function haloOf(filter: Filter): number {
  if (filter.name === 'box') return filter.radius;
  if (filter.name === 'gaussian') return Math.ceil(3 * filter.sigma);
  return filter.name === 'sharpen' || filter.name === 'sobel' ? 1 : 0;
}

const modules = {} as Record<WasmBackend, WasmKernels>;
beforeAll(async () => {
  for (const backend of ['wasm', 'wasm-simd'] as const) {
    modules[backend] = await WasmKernels.instantiate(readFileSync(WASM_URLS[backend]));
  }
});

test('the SIMD Sobel rounding (f32 square root + 2²³, capped at 255) equals the f64 one for every gx² + gy²', () => {
  // wasm/as/sobelSimd.ts: roundedRoots. Math.fround of the f64 square root is the correctly rounded f32 one; n is
  // at most 2 · 1020² (|gx|, |gy| ≤ 4 · 255).
  let differing = 0;
  for (let n = 0; n <= 2 * 1020 ** 2; n++) {
    const rounded = Math.fround(Math.fround(Math.sqrt(n)) + 2 ** 23) - 2 ** 23;
    if (Math.min(255, rounded) !== Math.min(255, Math.floor(Math.sqrt(n) + 0.5))) differing++;
  }
  expect(differing).toBe(0);
});

describe.each(['wasm', 'wasm-simd'] as const)('%s kernels equal their JavaScript twins', (backend) => {
  test.each(FILTERS.map((filter) => [JSON.stringify(filter), filter] as const))('filter %s', (_, filter) => {
    const wasm = modules[backend];
    for (const [width, height] of SIZES) {
      const data = picture(width, height, width * 131 + height);
      const stride = width * 4;
      for (const [y0, y1] of bands(height)) {
        const top = Math.max(0, y0 - haloOf(filter));
        const bottom = Math.min(height, y1 + haloOf(filter));
        const window = data.slice(top * stride, bottom * stride);
        const expected = filterBand(filter, window, top, width, height, y0, y1);
        const actual = wasm.filterBand(filter, window, top, width, height, y0, y1);
        expect(actual, `${width}×${height} rows [${y0}, ${y1})`).toEqual(expected);
      }
    }
  });

  test('box at the largest radius on a nearly white picture: the column sums reach their bound', () => {
    // The SIMD box keeps its column sums in u16: (2·50 + 1)·255 must fit, and wide rows take the 4-pixel steps.
    const filter: Filter = { name: 'box', radius: MAX_BOX_RADIUS };
    for (const [width, height] of [
      [113, 7],
      [121, 103],
    ] as const) {
      const data = Uint8ClampedArray.from({ length: width * height * 4 }, (_, i) => (i % 97 === 0 ? 0 : 255));
      const expected = filterBand(filter, data, 0, width, height, 0, height);
      expect(modules[backend].filterBand(filter, data, 0, width, height, 0, height)).toEqual(expected);
    }
  });

  test('sharpen on black and white stripes: every lane clamps at 0 and at 255', () => {
    // 5·255 − 4·0 and 5·0 − 4·255: the extremes of the SIMD i16 lanes and of the saturating narrow.
    const filter: Filter = { name: 'sharpen' };
    for (const [width, height] of [
      [5, 5],
      [29, 7],
      [64, 3],
    ] as const) {
      const data = Uint8ClampedArray.from({ length: width * height * 4 }, (_, i) =>
        (i >> 2) % 2 === Math.floor(i / (width * 4)) % 2 ? 255 : i % 4 === 3 ? 7 : 0,
      );
      const expected = filterBand(filter, data, 0, width, height, 0, height);
      expect(modules[backend].filterBand(filter, data, 0, width, height, 0, height)).toEqual(expected);
    }
  });

  test('Sobel on black-and-white noise: gradients up to the cap, each magnitude rounded as in f64', () => {
    const random = seededRandom(5);
    for (const [width, height] of [
      [9, 9],
      [61, 23],
    ] as const) {
      const data = Uint8ClampedArray.from({ length: width * height * 4 }, () => (random() < 0.5 ? 0 : 255));
      const expected = filterBand({ name: 'sobel' }, data, 0, width, height, 0, height);
      expect(modules[backend].filterBand({ name: 'sobel' }, data, 0, width, height, 0, height)).toEqual(expected);
    }
  });

  test('the Gaussian on a white picture: its 16-bit intermediates reach their largest value', () => {
    // The SIMD vertical pass reads them biased to i16: 65 280 (255 · 256) is the top of that range.
    for (const sigma of [0.3, 2, 25]) {
      const filter: Filter = { name: 'gaussian', sigma };
      const data = new Uint8ClampedArray(37 * 11 * 4).fill(255);
      const expected = filterBand(filter, data, 0, 37, 11, 0, 11);
      expect(modules[backend].filterBand(filter, data, 0, 37, 11, 0, 11)).toEqual(expected);
    }
  });

  test.each(FILTERS.map((filter) => [JSON.stringify(filter), filter] as const))('shared mode %s', (_, filter) => {
    const [width, height] = [23, 19];
    const source = picture(width, height, 7);
    const run = (kernel: typeof filterShared) => {
      const shared = (length: number) => new Uint8ClampedArray(new SharedArrayBuffer(length));
      const input = shared(source.length);
      input.set(source);
      const buffers = {
        input,
        output: shared(source.length),
        scratch: new Uint16Array(new SharedArrayBuffer(source.length * 2)),
        control: new Int32Array(new SharedArrayBuffer(CONTROL_LENGTH * 4)),
      };
      const cuts: [number, number][] = [
        [0, 5],
        [5, 6],
        [6, 19],
      ];
      // One participant: the Gaussian's barrier opens at once.
      expect(kernel(filter, buffers, width, height, cuts, 1)).toBe(cuts.length * (filter.name === 'gaussian' ? 2 : 1));
      return buffers.output.slice();
    };
    const wasm = modules[backend];
    expect(run(wasm.filterShared.bind(wasm))).toEqual(run(filterShared));
  });

  test.each(FILTERS.map((filter) => [JSON.stringify(filter), filter] as const))(
    'shared mode in place on a shared WebAssembly.Memory %s: same bytes, nothing copied into the module',
    async (_, filter) => {
      const [width, height] = [197, 97];
      const data = picture(width, height, 11);
      const cuts: [number, number][] = [
        [0, 40],
        [40, 41],
        [41, 97],
      ];
      const run = (shared: ReturnType<typeof sharePicture>, kernel: typeof filterShared) => {
        const control = new Int32Array(new SharedArrayBuffer(CONTROL_LENGTH * 4));
        const scratch = filter.name === 'gaussian' ? sharedScratch(shared) : null;
        const buffers = {
          input: shared.input,
          output: shared.output,
          scratch,
          control,
          wasm: shared.wasm ?? undefined,
        };
        kernel(filter, buffers, width, height, cuts, 1);
        return shared.output.slice();
      };
      const expected = run(sharePicture({ width, height, data }), filterShared);
      // A fresh module: its own memory (2 pages) is too small for this picture, so a copy into it would grow it.
      const wasm = await WasmKernels.instantiate(readFileSync(WASM_URLS[backend]));
      wasm.sharedModule = new WebAssembly.Module(readFileSync(WASM_SHARED_URLS[backend]));
      const own = wasm.memory.buffer.byteLength;
      const inPlace = sharePicture({ width, height, data });
      expect(inPlace.wasm).not.toBeNull();
      // equalBytes, not toEqual: a deep comparison of 76 kB takes seconds.
      expect(equalBytes(run(inPlace, wasm.filterShared.bind(wasm)), expected)).toBe(true);
      expect(wasm.memory.buffer.byteLength, 'the module copied the picture into its own memory').toBe(own);
      // The other path, for contrast: a picture in plain SharedArrayBuffers is copied in band by band.
      const copied = sharePicture({ width, height, data }, { inWasmMemory: false });
      expect(equalBytes(run(copied, wasm.filterShared.bind(wasm)), expected)).toBe(true);
      expect(wasm.memory.buffer.byteLength).toBeGreaterThan(own);
    },
  );

  test('shared mode on a shared WebAssembly.Memory without the shared build fails loudly', () => {
    const shared = sharePicture({ width: 3, height: 2, data: picture(3, 2, 1) });
    const control = new Int32Array(new SharedArrayBuffer(CONTROL_LENGTH * 4));
    const buffers = { ...shared, control, wasm: shared.wasm! };
    const wasm = modules[backend];
    const saved = wasm.sharedModule;
    wasm.sharedModule = null;
    try {
      expect(() => wasm.filterShared({ name: 'invert' }, buffers, 3, 2, [[0, 2]], 1)).toThrow(/shared-memory build/);
    } finally {
      wasm.sharedModule = saved;
    }
  });

  test('sum of squares modulo 2³² over ranges, lane tails and the top of the range', () => {
    const ranges: [number, number][] = [
      [0, 0],
      [0, 1],
      [0, 7],
      [3, 12],
      [5, 1000],
      [1, 100_003],
      [2 ** 31 - 5, 2 ** 31 + 20],
      [4_000_000_000 - 17, 4_000_000_000],
      // Whole 16-term steps, a step plus a tail, and a million steps near the top (the squares wrap many times).
      [0, 16],
      [3, 35],
      [4_000_000_000 - 16_000_005, 4_000_000_000],
    ];
    for (const [start, end] of ranges) {
      expect(modules[backend].sumSquaresMod32(start, end), `[${start}, ${end})`).toBe(sumSquaresMod32(start, end));
    }
    expect(() => modules[backend].sumSquaresMod32(5, 2)).toThrow(RangeError);
  });

  test('Mandelbrot escape counts, odd widths and row ranges', () => {
    const views: MandelbrotView[] = [
      { width: 1, height: 1, xMin: -2.2, xMax: 0.8, yMin: -1.5, yMax: 1, maxIterations: 50 },
      { width: 7, height: 5, xMin: -2.2, xMax: 0.8, yMin: -1.5, yMax: 1, maxIterations: 200 },
      { width: 15, height: 9, xMin: -2.2, xMax: 0.8, yMin: -1.5, yMax: 1, maxIterations: 300 },
      { width: 33, height: 17, xMin: -0.75, xMax: -0.73, yMin: 0.1, yMax: 0.12, maxIterations: 1000 },
    ];
    for (const view of views) {
      for (const [start, end] of [
        [0, view.height],
        [Math.floor(view.height / 2), view.height],
      ] as const) {
        expect(modules[backend].mandelbrotRows(view, start, end)).toEqual(mandelbrotRows(view, start, end));
      }
    }
    expect(() => modules[backend].mandelbrotRows(views[0]!, 0, 2)).toThrow(RangeError);
  });
});
