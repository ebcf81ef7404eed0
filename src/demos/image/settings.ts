import { FILTER_NAMES, MAX_BOX_RADIUS, MAX_SIGMA, MIN_SIGMA } from '../../../workers/kernels/image/filter';
import { BACKEND_LABELS } from '../../../workers/kernels/backend';
import { FILTER_BACKENDS, FILTER_LABELS } from '../../image/filterParams';
import { MODE_LABELS, MODES, modeUnavailable } from '../../image/modes';
import { choice, decimal, integer } from '../../settings';
import { repetitions, workerCounts } from '../fields';
import type { Environment } from '../../environment';

/** Bands per worker: more gives finer progress and balance, at a little messaging cost. */
export const MAX_BANDS_PER_WORKER = 16;

export function imageSchema(cores: number, crossOriginIsolated: boolean) {
  return {
    filter: choice({
      label: 'Filter',
      options: FILTER_NAMES.map((name) => ({ value: name, label: FILTER_LABELS[name] })),
      // Edges show at a glance on either side of the split; a blur of the sample's smooth sky hardly shows.
      default: 'sobel',
    }),
    radius: integer({
      label: 'Radius',
      min: 1,
      max: MAX_BOX_RADIUS,
      default: 3,
      help: `Pixels, 1 to ${MAX_BOX_RADIUS}`,
      when: (raw) => raw.filter === 'box',
    }),
    sigma: decimal({
      label: 'Sigma',
      min: MIN_SIGMA,
      max: MAX_SIGMA,
      default: 2,
      help: `Pixels, ${MIN_SIGMA} to ${MAX_SIGMA}; the kernel reaches 3σ`,
      when: (raw) => raw.filter === 'gaussian',
    }),
    // A link cannot ask for shared memory on a page that has none.
    mode: choice({
      label: 'How data reaches the workers',
      options: MODES.filter((mode) => !modeUnavailable(mode, crossOriginIsolated)).map((mode) => ({
        value: mode,
        label: MODE_LABELS[mode],
      })),
      default: 'copy',
    }),
    backend: choice({
      label: 'Kernels in',
      options: FILTER_BACKENDS.map((backend) => ({ value: backend, label: BACKEND_LABELS[backend] })),
      default: 'js',
    }),
    workers: workerCounts(cores, { upToTwiceTheCores: false }),
    bands: integer({
      label: 'Bands per worker',
      min: 1,
      max: MAX_BANDS_PER_WORKER,
      default: 4,
      help: `1 to ${MAX_BANDS_PER_WORKER}; more bands, finer progress`,
      advanced: true, // rarely changed: under "More settings"
    }),
    reps: repetitions(),
  };
}

/** The schema on this machine, by the name src/demos/registry.ts loads every demo's by. */
export const schemaFor = (env: Environment) => imageSchema(env.hardwareConcurrency, env.crossOriginIsolated);

export type ImageSchema = ReturnType<typeof imageSchema>;
