import { BACKENDS, type Backend } from '../../../workers/kernels/backend';
import { haloRows, type Filter } from '../../../workers/kernels/image/filter';
import { planBands } from '../../image/bands';
import { equalBytes, type Picture } from '../../image/picture';
import { samplePicture } from '../../image/sample';
import type { Task } from '../../tasks/task';
import { parseBackend, parseInteger } from '../../tasks/validate';

/** The blur every backend runs here: strong enough to cost something, the same 12-bit fixed point everywhere. */
export const BLUR: Filter = { name: 'gaussian', sigma: 2 };

/** The sample picture's sides: from a thumbnail to the image demo's largest. */
export const MIN_BLUR_WIDTH = 16;
export const MAX_BLUR_WIDTH = 4096;

/** The sample picture is 3:2, like the image demo's. */
export const blurHeight = (width: number) => Math.max(1, Math.round((width * 2) / 3));

export interface BlurParams {
  picture: Picture;
  backend?: Backend;
}

/**
 * The image demo's Gaussian blur as a task: the built-in sample picture cut into bands, each sent with its halo rows
 * (copy mode: structured clone there and back, so it needs no cross-origin isolation), filtered, and put back in
 * order. The output is the same bytes for any band count and backend.
 */
export const blurTask: Task<BlurParams, Uint8ClampedArray> = {
  id: 'blur',
  label: 'Gaussian blur',
  summary: 'A Gaussian blur (σ = 2) of the sample picture, cut into bands of rows; each band travels with its halo.',
  parameters: [{ key: 'picture', label: 'Width (px)', help: `${MIN_BLUR_WIDTH} to ${MAX_BLUR_WIDTH}` }],
  backends: BACKENDS,
  defaults: { picture: '1400', backend: 'js' },
  /** Reads the width and draws the picture (the height is two thirds of it): call once per run, not per keystroke. */
  validate(raw) {
    const width = parseInteger(raw.picture, { label: 'Width', min: MIN_BLUR_WIDTH, max: MAX_BLUR_WIDTH });
    const backend = parseBackend(raw.backend ?? 'js', BACKENDS);
    if (!width.ok || !backend.ok) {
      return {
        ok: false,
        errors: { ...(!width.ok && { picture: width.error }), ...(!backend.ok && { backend: backend.error }) },
      };
    }
    return {
      ok: true,
      params: { picture: samplePicture(width.value, blurHeight(width.value)), backend: backend.value },
    };
  },
  split({ picture, backend = 'js' }, chunks) {
    const { width, height, data } = picture;
    const stride = width * 4;
    return planBands(height, chunks, haloRows(BLUR)).map((band) => ({
      kernel: 'filterBand',
      args: [BLUR, data.slice(band.top * stride, band.bottom * stride), band.top, width, height, band.y0, band.y1],
      backend,
    }));
  },
  merge({ picture }, results) {
    const output = new Uint8ClampedArray(picture.data.length);
    let offset = 0;
    for (const rows of results as Uint8ClampedArray[]) {
      output.set(rows, offset);
      offset += rows.length;
    }
    return output;
  },
  equal: (a, b) => equalBytes(a, b),
  format: ({ picture }, output) =>
    `${picture.width}×${picture.height} px blurred (${output.length.toLocaleString('en')} bytes)`,
};
