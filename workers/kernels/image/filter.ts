/**
 * The filters a picture can go through, as plain data that crosses to a worker. Pictures are RGBA, 4 bytes a pixel,
 * row after row. Neighbourhood filters read rows above and below (the halo); at the picture's edges they repeat the
 * outermost pixel (the clamp rule), so a band's output never depends on where the band was cut.
 */
export type Filter =
  | { name: 'grayscale' }
  | { name: 'invert' }
  | { name: 'box'; radius: number }
  | { name: 'gaussian'; sigma: number }
  | { name: 'sharpen' }
  | { name: 'sobel' };

export type FilterName = Filter['name'];

export const FILTER_NAMES: readonly FilterName[] = ['grayscale', 'invert', 'box', 'gaussian', 'sharpen', 'sobel'];

export const MAX_BOX_RADIUS = 50;
export const MIN_SIGMA = 0.3;
export const MAX_SIGMA = 25;

/** The Gaussian is cut off at 3σ: beyond it the weights are below 1.1% of the peak. */
function gaussianRadius(sigma: number): number {
  return Math.ceil(3 * sigma);
}

/** How many rows above and below a band a filter reads. */
export function haloRows(filter: Filter): number {
  switch (filter.name) {
    case 'grayscale':
    case 'invert':
      return 0;
    case 'box':
      return filter.radius;
    case 'gaussian':
      return gaussianRadius(filter.sigma);
    case 'sharpen':
    case 'sobel':
      return 1;
  }
}

/** Passes over the picture in shared mode: the separable Gaussian blurs rows, waits at a barrier, then columns. */
export function sharedPasses(filter: Filter): number {
  return filter.name === 'gaussian' ? 2 : 1;
}

/** Throws a RangeError for parameters a kernel cannot honour; the page validates earlier, with friendlier words. */
export function checkFilter(filter: Filter): void {
  if (
    filter.name === 'box' &&
    !(Number.isInteger(filter.radius) && filter.radius >= 1 && filter.radius <= MAX_BOX_RADIUS)
  ) {
    throw new RangeError(`box radius must be a whole number from 1 to ${MAX_BOX_RADIUS}, got ${filter.radius}`);
  }
  if (filter.name === 'gaussian' && !(filter.sigma >= MIN_SIGMA && filter.sigma <= MAX_SIGMA)) {
    throw new RangeError(`Gaussian sigma must be from ${MIN_SIGMA} to ${MAX_SIGMA}, got ${filter.sigma}`);
  }
  if (!FILTER_NAMES.includes(filter.name)) throw new RangeError(`unknown filter "${String(filter.name)}"`);
}
