import { MAX_FIB_N } from '../../workers/kernels/fib';
import { splitList } from './split';
import type { Task } from './task';
import { parseInteger } from './validate';

export interface FibParams {
  n: number;
  k: number;
}

export const MAX_FIB_BATCH = 256;

/** A batch of k naive fib(n) calls, "map fib over a list", with the list cut into chunks. */
export const fibTask: Task<FibParams, number[]> = {
  id: 'fib',
  label: 'Fibonacci batch',
  summary: 'k calls of naive recursive fib(n), the batch split across workers.',
  parameters: [
    { key: 'n', label: 'n', help: `0 to ${MAX_FIB_N}; each step up costs about 1.6× more` },
    { key: 'k', label: 'k (calls)', help: `1 to ${MAX_FIB_BATCH}` },
  ],
  defaults: { n: '30', k: '16' },
  validate(raw) {
    const n = parseInteger(raw.n, { label: 'n', min: 0, max: MAX_FIB_N });
    const k = parseInteger(raw.k, { label: 'k', min: 1, max: MAX_FIB_BATCH });
    if (n.ok && k.ok) return { ok: true, params: { n: n.value, k: k.value } };
    return { ok: false, errors: { ...(!n.ok && { n: n.error }), ...(!k.ok && { k: k.error }) } };
  },
  split({ n, k }, chunks) {
    return splitList(
      Array.from({ length: k }, () => n),
      chunks,
    ).map((ns) => ({ kernel: 'fibBatch', args: [ns] }));
  },
  merge(_params, results) {
    return (results as number[][]).flat();
  },
  equal: (a, b) => a.length === b.length && a.every((value, i) => value === b[i]),
  format: ({ n, k }, result) => `fib(${n}) = ${(result[0] ?? 0).toLocaleString('en')}, ${k} call${k === 1 ? '' : 's'}`,
};
