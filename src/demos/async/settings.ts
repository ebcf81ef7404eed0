import { integer } from '../../settings';

/** fib(32) takes some tens of ms; 16 of them block the page twice for about a second at most on a slow machine. */
const MAX_N = 32;
const MAX_CALLS = 16;
export const ASYNC_LIMIT_MS = 30_000;

export function asyncSchema(cores: number) {
  return {
    n: integer({
      label: 'n',
      min: 20,
      max: MAX_N,
      default: 32,
      help: `20 to ${MAX_N}: each step up costs about 1.6× more`,
    }),
    count: integer({
      label: 'Calls',
      min: 1,
      max: MAX_CALLS,
      default: Math.min(MAX_CALLS, 2 * cores),
      help: `1 to ${MAX_CALLS} calls of fib(n)`,
    }),
  };
}

export type AsyncSchema = ReturnType<typeof asyncSchema>;
