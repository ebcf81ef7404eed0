import { formatCount } from '../../format';
import { MAX_SUM_LENGTH, MIN_SUM_LENGTH } from '../../image/arraySumLimits';
import { MODE_LABELS, MODES, modeUnavailable, type Mode } from '../../image/modes';
import { choice, integer, type ChoiceSetting } from '../../settings';
import { repetitions, workerCounts } from '../fields';
import type { Environment } from '../../environment';

/**
 * How data reaches the workers. Shared memory needs a cross-origin isolated page: where it is not, a link asking
 * for it is refused with a notice, and the form offers copy and transfer only.
 */
function dataMode(crossOriginIsolated: boolean): ChoiceSetting<Mode> {
  const base = choice({
    label: 'How data reaches the workers',
    options: MODES.map((value) => ({ value, label: MODE_LABELS[value] })),
    default: 'copy',
  });
  return {
    ...base,
    parse: (raw) => {
      const parsed = base.parse(raw);
      const unavailable = parsed.ok ? modeUnavailable(parsed.value, crossOriginIsolated) : undefined;
      return unavailable ? { ok: false, error: unavailable } : parsed;
    },
  };
}

/**
 * The memory-bound sum's settings, under the same URL names as when it was part of the image demo
 * (`array-sum.n`, `array-sum.mode`, `array-sum.workers`), plus the repetitions it used to fix at 3.
 * The registry should pass the page's isolation, as it does for the image demo; without it shared mode is accepted
 * in a link, and only the form refuses it.
 */
export function arraySumSchema(cores: number, crossOriginIsolated = true) {
  return {
    n: integer({
      label: 'Elements',
      step: 'double',
      min: MIN_SUM_LENGTH,
      max: MAX_SUM_LENGTH,
      default: 20_000_000,
      help: `${formatCount(MIN_SUM_LENGTH)} to ${formatCount(MAX_SUM_LENGTH)} (8 bytes each)`,
    }),
    mode: dataMode(crossOriginIsolated),
    // Up to the cores: a memory-bound sum gains nothing from more threads than cores.
    workers: workerCounts(cores, { upToTwiceTheCores: false, label: 'Workers to try for the sum' }),
    reps: repetitions(),
  };
}

/** The schema on this machine, by the name src/demos/registry.ts loads every demo's by. */
export const schemaFor = (env: Environment) => arraySumSchema(env.hardwareConcurrency, env.crossOriginIsolated);

export type ArraySumSchema = ReturnType<typeof arraySumSchema>;
