import { BACKENDS, type Backend } from '../../workers/kernels/backend';
import { addMod32, MAX_SUM_N } from '../../workers/kernels/sum';
import { splitRange } from './split';
import type { Task } from './task';
import { parseBackend, parseInteger } from './validate';

export interface SumParams {
  n: number;
  backend?: Backend;
}

/**
 * Σ i² for i in [0, N), modulo 2³². Exact and identical for any split: addition modulo 2³² is associative, so the
 * partial sums of the ranges merge to the same 32 bits however the range is cut.
 */
export const sumTask: Task<SumParams, number> = {
  id: 'sum',
  label: 'Sum of squares',
  summary: 'Σ i² for i from 0 to N−1, in 32-bit integer arithmetic (modulo 2³²), split into ranges.',
  parameters: [{ key: 'n', label: 'N', help: `1 to ${MAX_SUM_N.toLocaleString('en')}; 2e9 is accepted` }],
  backends: BACKENDS,
  defaults: { n: '100000000', backend: 'js' },
  validate(raw) {
    const n = parseInteger(raw.n, { label: 'N', min: 1, max: MAX_SUM_N });
    const backend = parseBackend(raw.backend, BACKENDS);
    if (n.ok && backend.ok) return { ok: true, params: { n: n.value, backend: backend.value } };
    return { ok: false, errors: { ...(!n.ok && { n: n.error }), ...(!backend.ok && { backend: backend.error }) } };
  },
  split({ n, backend = 'js' }, chunks) {
    return splitRange(0, n, chunks).map(([start, end]) => ({
      kernel: 'sumSquaresMod32',
      args: [start, end],
      backend,
    }));
  },
  merge(_params, results) {
    return (results as number[]).reduce(addMod32, 0);
  },
  equal: (a, b) => a === b,
  format: ({ n }, result) => `Σ i² for i < ${n.toLocaleString('en')} ≡ ${result.toLocaleString('en')} (mod 2³²)`,
};
