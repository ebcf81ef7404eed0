import { MAX_MANDELBROT_ITERATIONS, MAX_MANDELBROT_SIDE, type MandelbrotView } from '../../workers/kernels/mandelbrot';
import { BACKENDS, type Backend } from '../../workers/kernels/backend';
import { splitRange } from './split';
import type { Validation } from './task';
import type { UnevenTask } from './uneven';
import { parseBackend, parseDecimal, parseInteger, type Parsed } from './validate';

export type MandelbrotParams = MandelbrotView & { backend?: Backend };

/** How far out the region may reach: the whole set lies within |c| ≤ 2. */
const PLANE = 4;

/**
 * The Mandelbrot image, cut into bands of rows. The default region is off-centre (more of the set below the real
 * axis than above), so that contiguous blocks of rows cost different amounts even on two workers.
 */
export const mandelbrotTask: UnevenTask<MandelbrotParams, Uint16Array> = {
  id: 'mandelbrot',
  label: 'Mandelbrot',
  summary: 'Escape counts of the Mandelbrot set, one chunk per band of rows; rows through the set cost the most.',
  unit: 'rows',
  units: ({ height }) => height,
  parameters: [
    { key: 'width', label: 'Width (px)', help: `1 to ${MAX_MANDELBROT_SIDE}` },
    { key: 'height', label: 'Height (px)', help: `1 to ${MAX_MANDELBROT_SIDE}` },
    // The region of the complex plane: rarely changed, so under "More settings".
    { key: 'xMin', label: 'Real from', help: `−${PLANE} to ${PLANE}`, advanced: true },
    { key: 'xMax', label: 'Real to', help: 'greater than "Real from"', advanced: true },
    { key: 'yMin', label: 'Imaginary from (top)', help: `−${PLANE} to ${PLANE}`, advanced: true },
    { key: 'yMax', label: 'Imaginary to (bottom)', help: 'greater than "Imaginary from"', advanced: true },
    { key: 'maxIterations', label: 'Iteration limit', help: `1 to ${MAX_MANDELBROT_ITERATIONS.toLocaleString('en')}` },
  ],
  backends: BACKENDS,
  defaults: {
    backend: 'js',
    width: '480',
    height: '400',
    xMin: '-2.2',
    xMax: '0.8',
    yMin: '-1.5',
    yMax: '1',
    maxIterations: '2000',
  },
  validate(raw): Validation<MandelbrotParams> {
    const side = { min: 1, max: MAX_MANDELBROT_SIDE };
    const plane = { min: -PLANE, max: PLANE };
    const fields = {
      width: parseInteger(raw.width, { label: 'Width', ...side }),
      height: parseInteger(raw.height, { label: 'Height', ...side }),
      xMin: parseDecimal(raw.xMin, { label: 'Real from', ...plane }),
      xMax: parseDecimal(raw.xMax, { label: 'Real to', ...plane }),
      yMin: parseDecimal(raw.yMin, { label: 'Imaginary from', ...plane }),
      yMax: parseDecimal(raw.yMax, { label: 'Imaginary to', ...plane }),
      maxIterations: parseInteger(raw.maxIterations, {
        label: 'Iteration limit',
        min: 1,
        max: MAX_MANDELBROT_ITERATIONS,
      }),
    } satisfies Record<keyof MandelbrotView, Parsed<number>>;
    const backend = parseBackend(raw.backend, BACKENDS);
    const errors: Partial<Record<keyof MandelbrotParams, string>> = {};
    for (const [key, parsed] of Object.entries(fields))
      if (!parsed.ok) errors[key as keyof MandelbrotParams] = parsed.error;
    if (!backend.ok) errors.backend = backend.error;
    const { xMin, xMax, yMin, yMax } = fields;
    if (xMin.ok && xMax.ok && xMax.value <= xMin.value) {
      errors.xMax = 'The region has no width: "Real to" must be greater than "Real from"';
    }
    if (yMin.ok && yMax.ok && yMax.value <= yMin.value) {
      errors.yMax = 'The region has no height: "Imaginary to" must be greater than "Imaginary from"';
    }
    if (Object.keys(errors).length) return { ok: false, errors };
    // Every field parsed (no error was recorded), so each holds a value.
    const view = Object.fromEntries(
      Object.entries(fields).map(([key, parsed]) => [key, (parsed as { value: number }).value]),
    ) as unknown as MandelbrotView;
    return { ok: true, params: { ...view, backend: (backend as { value: Backend }).value } };
  },
  split(params, chunks) {
    const { backend = 'js', ...view } = params;
    return splitRange(0, params.height, chunks).map(([start, end]) => ({
      kernel: 'mandelbrotRows',
      args: [view, start, end],
      backend,
    }));
  },
  merge(params, results) {
    const image = new Uint16Array(params.width * params.height);
    let offset = 0;
    for (const band of results as Uint16Array[]) {
      image.set(band, offset);
      offset += band.length;
    }
    return image;
  },
  equal: (a, b) => a.length === b.length && a.every((value, i) => value === b[i]),
  format(params, image) {
    let inside = 0;
    for (const count of image) if (count === params.maxIterations) inside++;
    return `${params.width}×${params.height} px, ${inside.toLocaleString('en')} inside the set`;
  },
};
