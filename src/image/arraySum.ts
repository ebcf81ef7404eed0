import { splitRange } from '../tasks/split';
import type { Mode } from './modes';
import { ChunkLedger, type ModeRun, type RunContext } from './modeRun';

/** The memory-bound task's input: the array, and its copy in shared memory once shared mode needs one. */
export interface FloatArrayInput {
  values: Float64Array;
  shared: Float64Array | null;
}

export { MAX_SUM_LENGTH, MIN_SUM_LENGTH } from './arraySumLimits';

/**
 * n whole numbers from 0 to 1023 in a fixed pseudo-random order (xorshift32, fixed seed): every partial sum is an
 * exact integer, so the parallel sums equal the sequential one bit for bit.
 */
export function makeFloatArray(n: number): Float64Array {
  const values = new Float64Array(n);
  let state = 0x9e3779b9 | 0;
  for (let i = 0; i < n; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    values[i] = state & 1023;
  }
  return values;
}

/** Copies the array into a SharedArrayBuffer (once, outside any timed run). */
export function shareFloatArray(values: Float64Array): Float64Array {
  const shared = new Float64Array(new SharedArrayBuffer(values.byteLength));
  shared.set(values);
  return shared;
}

/**
 * Sums the array with the pool's workers in one mode, in `chunks` ranges. Copy and transfer cut each range out on
 * the page first (a copy) and send it; shared sends only the range's bounds and a view of the same memory.
 */
export async function runArraySum(
  context: RunContext,
  input: FloatArrayInput,
  mode: Mode,
  chunks: number,
): Promise<ModeRun<number>> {
  const { values } = input;
  if (mode === 'shared' && !input.shared) throw new TypeError('shared mode needs the array in shared memory');
  const ranges = splitRange(0, values.length, chunks);
  const ledger = new ChunkLedger(context, mode, ranges.length);
  const futures = ranges.map(([from, to], index) => {
    const options = ledger.options(index);
    let future;
    if (mode === 'shared') {
      future = context.pool.submit({ kernel: 'sumFloat64', args: [input.shared!, from, to] }, options);
    } else {
      const part = ledger.copy(() => values.slice(from, to));
      if (mode === 'copy') ledger.bytesCloned += part.byteLength;
      else ledger.sent.push(part.buffer);
      const transfer = mode === 'transfer' ? [part.buffer] : undefined;
      future = context.pool.submit({ kernel: 'sumFloat64', args: [part, 0, part.length] }, { ...options, transfer });
    }
    return future.then((sum) => {
      ledger.progress();
      return sum;
    });
  });
  return ledger.finish(futures, (sums) => sums.reduce((a, b) => a + b, 0));
}
