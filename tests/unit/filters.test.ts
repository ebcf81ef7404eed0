import { describe, expect, it } from 'vitest';
import { planBands } from '../../src/image/bands';
import { applyFilter, filterBand } from '../../workers/kernels/image/band';
import { checkFilter, haloRows, MAX_BOX_RADIUS, sharedPasses, type Filter } from '../../workers/kernels/image/filter';
import { gaussianWeights } from '../../workers/kernels/image/gaussian';
import { CONTROL_LENGTH, filterShared, PROGRESS } from '../../workers/kernels/image/shared';
import { everyFilter, randomPicture } from '../reference/pictures';

type Picture = ReturnType<typeof randomPicture>;

/** Straightforward references: one output pixel at a time, reading neighbours through a clamped `at(x, y, c)`. */
function reference(filter: Filter, { width, height, data }: Picture): Uint8ClampedArray {
  const at = (x: number, y: number, c: number) =>
    data[(Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))) * 4 + c]!;
  const lum = (x: number, y: number) => (77 * at(x, y, 0) + 150 * at(x, y, 1) + 29 * at(x, y, 2) + 128) >> 8;
  const out = new Uint8ClampedArray(data.length);
  const weights = filter.name === 'gaussian' ? gaussianWeights(filter.sigma) : new Int32Array();
  const radius = (weights.length - 1) / 2;
  // The Gaussian's horizontal pass, whole picture, 8 fractional bits kept.
  const horizontal = (x: number, y: number, c: number) => {
    let acc = 0;
    for (let k = -radius; k <= radius; k++) acc += weights[k + radius]! * at(x + k, y, c);
    return (acc + 8) >> 4;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const set = (values: number[]) => values.forEach((v, c) => (out[o + c] = v));
      switch (filter.name) {
        case 'grayscale': {
          const l = lum(x, y);
          set([l, l, l, at(x, y, 3)]);
          break;
        }
        case 'invert':
          set([255 - at(x, y, 0), 255 - at(x, y, 1), 255 - at(x, y, 2), at(x, y, 3)]);
          break;
        case 'box': {
          const r = filter.radius;
          const n = (2 * r + 1) ** 2;
          set(
            [0, 1, 2, 3].map((c) => {
              let sum = 0;
              for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) sum += at(x + dx, y + dy, c);
              return Math.floor((sum + Math.floor(n / 2)) / n);
            }),
          );
          break;
        }
        case 'gaussian': {
          set(
            [0, 1, 2, 3].map((c) => {
              let acc = 0;
              for (let k = -radius; k <= radius; k++) {
                acc += weights[k + radius]! * horizontal(x, Math.min(height - 1, Math.max(0, y + k)), c);
              }
              return (acc + (1 << 19)) >> 20;
            }),
          );
          break;
        }
        case 'sharpen':
          set([
            ...[0, 1, 2].map(
              (c) => 5 * at(x, y, c) - at(x - 1, y, c) - at(x + 1, y, c) - at(x, y - 1, c) - at(x, y + 1, c),
            ),
            at(x, y, 3),
          ]);
          break;
        case 'sobel': {
          const gx =
            lum(x + 1, y - 1) +
            2 * lum(x + 1, y) +
            lum(x + 1, y + 1) -
            lum(x - 1, y - 1) -
            2 * lum(x - 1, y) -
            lum(x - 1, y + 1);
          const gy =
            lum(x - 1, y + 1) +
            2 * lum(x, y + 1) +
            lum(x + 1, y + 1) -
            lum(x - 1, y - 1) -
            2 * lum(x, y - 1) -
            lum(x + 1, y - 1);
          const m = Math.min(255, Math.round(Math.hypot(gx, gy)));
          set([m, m, m, 255]);
          break;
        }
      }
    }
  }
  return out;
}

const FILTERS = everyFilter({ radii: [1, 4], sigmas: [0.3, 1.5] });
const SIZES: [number, number][] = [
  [1, 1],
  [1, 7],
  [7, 1],
  [2, 2],
  [13, 11],
  [17, 3],
  [3, 19],
];
const label = (filter: Filter) => JSON.stringify(filter);

describe('filter kernels against straightforward references', () => {
  for (const filter of FILTERS) {
    it.each(SIZES)(`${label(filter)} on %i×%i`, (width, height) => {
      const picture = randomPicture(width, height, width * 31 + height);
      const out = new Uint8ClampedArray(picture.data.length);
      applyFilter(filter, picture.data, 0, out, 0, width, height, 0, height);
      expect(out).toEqual(reference(filter, picture));
    });
  }

  it('leaves the input untouched and changes an ordinary picture', () => {
    const picture = randomPicture(13, 11);
    const before = picture.data.slice();
    const out = new Uint8ClampedArray(picture.data.length);
    applyFilter({ name: 'gaussian', sigma: 2 }, picture.data, 0, out, 0, 13, 11, 0, 11);
    expect(picture.data).toEqual(before);
    expect(out).not.toEqual(before);
  });
});

