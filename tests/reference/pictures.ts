import type { Filter } from '../../workers/kernels/image/filter';

/** A seeded picture of random bytes (alpha included), so that every channel and edge case is exercised. */
export function randomPicture(width: number, height: number, seed = 1) {
  const data = new Uint8ClampedArray(width * height * 4);
  let state = seed;
  for (let i = 0; i < data.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[i] = state >>> 24;
  }
  return { width, height, data };
}

/** Every filter, the box blur at each radius and the Gaussian at each sigma given: each test picks the edge cases. */
export function everyFilter({ radii, sigmas }: { radii: number[]; sigmas: number[] }): Filter[] {
  return [
    { name: 'grayscale' },
    { name: 'invert' },
    ...radii.map((radius): Filter => ({ name: 'box', radius })),
    ...sigmas.map((sigma): Filter => ({ name: 'gaussian', sigma })),
    { name: 'sharpen' },
    { name: 'sobel' },
  ];
}
