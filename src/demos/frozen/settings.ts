import { integer } from '../../settings';

/**
 * fib(34) × 32 blocks the page for about 2 s on a fast desktop and some 10 s on a slow phone: the most the main-thread
 * run may freeze it (a fast machine needs all of it to reach the lesson's 2 s).
 */
const MAX_N = 34;
const MAX_CALLS = 32;
export const FROZEN_LIMIT_MS = 30_000;

export function frozenSchema() {
  return {
    n: integer({ label: 'n', step: 'one', min: 20, max: MAX_N, default: 32, help: `fib(n), 20 to ${MAX_N}` }),
    count: integer({ label: 'Calls', min: 1, max: MAX_CALLS, default: 8, help: `1 to ${MAX_CALLS}` }),
  };
}

/** The schema on this machine, by the name src/demos/registry.ts loads every demo's by. */
export const schemaFor = () => frozenSchema();

export type FrozenSchema = ReturnType<typeof frozenSchema>;
