import { integer } from '../../settings';
import type { Environment } from '../../environment';

/**
 * fib(34) takes about 70 ms on a 2020s laptop: 16 of them block the page twice for a few seconds at most. The default
 * batch is sized by the calibration probe so that the loop lasts about a second here, long enough to see.
 */
const MAX_N = 34;
const MAX_CALLS = 16;
export const ASYNC_LIMIT_MS = 30_000;

export function asyncSchema(cores: number) {
  return {
    n: integer({
      label: 'n',
      step: 'one',
      min: 20,
      max: MAX_N,
      default: 32,
      help: `20 to ${MAX_N}: each step up costs about 1.6× more`,
    }),
    count: integer({
      label: 'Calls',
      step: 'double',
      min: 1,
      max: MAX_CALLS,
      default: Math.min(MAX_CALLS, 2 * cores),
      help: `1 to ${MAX_CALLS} calls of fib(n)`,
    }),
  };
}

/** The schema on this machine, by the name src/demos/registry.ts loads every demo's by. */
export const schemaFor = (env: Environment) => asyncSchema(env.hardwareConcurrency);

export type AsyncSchema = ReturnType<typeof asyncSchema>;
