import { describe, expect, test } from 'vitest';
import { boxRows } from '../../workers/kernels/image/box';
import { sobelRows } from '../../workers/kernels/image/neighbours';
import { grayscaleRows } from '../../workers/kernels/image/point';
import { wholePictureJob } from '../../workers/kernels/image/rows';
import { mandelbrotRows } from '../../workers/kernels/mandelbrot';
import { sumSquaresMod32 } from '../../workers/kernels/sum';
import { seededRandom } from '../../src/random';
import * as reference from '../reference/kernels';

/** The tuned JavaScript kernels give the first versions' bytes (tests/reference), aligned or not. */
const SIZES: [number, number][] = [
  [1, 1],
  [1, 9],
  [9, 1],
  [5, 3],
  [17, 13],
  [40, 7],
];

/** A picture at byte `offset` of its buffer: offset 1 takes the tuned kernels' byte-by-byte path. */
function picture(width: number, height: number, offset: number): Uint8ClampedArray {
  const random = seededRandom(width * 31 + height);
  const data = new Uint8ClampedArray(new ArrayBuffer(width * height * 4 + offset), offset, width * height * 4);
  for (let i = 0; i < data.length; i++) data[i] = Math.floor(random() * 256);
  return data;
}

type Rows = (src: Uint8ClampedArray, dst: Uint8ClampedArray, width: number, height: number) => void;
/** The whole picture as one job. */
const job = (src: Uint8ClampedArray, dst: Uint8ClampedArray, width: number, height: number) =>
  wholePictureJob(src, dst, width, height, 0, height);
const CASES: [string, Rows, Rows][] = [
  [
    'grayscale',
    (s, d, w, h) => grayscaleRows(job(s, d, w, h)),
    (s, d, w, h) => reference.grayscaleRows(job(s, d, w, h)),
  ],
  // Up to radius 7 the tuned box adds two channels in one 32-bit sum; from 8 on, each channel apart.
  ...[1, 2, 4, 7, 8, 11, 50].map((r): [string, Rows, Rows] => [
    `box r=${r}`,
    (s, d, w, h) => boxRows(job(s, d, w, h), r),
    (s, d, w, h) => reference.boxRows(job(s, d, w, h), r),
  ]),
  ['sobel', (s, d, w, h) => sobelRows(job(s, d, w, h)), (s, d, w, h) => reference.sobelRows(job(s, d, w, h))],
];

describe('tuned image kernels equal the first versions', () => {
  test.each(CASES)('%s', (_, tuned, first) => {
    for (const [width, height] of SIZES) {
      for (const offset of [0, 1]) {
        const src = picture(width, height, offset);
        const expected = new Uint8ClampedArray(src.length);
        first(src, expected, width, height);
        const actual = new Uint8ClampedArray(new ArrayBuffer(src.length + offset), offset, src.length);
        tuned(src, actual, width, height);
        expect(Array.from(actual), `${width}×${height}, offset ${offset}`).toEqual(Array.from(expected));
      }
    }
  });
});

test('the two-channel box sums at radius 7 reach their largest value on a white picture and stay exact', () => {
  const [width, height] = [40, 31];
  const white = new Uint8ClampedArray(width * height * 4).fill(255);
  // One dark pixel: its neighbours' means are just under 255, where a lost carry would show.
  white.fill(0, 4 * (15 * width + 20), 4 * (15 * width + 21));
  const expected = new Uint8ClampedArray(white.length);
  reference.boxRows(job(white, expected, width, height), 7);
  const actual = new Uint8ClampedArray(white.length);
  boxRows(job(white, actual, width, height), 7);
  expect(Array.from(actual)).toEqual(Array.from(expected));
  expect(actual[0]).toBe(255);
});

test('the tuned sum equals the first version across its 2²⁰ blocks and near 2³¹ and 4·10⁹', () => {
  const ranges: [number, number][] = [
    [0, 0],
    [0, 5],
    [7, (1 << 20) + 3],
    [2 ** 31 - (1 << 20) - 5, 2 ** 31 + (1 << 20) + 7],
    [4_000_000_000 - 3_000_001, 4_000_000_000],
  ];
  for (const [start, end] of ranges) {
    expect(sumSquaresMod32(start, end), `[${start}, ${end})`).toBe(reference.sumSquaresMod32(start, end));
  }
});

test('the tuned Mandelbrot (two pixels side by side) equals the first version on odd widths and split rows', () => {
  for (const [width, height] of [
    [1, 1],
    [3, 2],
    [17, 13],
    [40, 9],
  ] as const) {
    // A view through the set's edge: neighbours escape at different counts, and some never.
    const view = { width, height, xMin: -2.2, xMax: 0.8, yMin: -1.5, yMax: 1, maxIterations: 300 };
    expect(Array.from(mandelbrotRows(view, 0, height)), `${width}×${height}`).toEqual(
      Array.from(reference.mandelbrotRows(view, 0, height)),
    );
    expect(Array.from(mandelbrotRows(view, 1, height))).toEqual(Array.from(reference.mandelbrotRows(view, 1, height)));
  }
});