describe('bands with halos', () => {
  it.each([
    { height: 1, count: 1, halo: 0 },
    { height: 1, count: 4, halo: 3 },
    { height: 7, count: 3, halo: 1 },
    { height: 97, count: 4, halo: 5 },
    { height: 97, count: 97, halo: 2 },
    { height: 10, count: 3, halo: 50 },
  ])(
    'height $height in $count bands with halo $halo: every row once, halos inside the picture',
    ({ height, count, halo }) => {
      const bands = planBands(height, count, halo);
      expect(bands).toHaveLength(Math.min(count, height));
      let next = 0;
      for (const band of bands) {
        expect(band.y0).toBe(next);
        expect(band.y1).toBeGreaterThan(band.y0);
        expect(band.top).toBe(Math.max(0, band.y0 - halo));
        expect(band.bottom).toBe(Math.min(height, band.y1 + halo));
        next = band.y1;
      }
      expect(next).toBe(height);
    },
  );

  for (const filter of FILTERS) {
    it(`${label(filter)}: bands filtered alone and put together equal the whole, for every band count`, () => {
      const picture = randomPicture(9, 23, 7);
      const { width, height, data } = picture;
      const whole = reference(filter, picture);
      for (let count = 1; count <= height + 1; count++) {
        const out = new Uint8ClampedArray(data.length);
        for (const band of planBands(height, count, haloRows(filter))) {
          const window = data.slice(band.top * width * 4, band.bottom * width * 4);
          out.set(filterBand(filter, window, band.top, width, height, band.y0, band.y1), band.y0 * width * 4);
        }
        expect(out, `${count} bands`).toEqual(whole);
      }
    });
  }

  it('refuses a window too short for its band', () => {
    const { data } = randomPicture(4, 4);
    expect(() => filterBand({ name: 'invert' }, data.slice(0, 32), 0, 4, 4, 0, 3)).toThrow(RangeError);
  });
});

describe('shared-mode kernel, one worker', () => {
  for (const filter of FILTERS) {
    it(`${label(filter)} writes the reference into the shared output and counts every band-pass`, () => {
      const picture = randomPicture(11, 17, 3);
      const output = new Uint8ClampedArray(picture.data.length);
      const control = new Int32Array(CONTROL_LENGTH);
      const scratch = new Uint16Array(picture.data.length);
      const bands = planBands(17, 5, 0).map((b) => [b.y0, b.y1] as const);
      const done = filterShared(filter, { input: picture.data, output, scratch, control }, 11, 17, bands, 1);
      expect(output).toEqual(reference(filter, picture));
      expect(done).toBe(5 * sharedPasses(filter));
      expect(control[PROGRESS]).toBe(done);
    });
  }
});

describe('shared-mode kernel, bands claimed as the run goes', () => {
  it('a worker of two filters every band when the other has not started; the late one finds none left', () => {
    const filter: Filter = { name: 'box', radius: 2 };
    const picture = randomPicture(13, 19, 5);
    const output = new Uint8ClampedArray(picture.data.length);
    const control = new Int32Array(CONTROL_LENGTH);
    const bands = planBands(19, 8, 0).map((b) => [b.y0, b.y1] as const);
    const buffers = { input: picture.data, output, scratch: null, control };
    expect(filterShared(filter, buffers, 13, 19, bands, 2)).toBe(8);
    expect(output).toEqual(reference(filter, picture));
    expect(filterShared(filter, buffers, 13, 19, bands, 2)).toBe(0);
    expect(control[PROGRESS]).toBe(8);
  });
});

describe('filter parameters', () => {
  it.each([
    { name: 'box', radius: 0 },
    { name: 'box', radius: MAX_BOX_RADIUS + 1 },
    { name: 'box', radius: 1.5 },
    { name: 'gaussian', sigma: 0 },
    { name: 'gaussian', sigma: Number.NaN },
    { name: 'gaussian', sigma: 26 },
    { name: 'emboss' },
  ] as Filter[])('refuses %j', (filter) => {
    expect(() => checkFilter(filter)).toThrow(RangeError);
  });

  it.each([0.3, 1, 2.5, 10, 25])(
    'Gaussian weights for σ = %d sum to 4096, symmetric, peaked in the middle',
    (sigma) => {
      const weights = Array.from(gaussianWeights(sigma));
      expect(weights.reduce((a, b) => a + b)).toBe(4096);
      expect(weights).toEqual([...weights].reverse());
      const mid = (weights.length - 1) / 2;
      for (let i = 0; i < mid; i++) expect(weights[i]!).toBeLessThanOrEqual(weights[i + 1]!);
    },
  );
});
