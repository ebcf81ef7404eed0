import { integer } from '../../settings';
import { MAX_COUNTING_WORKERS } from '../../../workers/kernels/counter';
import type { Environment } from '../../environment';

/** Increments per worker: 10⁷ keeps the slowest way (the lock) within the time limit. */
const MAX_M = 10_000_000;
/** The whole run (every way, one after another) stops after this. */
export const RACES_LIMIT_MS = 60_000;

/** Up to twice the cores (more workers than cores take turns), and no more than the counter's words. */
const maxRaceWorkers = (cores: number) => Math.min(MAX_COUNTING_WORKERS, 2 * cores);

export function racesSchema(cores: number) {
  const max = maxRaceWorkers(cores);
  return {
    // Shown with their symbols; messages name them short ("M must be from 1 to 10,000,000").
    workers: {
      ...integer({
        label: 'Workers',
        min: 1,
        max,
        default: Math.min(cores, 4),
        help: `1 to ${max}; more than ${cores} shares the cores`,
      }),
      label: 'Workers (k)',
    },
    m: {
      ...integer({
        label: 'M',
        step: 'double',
        min: 1,
        max: MAX_M,
        default: 1_000_000,
        help: `1 to ${MAX_M.toLocaleString('en')}; the whole run stops after ${RACES_LIMIT_MS / 1000} s`,
      }),
      label: 'Increments per worker (M)',
    },
  };
}

/** The schema on this machine, by the name src/demos/registry.ts loads every demo's by. */
export const schemaFor = (env: Environment) => racesSchema(env.hardwareConcurrency);

export type RacesSchema = ReturnType<typeof racesSchema>;
